import { parseIsoDate } from './format-date';

/**
 * How close a lot is to its expiry, for the colour bands of the stock screen (30/14/7 days,
 * ARCHITECTURE.md "Renderer"). A lot is usable through its expiry date, so on that day it has
 * 0 days left and is in the 7-day band; it is `expired` from the next day.
 */
export type ExpiryBand = 'expired' | 'within-7' | 'within-14' | 'within-30' | 'ok' | 'unknown';

/** Whole days from `today` to `expiry` (both `YYYY-MM-DD`), counted on the calendar, not in hours. */
export function daysUntil(expiry: string, today: string): number | null {
  const end = parseIsoDate(expiry);
  const start = parseIsoDate(today);
  if (!end || !start) return null;
  const dayMs = 86_400_000;
  return Math.round((Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(start.year, start.month - 1, start.day)) / dayMs);
}

export function expiryBand(expiry: string, today: string): ExpiryBand {
  const days = daysUntil(expiry, today);
  if (days === null) return 'unknown';
  if (days < 0) return 'expired';
  if (days <= 7) return 'within-7';
  if (days <= 14) return 'within-14';
  if (days <= 30) return 'within-30';
  return 'ok';
}

/** Words for the band, so colour is never the only signal (WCAG 1.4.1). */
export function describeExpiry(expiry: string, today: string): string | null {
  const days = daysUntil(expiry, today);
  if (days === null) return null;
  if (days < -1) return `Expired ${-days} days ago`;
  if (days === -1) return 'Expired yesterday';
  if (days === 0) return 'Expires today';
  if (days === 1) return 'Expires tomorrow';
  if (days <= 30) return `Expires in ${days} days`;
  return null;
}
