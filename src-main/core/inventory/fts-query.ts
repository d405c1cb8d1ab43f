/**
 * Turns what a person types into an FTS5 MATCH expression: every word must match as a prefix,
 * in any column. Codes (NDC, GTIN, lot) are also matched with punctuation removed against the
 * `codes` column, so "0093-0058" finds NDC 00093005801. Returns null when nothing searchable is left.
 */
export function ftsQuery(input: string): string | null {
  const words = input
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.trim())
    .filter(Boolean);
  const terms = words
    .map((word) => {
      const compact = word.replace(/[^\p{L}\p{N}]/gu, '');
      if (!compact) return null;
      const tokens = word.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      // Each token quoted (FTS5 syntax characters in input can never break the query) + prefix.
      const asWords = tokens.map((t) => `"${t}"*`).join(' ');
      return `(${asWords} OR codes : "${compact}"*)`;
    })
    .filter((t): t is string => t !== null);
  return terms.length ? terms.join(' AND ') : null;
}
