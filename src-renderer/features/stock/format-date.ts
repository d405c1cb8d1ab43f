const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Parses `YYYY-MM-DD` as a calendar date. Deliberately never builds a local `Date`: `new
 * Date('2027-03-12')` is UTC midnight, which is 11 Mar in the Americas.
 */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * `2027-03-12` → `12 Mar 2027`: day, English month abbreviation, full year, the same in every
 * locale, so `03/12/27` can never be read as 3 December. Anything unparsable is shown as it is
 * rather than hidden.
 */
export function formatDate(value: string): string {
  const date = parseIsoDate(value);
  if (!date) return value;
  return `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

/** Today's calendar date where the user is, as `YYYY-MM-DD`. */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps it free of DST.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
