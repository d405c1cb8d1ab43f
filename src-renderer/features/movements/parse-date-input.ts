import { parseIsoDate, toIsoDate } from '../../../shared/inventory/expiry';
import { formatDate } from '../stock/format-date';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as a person types it into a text box, read only in unambiguous forms: `2027-03-12`,
 * `2027/03/12` and `12 Mar 2027` (or `12 March 2027`). `03/12/27` is refused, never guessed.
 * Returns `YYYY-MM-DD`, or null. A plain text box rather than `<input type="date">`, whose
 * display follows the OS locale (`03/12/2027` in the US).
 */
export function parseDateInput(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const words = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(value);
  if (words) {
    const name = (words[2] ?? '').toLowerCase();
    const month = MONTHS.findIndex((m) => name === m || (name.length >= 3 && m === name.slice(0, 3) && fullMonth(m).startsWith(name)));
    if (month >= 0) return checked(Number(words[3]), month + 1, Number(words[1]));
  }
  return null;
}

/** Under a date field: the date as Atlas will store it, or why it cannot be read. */
export function describeDateInput(text: string): { iso: string | null; hint: string | null; error: string | null } {
  if (text.trim() === '') return { iso: null, hint: null, error: null };
  const iso = parseDateInput(text);
  if (iso) return { iso, hint: formatDate(iso), error: null };
  return { iso: null, hint: null, error: 'Enter the date as 2027-03-12 or 12 Mar 2027.' };
}

function checked(year: number, month: number, day: number): string | null {
  const iso = toIsoDate({ year, month, day });
  return parseIsoDate(iso) ? iso : null;
}

function fullMonth(abbr: string): string {
  const names: Record<string, string> = { jan: 'january', feb: 'february', mar: 'march', apr: 'april', may: 'may', jun: 'june', jul: 'july', aug: 'august', sep: 'september', oct: 'october', nov: 'november', dec: 'december' };
  return names[abbr] ?? abbr;
}
