import { isPickable } from '../../../shared/inventory/fefo';
import { compareDates } from '../../../shared/inventory/expiry';
import type { StockRow } from '../../../shared/inventory/stock-row';

/** What a location holds of one product that FEFO may pick. */
export interface PickableStock {
  quantity: number;
  unit: string;
  lots: number;
  /** The earliest expiry among those lots, `YYYY-MM-DD`. */
  soonest: string;
}

/**
 * Where a product can be picked from today, by location: only lines FEFO would take (available,
 * on hand, unexpired). A picker who scans a pack needs to know which bin to go to before
 * choosing one of fifty; locations holding only quarantined or expired lots are not among them.
 */
export function pickableByLocation(rows: readonly StockRow[], today: string): Map<string, PickableStock> {
  const byLocation = new Map<string, PickableStock>();
  for (const row of rows) {
    if (!isPickable(row, today)) continue;
    const held = byLocation.get(row.locationId);
    if (!held) {
      byLocation.set(row.locationId, { quantity: row.quantity, unit: row.unit, lots: 1, soonest: row.expiry });
      continue;
    }
    held.quantity += row.quantity;
    held.lots += 1;
    if (compareDates(row.expiry, held.soonest) < 0) held.soonest = row.expiry;
  }
  return byLocation;
}
