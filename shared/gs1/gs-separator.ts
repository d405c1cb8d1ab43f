/**
 * FNC1 as a scanner transmits it between fields: the ASCII group separator GS, 0x1D (GS1 General
 * Specifications §7.8: a variable-length field that is not last is ended by FNC1, sent as GS).
 */
export const GS = '\u001d';

/**
 * Stand-ins for GS that a person can type in a shell or a text box, turned into GS: `<GS>`, the
 * escapes `\x1d` / `\u001d`, and `|`. `\` and `|` are outside GS1 character sets 82 and 39
 * (§7.11), so they never occur in GS1 data; `<GS>` is made of set-82 characters, and only a lot
 * or serial literally containing "<GS>" would be misread.
 */
export function normalizeGsSeparators(text: string): string {
  return text.replace(/<GS>|\\x1d|\\u001d|\|/gi, GS);
}
