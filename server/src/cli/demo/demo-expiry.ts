import { addDays, lastDayOfMonth, parseIsoDate, toIsoDate } from '../../../../shared/inventory/expiry';
import type { SeededRandom } from './seeded-random';

/**
 * Expiry spread of the demo lots, relative to today, so every colour band of the stock screen
 * (expired, ≤ 7, ≤ 14, ≤ 30 days: issue 3 "Screens") has lots in it and FEFO has choices.
 */
export const EXPIRY_SPREAD = [
  { band: 'expired', share: 0.05, from: -240, to: -1 },
  { band: 'le7', share: 0.03, from: 0, to: 7 },
  { band: 'le14', share: 0.03, from: 8, to: 14 },
  { band: 'le30', share: 0.05, from: 15, to: 30 },
  { band: 'le90', share: 0.1, from: 31, to: 90 },
  { band: 'le365', share: 0.3, from: 91, to: 365 },
  { band: 'far', share: 0.44, from: 366, to: 1_095 },
] as const;

const DAYS_PER_MONTH = 30.44;

export interface LotDates {
  expiry: string;
  manufacturedOn: string;
}

/**
 * Dates for one lot. `bandIndex` forces a band (the generator gives the first lots one each, so a
 * small demo still covers them all); otherwise a band is drawn by share. A lot cannot expire
 * later than its shelf life allows, and was made before it was received (at least 3 weeks ago).
 */
export function lotDates(random: SeededRandom, today: string, shelfLifeMonths: number, bandIndex?: number): LotDates {
  const spread = EXPIRY_SPREAD[bandIndex ?? -1] ?? random.weighted(EXPIRY_SPREAD.map((b) => [b, b.share] as const));
  const shelfLifeDays = Math.round(shelfLifeMonths * DAYS_PER_MONTH);
  const latest = shelfLifeDays - 45;
  const limit = Math.min(spread.to, latest);
  const days = spread.from > latest ? random.int(Math.min(91, latest), latest) : random.int(spread.from, limit);
  let expiry = addDays(today, days);
  // Beyond three months out, labels carry month-end dates (USP General Notices 10.40.100 reads a
  // month/year expiry as the last day of that month).
  if (days > 90) {
    const d = parseIsoDate(expiry);
    if (d) {
      const monthEnd = toIsoDate({ ...d, day: lastDayOfMonth(d.year, d.month) });
      if (monthEnd <= addDays(today, limit)) expiry = monthEnd;
    }
  }
  let manufacturedOn = addDays(expiry, -shelfLifeDays);
  const madeBy = addDays(today, -21);
  if (manufacturedOn > madeBy) manufacturedOn = addDays(madeBy, -random.int(0, 60));
  return { expiry, manufacturedOn };
}
