import { and, eq, lte, sql, type SQL } from 'drizzle-orm';
import type { StockRow } from '../../../shared/inventory/stock-row';
import { lotStatusSchema } from '../../../shared/inventory/stock-row';
import { locations, lots, products, stockMovements } from '../../db/schema';
import type { ReplicaDb } from '../replica/open-replica';
import { ftsQuery } from './fts-query';

export const SEARCH_CANDIDATES = 200;

export interface StockFilter {
  companyId: string;
  search?: string | undefined;
  /** Only lots expiring on or before this date (YYYY-MM-DD). */
  expiresBy?: string | undefined;
  locationId?: string | undefined;
  status?: StockRow['status'] | undefined;
  productId?: string | undefined;
  lotId?: string | undefined;
  limit?: number | undefined;
}

/**
 * Stock by lot × location, summed from the movement ledger (quantities are never stored), with
 * the search running on the replica's FTS5 index. Lines whose movements net to zero are left out.
 */
export function listStock(db: ReplicaDb, filter: StockFilter): { rows: StockRow[]; total: number; searchCapped: boolean; candidates: number } {
  const conditions: (SQL | undefined)[] = [eq(stockMovements.companyId, filter.companyId), eq(stockMovements.deleted, false)];
  const match = filter.search ? ftsQuery(filter.search) : null;
  // A search looks at the first SEARCH_CANDIDATES matching lots only: FTS5 stops early with a
  // LIMIT, so a broad term ("amox") over a million lots answers in milliseconds instead of
  // summing the movements of every match. Narrower terms (a lot, an NDC) are never cut. When the
  // cut happens the answer says so (`searchCapped`): those lots are the first indexed, not the
  // first to expire, and the stock screen asks for a narrower search rather than let someone
  // pick "earliest expiry first" from a partial list.
  let searchCapped = false;
  if (match !== null) {
    const candidates = db.$client.prepare('SELECT rowid FROM stock_search WHERE stock_search MATCH ? LIMIT ?').pluck().all(match, SEARCH_CANDIDATES + 1) as number[];
    searchCapped = candidates.length > SEARCH_CANDIDATES;
    // A literal list, so the planner starts from these lots (a subquery it may read as "check each movement").
    conditions.push(sql`${lots}.rowid IN (${sql.join(candidates.slice(0, SEARCH_CANDIDATES).map((rowid) => sql`${rowid}`), sql`, `)})`);
  }
  if (filter.expiresBy) conditions.push(lte(lots.expiry, filter.expiresBy));
  if (filter.locationId) conditions.push(eq(stockMovements.locationId, filter.locationId));
  if (filter.status) conditions.push(eq(lots.status, filter.status));
  if (filter.productId) conditions.push(eq(lots.productId, filter.productId));
  if (filter.lotId) conditions.push(eq(lots.id, filter.lotId));
  const quantity = sql<number>`sum(${stockMovements.quantity})`;
  const discrepancy = sql<number>`max(${stockMovements.discrepancy})`;
  const pending = sql<number>`min(${stockMovements.version}) = 0`;
  const rows = db
    .select({
      lotId: lots.id,
      locationId: locations.id,
      productId: products.id,
      productName: products.name,
      ndc11: products.ndc11,
      lotNumber: lots.lotNumber,
      expiry: lots.expiry,
      status: lots.status,
      warehouse: locations.warehouse,
      zone: locations.zone,
      bin: locations.bin,
      unit: products.unit,
      quantity,
      discrepancy,
      pending,
    })
    .from(stockMovements)
    .innerJoin(lots, eq(lots.id, stockMovements.lotId))
    .innerJoin(products, eq(products.id, lots.productId))
    .innerJoin(locations, eq(locations.id, stockMovements.locationId))
    .where(and(...conditions))
    .groupBy(lots.id, locations.id)
    .having(sql`${quantity} <> 0`)
    .orderBy(lots.expiry, products.name, lots.lotNumber)
    .limit(filter.limit ?? 5_000)
    .all();
  const mapped = rows.map((r) => ({
    lotId: r.lotId,
    locationId: r.locationId,
    productId: r.productId,
    productName: r.productName,
    ndc11: r.ndc11,
    lotNumber: r.lotNumber,
    expiry: r.expiry,
    status: lotStatusSchema.parse(r.status),
    location: [r.warehouse, r.zone, r.bin].filter(Boolean).join(' / '),
    quantity: Number(r.quantity),
    unit: r.unit,
    discrepancy: Number(r.discrepancy) === 1,
    pendingSync: Boolean(r.pending),
  }));
  return { rows: mapped, total: mapped.length, searchCapped, candidates: SEARCH_CANDIDATES };
}
