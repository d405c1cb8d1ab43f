import { decideDateOrder } from './date-order';
import type { ColumnMapping, ColumnProfile, DateOrder, DateSystem, ImportPlan } from './types';

export interface PlanOptions {
  /** YYYY-MM-DD, from the caller's clock. */
  today: string;
  dateSystem: DateSystem;
  /** Orders the user chose, per column; they override what the values suggest. */
  dateOrders?: Record<number, DateOrder>;
}

/** Below this many quantities a median says too little to call any value an outlier. */
export const MIN_QUANTITIES_FOR_OUTLIERS = 20;
const HAMPEL_K = 3;
const MAD_TO_SIGMA = 1.4826;
/** log10 of the smallest flagged multiple of the median: ten times. */
const MIN_DECADES = 1;

/** The decisions validation needs beyond the mapping: date order per date column and the outlier threshold. */
export function planImport(mapping: readonly ColumnMapping[], profiles: readonly ColumnProfile[], options: PlanOptions): ImportPlan {
  const dateOrders: Record<number, DateOrder | null> = {};
  const ambiguousDateColumns: number[] = [];
  for (const m of mapping) {
    if (m.target !== 'expiry' && m.target !== 'manufacturedOn') continue;
    const chosen = options.dateOrders?.[m.column];
    if (chosen) {
      dateOrders[m.column] = chosen;
      continue;
    }
    const profile = profiles[m.column];
    const decision = profile ? decideDateOrder(profile) : null;
    dateOrders[m.column] = decision?.order ?? null;
    if (decision?.ambiguous) ambiguousDateColumns.push(m.column);
  }
  const quantityColumn = mapping.find((m) => m.target === 'quantity')?.column;
  const quantityProfile = quantityColumn === undefined ? undefined : profiles[quantityColumn];
  return {
    mapping: [...mapping],
    dateSystem: options.dateSystem,
    dateOrders,
    ambiguousDateColumns,
    quantityOutlierAbove: quantityProfile ? outlierThreshold(quantityProfile.numbers.reservoir) : null,
    today: options.today,
  };
}

/**
 * The quantity above which a count is flagged (a warning, never an error). It is the Hampel
 * identifier, median + 3 scaled MADs (1.4826·MAD estimates σ for normal data), which a few huge
 * values cannot drag upwards the way they drag a mean and standard deviation, applied to log10 of
 * the counts: stock counts are multiplicative by nature (a box of 30 and a pallet of 27,440 in one
 * OpenBoxes warehouse sheet), so "far above" means "many times the typical count", not "many
 * units more". The threshold is at least ten times the median, since an extra typed zero is the
 * error this catches; when most counts are equal the MAD is 0 and only that floor applies.
 * Zero counts (out of stock) say nothing about the scale and are left out.
 */
export function outlierThreshold(values: readonly number[]): number | null {
  const logs = values.filter((v) => v > 0 && Number.isFinite(v)).map(Math.log10);
  if (logs.length < MIN_QUANTITIES_FOR_OUTLIERS) return null;
  logs.sort((a, b) => a - b);
  const center = median(logs);
  const mad = median(logs.map((v) => Math.abs(v - center)).sort((a, b) => a - b));
  const decades = Math.max(MIN_DECADES, HAMPEL_K * MAD_TO_SIGMA * mad);
  return Math.ceil(10 ** (center + decades));
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
