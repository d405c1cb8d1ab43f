import type { ColumnProfile, DateOrder } from './types';

export interface DateOrderDecision {
  order: DateOrder | null;
  /** True when the column has day/month dates whose reading the values cannot settle. */
  ambiguous: boolean;
  reason: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The day/month order of a date column, from all its values (the profile saw every row). One
 * value with a day above 12 proves the convention for the whole column, since a sheet is typed
 * in one locale; values proving both conventions mean the sheet mixes them and only the user
 * can say which one the rest follow. Month-year, month-name, ISO and serial dates need no order.
 */
export function decideDateOrder(profile: ColumnProfile): DateOrderDecision {
  const { mdyOnly, dmyOnly, either, ymd } = profile.dateEvidence;
  const dotted = profile.dateEvidence.dotted ?? 0;
  if (mdyOnly > 0 && dmyOnly > 0) {
    return {
      order: null,
      ambiguous: true,
      reason: `mixed conventions: ${plural(mdyOnly, 'value')} can only be month/day/year and ${plural(dmyOnly, 'value')} only day/month/year; choose the order the other ${plural(either, 'date')} follow`,
    };
  }
  if (mdyOnly > 0 && dotted > 0) {
    return {
      order: null,
      ambiguous: true,
      reason: `mixed conventions: ${plural(mdyOnly, 'value')} can only be month/day/year, but ${plural(dotted, 'value')} use dots (DD.MM.YYYY), a day-first convention; choose the order`,
    };
  }
  if (mdyOnly > 0) return { order: 'MDY', ambiguous: false, reason: `${plural(mdyOnly, 'value')} can only be month/day/year (the second number is above 12)` };
  if (dmyOnly > 0) return { order: 'DMY', ambiguous: false, reason: `${plural(dmyOnly, 'value')} can only be day/month/year (the first number is above 12)` };
  if (dotted > 0) return { order: 'DMY', ambiguous: false, reason: `dates are written with dots (DD.MM.YYYY), the day-first European convention` };
  if (either > 0) {
    const example = profile.samples.find((s) => /\d{1,2}[/-]\d{1,2}[/-]\d{2,4}/.test(s));
    return {
      order: null,
      ambiguous: true,
      reason: `all ${plural(either, 'day/month date')} have both numbers 12 or below${example ? `, so "${example}" could be read either way` : ''}; choose the order`,
    };
  }
  if (ymd > 0) return { order: 'YMD', ambiguous: false, reason: `dates are written year-first (ISO 8601, YYYY-MM-DD)` };
  return { order: null, ambiguous: false, reason: 'no day/month dates: month-year, month-name and Excel serial dates need no order' };
}
