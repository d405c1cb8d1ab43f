import { daysUntil, expiryBand as sharedExpiryBand, parseIsoDate, type ExpiryBand as SharedExpiryBand } from '../../../shared/inventory/expiry';

/**
 * How close a lot is to its expiry, for the colour bands of the stock screen (30/14/7 days,
 * ARCHITECTURE.md "Renderer"), counted by `shared/inventory/expiry`: a lot is usable through its
 * expiry date, so on that day it has 0 days left and is in the 7-day band; it is `expired` from
 * the next day. `unknown` is for a value that is not a date, which the screen shows as it is.
 */
export type ExpiryBand = 'expired' | 'within-7' | 'within-14' | 'within-30' | 'ok' | 'unknown';

const BANDS: Record<SharedExpiryBand, ExpiryBand> = { expired: 'expired', le7: 'within-7', le14: 'within-14', le30: 'within-30', ok: 'ok' };

/** The shared `daysUntil`, but null rather than an error when either value is not a `YYYY-MM-DD` date. */
export function daysLeft(expiry: string, today: string): number | null {
  return parseIsoDate(expiry) && parseIsoDate(today) ? daysUntil(expiry, today) : null;
}

export function expiryBand(expiry: string, today: string): ExpiryBand {
  return daysLeft(expiry, today) === null ? 'unknown' : BANDS[sharedExpiryBand(expiry, today)];
}

/** Words for the band, so colour is never the only signal (WCAG 1.4.1). */
export function describeExpiry(expiry: string, today: string): string | null {
  const days = daysLeft(expiry, today);
  if (days === null) return null;
  if (days < -1) return `Expired ${-days} days ago`;
  if (days === -1) return 'Expired yesterday';
  if (days === 0) return 'Expires today';
  if (days === 1) return 'Expires tomorrow';
  if (days <= 30) return `Expires in ${days} days`;
  return null;
}
