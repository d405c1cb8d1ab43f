import { lastDayOfMonth, toIsoDate } from '../inventory/expiry';
import { fail, ok, type Result } from '../ndc/result';

/** What day 00 means: AI (17) "last day of the month"; elsewhere per AI; `yymmdd` forbids it. */
export type DayZero = 'last-day' | 'first-day' | 'not-allowed';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The four-digit year of a two-digit GS1 year, GS1 General Specifications §7.12: a year 51 to 99
 * ahead of the current one is in the previous century, one 50 to 99 behind it in the next,
 * otherwise the current century. So the result lies in currentYear-49 … currentYear+50.
 */
export function resolveCentury(yy: number, currentYear: number): number {
  const year = currentYear - (currentYear % 100) + yy;
  if (year > currentYear + 50) return year - 100;
  if (year < currentYear - 49) return year + 100;
  return year;
}

/**
 * A GS1 `YYMMDD` date as ISO `YYYY-MM-DD`. The error message names only the problem
 * ("month 13 does not exist"); the caller says which AI it came from.
 */
export function gs1DateToIso(yymmdd: string, currentYear: number, dayZero: DayZero): Result<string> {
  if (!/^\d{6}$/.test(yymmdd)) return fail('gs1/invalid-date', 'a date is 6 digits, YYMMDD');
  const year = resolveCentury(Number(yymmdd.slice(0, 2)), currentYear);
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return fail('gs1/invalid-date', `month ${yymmdd.slice(2, 4)} does not exist`);
  const last = lastDayOfMonth(year, month);
  if (day === 0) {
    if (dayZero === 'not-allowed') return fail('gs1/invalid-date', 'day 00 is not allowed in this date');
    return ok(toIsoDate({ year, month, day: dayZero === 'last-day' ? last : 1 }));
  }
  if (day > last) return fail('gs1/invalid-date', `day ${day} does not exist in ${MONTH_NAMES[month - 1]} ${year}`);
  return ok(toIsoDate({ year, month, day }));
}
