import { AppError } from '../errors';

/**
 * Date-only arithmetic on `YYYY-MM-DD` strings for expiry dates. Expiry is a calendar date, not
 * an instant: `new Date('2027-03-12')` is UTC midnight, i.e. 11 March in the Americas, so nothing
 * here builds a Date. Days are counted with integer arithmetic on the proleptic Gregorian
 * calendar (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil).
 *
 * A lot is usable through its expiry date: 21 CFR 211.137(a) dates assure quality "at the time
 * of use", and USP General Notices 10.40.100 read a month/year expiry as the last day of that
 * month. So on its expiry date a lot has 0 days left and is not yet expired.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export type ExpiryBand = 'expired' | 'le7' | 'le14' | 'le30' | 'ok';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 28 to 31; `month` is 1-12. */
export function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` as a calendar date, or null if it is not one (`2021-02-30`, `21-3-1`). */
export function parseIsoDate(value: string): CalendarDate | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return { year, month, day };
}

export function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole calendar days from `today` to `expiry`: 0 on the expiry date, negative once past it. */
export function daysUntil(expiry: string, today: string): number {
  return dayNumber(expiry, 'expiry') - dayNumber(today, 'today');
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: string, b: string): number {
  return Math.sign(dayNumber(a, 'date') - dayNumber(b, 'date'));
}

/** Expired from the day after the expiry date (usable through the date itself). */
export function isExpired(expiry: string, today: string): boolean {
  return daysUntil(expiry, today) < 0;
}

/** The colour band of the stock screen: 30/14/7 days left (issue 3, "Screens"). */
export function expiryBand(expiry: string, today: string): ExpiryBand {
  const days = daysUntil(expiry, today);
  if (days < 0) return 'expired';
  if (days <= 7) return 'le7';
  if (days <= 14) return 'le14';
  if (days <= 30) return 'le30';
  return 'ok';
}

/** The date `days` calendar days after (or before, if negative) `date`. */
export function addDays(date: string, days: number): string {
  return toIsoDate(civilFromDays(dayNumber(date, 'date') + days));
}

function dayNumber(value: string, what: string): number {
  const date = parseIsoDate(value);
  if (!date) throw new AppError('validation/invalid-input', `${what} "${value}" is not a calendar date (YYYY-MM-DD).`);
  return daysFromCivil(date);
}

// Days since 1970-01-01; March-based years put the leap day last.
function daysFromCivil({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(days: number): CalendarDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
