import { parseIsoDate, toIsoDate } from '../../../shared/inventory/expiry';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * `2027-03-12` → `12 Mar 2027`: day, English month abbreviation, full year, the same in every
 * locale, so `03/12/27` can never be read as 3 December. Anything that is not a calendar date
 * (read by the shared `parseIsoDate`) is shown as it is rather than hidden.
 */
export function formatDate(value: string): string {
  const date = parseIsoDate(value);
  if (!date) return value;
  return `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

/** Today's calendar date where the user is, as `YYYY-MM-DD`. */
export function localIsoDate(now: Date = new Date()): string {
  return toIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}
