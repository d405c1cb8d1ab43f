import { monthNumber } from './month-names';

/**
 * A date as written, before any order is chosen. `dayMonth` is "a/b/y" whose reading depends on
 * the column's convention; every other shape reads the same whatever the convention.
 */
export type DateReading =
  | { shape: 'ymd'; year: number; month: number; day: number }
  | { shape: 'dayMonth'; first: number; second: number; year: number; separator: string }
  | { shape: 'monthYear'; year: number; month: number }
  | { shape: 'textMonth'; year: number; month: number; day: number }
  | { shape: 'compact'; year: number; month: number; day: number };

/**
 * Words printed before a date on labels and in sheets ("Exp 01/13" in FDA recall notices,
 * "EXP: 01/2013", "Use by", "Verw. bis", "Cad."); they carry no date information.
 */
const PREFIX =
  /^(?:exp(?:iry|iration|ires|\.)?(?:\s*date)?|use\s+(?:by|before)|best\s+before|verw(?:endbar)?\.?\s*bis|verfall(?:s?datum)?|haltbar\s+bis|mhd|p[ée]remption|dlu|cad(?:ucidad)?\.?|vto\.?|scad(?:enza)?\.?|tht|val(?:idade)?\.?)(?![\p{L}])\s*[:.\-]?\s*/iu;

const ISO = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
// "6/30/2025 0:00" is how Excel writes a date cell to CSV in a US locale.
const DAY_MONTH = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$/i;
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4}|\d{2})$/;
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** A letter and a separator: the least a "Jun-25" or "30 Jun 2025" has. */
const MAY_BE_NAMED = /^(?=.*\p{L})(?=.*[\s\-/.,])/u;

/** The year a two-digit year stands for: expiry dates lie ahead, so "25" is 2025 and "99" 2099. */
export function fullYear(digits: string): number {
  const n = Number(digits);
  return digits.length <= 2 ? 2000 + n : n;
}

export function stripDatePrefix(text: string): string {
  return text.replace(PREFIX, '');
}

/** The shape of a date-like text, or null when it is not written like a date at all. */
export function readDateText(raw: string): DateReading | null {
  const text = stripDatePrefix(raw.trim());
  if (text.length < 4 || text.length > 40) return null;
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    let m = ISO.exec(text);
    if (m) return { shape: 'ymd', year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) };
    m = DAY_MONTH.exec(text);
    if (m) return { shape: 'dayMonth', first: Number(m[1]), second: Number(m[3]), year: fullYear(m[4] ?? ''), separator: m[2] ?? '/' };
    m = MONTH_YEAR.exec(text);
    if (m) return { shape: 'monthYear', month: Number(m[1]), year: fullYear(m[2] ?? '') };
    m = YEAR_MONTH.exec(text);
    if (m) return { shape: 'monthYear', year: Number(m[1]), month: Number(m[2]) };
    m = COMPACT.exec(text);
    if (m) {
      const year = Number(m[1]);
      // Only plausible YYYYMMDD: an 8-digit product code must not become a date.
      if (year >= 1900 && year <= 2199 && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { shape: 'compact', year, month: Number(m[2]), day: Number(m[3]) };
    }
  }
  return readNamedMonth(text);
}

/** "Jun-25", "June 2025", "30 Jun 2025", "30. Juni 2025", "Jun 30, 2025", "2025-Jun-30". */
function readNamedMonth(text: string): DateReading | null {
  if (!MAY_BE_NAMED.test(text)) return null;
  const tokens = text.split(/[\s\-/.,]+/).filter((t) => t.length > 0);
  if (tokens.length < 2 || tokens.length > 3) return null;
  let month = 0;
  let monthAt = -1;
  const numbers: string[] = [];
  for (const [i, token] of tokens.entries()) {
    const digits = /^(\d{1,4})(?:st|nd|rd|th|er|º)?$/i.exec(token);
    if (digits) {
      numbers.push(digits[1] ?? '');
      continue;
    }
    // Month words are 3 to 12 letters ("mai" … "pazdziernika"); anything else ends the search cheaply.
    const n = token.length >= 3 && token.length <= 12 ? monthNumber(token) : null;
    if (n === null || monthAt >= 0) return null;
    month = n;
    monthAt = i;
  }
  if (monthAt < 0) return null;
  if (numbers.length === 1) {
    const [y = ''] = numbers;
    if (y.length !== 2 && y.length !== 4) return null;
    return { shape: 'monthYear', month, year: fullYear(y) };
  }
  const [a = '', b = ''] = numbers;
  if (a.length === 4) return { shape: 'textMonth', year: Number(a), month, day: Number(b) };
  if (b.length !== 2 && b.length !== 4) return null;
  return { shape: 'textMonth', year: fullYear(b), month, day: Number(a) };
}
