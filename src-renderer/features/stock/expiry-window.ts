import { addDays } from '../../../shared/inventory/expiry';
import type { StockRow } from '../../../shared/inventory/stock-row';
import { daysLeft } from './expiry-band';

/** The expiry filter of the stock screen, matching the colour bands (30/14/7 days). */
export const EXPIRY_WINDOWS = [
  { value: 'all', label: 'Any expiry' },
  { value: 'expired', label: 'Expired' },
  { value: '7', label: 'Expires within 7 days' },
  { value: '14', label: 'Expires within 14 days' },
  { value: '30', label: 'Expires within 30 days' },
] as const;
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number]['value'];

export function isExpiryWindow(value: string): value is ExpiryWindow {
  return EXPIRY_WINDOWS.some((w) => w.value === value);
}

/** The `expiresBy` bound for the query (the replica narrows, the screen keeps the band); `today` is a `YYYY-MM-DD` date. */
export function expiresByFor(window: ExpiryWindow, today: string): string | undefined {
  if (window === 'all') return undefined;
  if (window === 'expired') return addDays(today, -1);
  return addDays(today, Number(window));
}

/** Within N days means not yet expired and at most N days left; expired is before today. */
export function inExpiryWindow(row: Pick<StockRow, 'expiry'>, window: ExpiryWindow, today: string): boolean {
  if (window === 'all') return true;
  const days = daysLeft(row.expiry, today);
  if (days === null) return false;
  if (window === 'expired') return days < 0;
  return days >= 0 && days <= Number(window);
}
