import type { PDFFont } from 'pdf-lib';

/**
 * Text for the PDF's standard fonts, which encode only Windows-1252 (WinAnsi): Latin-1 plus the
 * few typographic characters below. Text is NFC-normalised first (so "Zoe" + combining diaeresis
 * prints as "Zoë"), common symbols get an ASCII spelling, and anything else becomes "?" — the
 * printout never fails on a name, and the JSON bundle keeps the exact text that was signed.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SPELLED: Record<string, string> = {
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '−': '-',
  '→': '->',
  '←': '<-',
  '✓': 'yes',
  '✔': 'yes',
  '✗': 'no',
  '✘': 'no',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\t': '    ',
};

export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += SPELLED[ch] ?? (code < 0x20 ? ' ' : '?');
  }
  return out;
}

/** True when `text` prints exactly as written (no character had to be replaced). */
export function printsExactly(text: string): boolean {
  return winAnsi(text) === text.normalize('NFC').replace(/\t/g, '    ');
}

/**
 * Greedy word wrap to `width` points; words longer than a line (hashes, long ids) are broken
 * by character. Explicit newlines start a new line. Returns at least one (possibly empty) line.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n').map(winAnsi)) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (rest && !fits(rest)) {
        let n = rest.length - 1;
        while (n > 1 && !fits(rest.slice(0, n))) n--;
        lines.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
