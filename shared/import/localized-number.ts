/**
 * A number as people type it in either European or English convention: "1,200" and "1.200"
 * are both twelve hundred, "1.234,50" and "1,234.50" both 1234.5, and "1 200" / "1'200" (Swiss)
 * group thousands with a space, no-break space (U+00A0, U+202F) or apostrophe.
 *
 * The one ambiguous case, a single "," or "." followed by exactly three digits, is read as a
 * thousands separator: stock counts are whole numbers, so "1,200" is far likelier to be 1200
 * than 1.2. "0,500" has no thousands to group and stays 0.5.
 */
export interface LocalizedNumber {
  value: number;
  /** The text had a decimal separator (even "12,00"). */
  hasDecimals: boolean;
  negative: boolean;
}

const GROUP_ONLY = /[\u00a0\u202f\u2009 '’]/g;

export function parseLocalizedNumber(input: string): LocalizedNumber | null {
  let text = input.trim();
  let negative = false;
  // Accounting negatives "(12)" and the minus sign U+2212 as well as "-".
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (/^[-−+]/.test(text)) {
    negative = negative || text[0] !== '+';
    text = text.slice(1).trim();
  }
  text = text.replace(GROUP_ONLY, "'");
  if (!/^[\d.,']+$/.test(text) || !/\d/.test(text)) return null;
  const decimalAt = decimalSeparatorIndex(text);
  const whole = decimalAt < 0 ? text : text.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? '' : text.slice(decimalAt + 1);
  if (fraction !== '' && !/^\d+$/.test(fraction)) return null;
  if (decimalAt >= 0 && fraction === '') return null;
  const digits = groupedDigits(whole, decimalAt >= 0);
  if (digits === null) return null;
  const value = Number(`${digits || '0'}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? { value: negative ? -value : value, hasDecimals: decimalAt >= 0, negative: negative && value !== 0 } : null;
}

function decimalSeparatorIndex(text: string): number {
  const dot = text.lastIndexOf('.');
  const comma = text.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return Math.max(dot, comma);
  const at = Math.max(dot, comma);
  if (at < 0) return -1;
  const separator = text[at] ?? '';
  if (text.indexOf(separator) !== at) return -1; // used twice: it groups thousands
  const before = text.slice(0, at);
  const after = text.slice(at + 1);
  if (/^\d{3}$/.test(after) && /^[1-9]\d{0,2}(?:'\d{3})*$/.test(before)) return -1;
  return at;
}

/** The digits of the whole part, if its thousands are grouped consistently (or not at all). */
function groupedDigits(whole: string, hasDecimal: boolean): string | null {
  if (whole === '') return hasDecimal ? '' : null;
  if (/^\d+$/.test(whole)) return whole;
  const separators = new Set(whole.replace(/\d/g, ''));
  if (separators.size !== 1) return null;
  const [separator = ''] = separators;
  const groups = whole.split(separator);
  const [head = '', ...rest] = groups;
  if (!/^\d{1,3}$/.test(head) || rest.some((g) => !/^\d{3}$/.test(g))) return null;
  return groups.join('');
}
