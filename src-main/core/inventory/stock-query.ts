import { and, eq, lte, sql, type SQL } from 'drizzle-orm';
import type { FefoCandidate } from '../../../shared/inventory/fefo';
import type { StockRow } from '../../../shared/inventory/stock-row';
import { lotStatusSchema } from '../../../shared/inventory/stock-row';
import { locations, lots, products, stockMovements } from '../../db/schema';
import type { ReplicaDb } from '../replica/open-replica';
import { ftsQuery } from './fts-query';

export const SEARCH_CANDIDATES = 200;
/** Lines the stock list returns at most, soonest expiry first; `truncated` says when there are more. */
export const STOCK_LIST_LIMIT = 5_000;

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

export interface StockList {
  rows: StockRow[];
  total: number;
  /** More lines match than `limit`: these are the ones expiring soonest. */
  truncated: boolean;
  searchCapped: boolean;
  candidates: number;
}

/**
 * Stock by lot × location, summed from the movement ledger (quantities are never stored), with
 * the search running on the replica's FTS5 index. Lines whose movements net to zero are left out.
 * Soonest expiry first, at most `limit` lines.
 */
export function listStock(db: ReplicaDb, filter: StockFilter): StockList {
  const limit = filter.limit ?? STOCK_LIST_LIMIT;
  // Walking lots by expiry is quick when most qualify; for one location, which holds few of
  // them, reading the movements once is quicker (linesByMovement).
  const lotDriven = !filter.search && !filter.lotId && (filter.productId !== undefined || filter.locationId === undefined);
  const found = lotDriven ? { rows: linesByExpiry(db, filter, limit + 1), searchCapped: false } : linesByMovement(db, filter, limit + 1);
  const rows = found.rows.slice(0, limit).map(toStockRow);
  return { rows, total: rows.length, truncated: found.rows.length > limit, searchCapped: found.searchCapped, candidates: SEARCH_CANDIDATES };
}

interface LineRow {
  lotId: string;
  locationId: string;
  productId: string;
  productName: string;
  ndc11: string | null;
  lotNumber: string;
  expiry: string;
  status: string;
  warehouse: string;
  zone: string | null;
  bin: string | null;
  unit: string;
  quantity: number;
  discrepancy: number;
  pending: number;
}

function toStockRow(r: LineRow): StockRow {
  return {
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
  };
}

/**
 * Walks lots soonest expiry first (lots_company_expiry_idx; lots_held_expiry_idx for a hold
 * status), summing each one's movements per location as it goes, and stops once it has `limit`
 * lines: grouped in the order the index yields them, nothing is sorted. Over a million lots the
 * unfiltered list takes tens of milliseconds instead of the 4–5 s of summing every line and
 * sorting (`npm run bench -- search`). One product's lots come from lots_product_idx, a few
 * hundred to sort. CROSS JOIN keeps SQLite from reordering the loop
 * (https://sqlite.org/optoverview.html#crossjoin).
 */
function linesByExpiry(db: ReplicaDb, filter: StockFilter, limit: number): LineRow[] {
  const where = ['l.company_id = ?', 'm.deleted = 0'];
  const params: (string | number)[] = [filter.companyId];
  const add = (condition: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(condition);
    params.push(value);
  };
  add('l.product_id = ?', filter.productId);
  add('l.expiry <= ?', filter.expiresBy);
  add('l.status = ?', filter.status);
  // Spelled as lots_held_expiry_idx's WHERE, so SQLite may walk that small index instead.
  if (filter.status !== undefined && filter.status !== 'available') where.push("l.status <> 'available'");
  add('m.location_id = ?', filter.locationId);
  return db.$client
    .prepare(
      `SELECT l.id AS lotId, loc.id AS locationId, p.id AS productId, p.name AS productName, p.ndc11, l.lot_number AS lotNumber, l.expiry, l.status,
              loc.warehouse, loc.zone, loc.bin, p.unit, sum(m.quantity) AS quantity, max(m.discrepancy) AS discrepancy, min(m.version) = 0 AS pending
       FROM lots l CROSS JOIN stock_movements m ON m.lot_id = l.id CROSS JOIN products p ON p.id = l.product_id CROSS JOIN locations loc ON loc.id = m.location_id
       WHERE ${where.join(' AND ')}
       GROUP BY l.expiry, l.rowid, m.location_id HAVING sum(m.quantity) <> 0
       ORDER BY l.expiry, l.rowid, m.location_id LIMIT ?`,
    )
    .all(...params, limit) as LineRow[];
}

/** A search (FTS5 candidates), one lot, or one location: few lines, found from the movements side. */
function linesByMovement(db: ReplicaDb, filter: StockFilter, limit: number): { rows: LineRow[]; searchCapped: boolean } {
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
    .limit(limit)
    .all();
  return { rows, searchCapped };
}

/** What one location holds of a product that FEFO may pick today. */
export interface PickableStock {
  locationId: string;
  quantity: number;
  /** The earliest expiry of what can be picked there, `YYYY-MM-DD`: locations come in this order. */
  soonest: string;
}

/**
 * Where a product can be picked from today, by location: the lines suggestFefo may take —
 * available, on hand, and not past their expiry date (shared/inventory/fefo.ts; a lot is usable
 * through its expiry date). Summed here rather than from the stock list, which stops at its cap.
 * INDEXED BY: without statistics SQLite would rather walk every unexpired lot by expiry.
 */
export function pickableByLocation(db: ReplicaDb, companyId: string, productId: string, today: string): PickableStock[] {
  return db.$client
    .prepare(
      `SELECT location_id AS locationId, sum(quantity) AS quantity, min(expiry) AS soonest
       FROM (SELECT m.location_id, l.expiry, sum(m.quantity) AS quantity
             FROM lots l INDEXED BY lots_product_idx CROSS JOIN stock_movements m ON m.lot_id = l.id
             WHERE l.company_id = ? AND l.product_id = ? AND l.status = 'available' AND l.expiry >= ? AND m.deleted = 0
             GROUP BY l.id, m.location_id HAVING sum(m.quantity) > 0)
       GROUP BY location_id ORDER BY soonest, location_id`,
    )
    .all(companyId, productId, today) as PickableStock[];
}

/**
 * A product's lots at one location with their stock, for suggestFefo. The product's lots first
 * (lots_product_idx), then their movements here: starting from the movements, SQLite without
 * statistics read every movement of the company (~1 s at 1M lots).
 */
export function fefoCandidates(db: ReplicaDb, companyId: string, productId: string, locationId: string): FefoCandidate[] {
  const rows = db.$client
    .prepare(
      `SELECT l.id AS lotId, l.lot_number AS lotNumber, l.expiry, l.status, sum(m.quantity) AS quantity
       FROM lots l INDEXED BY lots_product_idx CROSS JOIN stock_movements m ON m.lot_id = l.id AND m.location_id = ?
       WHERE l.company_id = ? AND l.product_id = ? AND m.deleted = 0
       GROUP BY l.id`,
    )
    .all(locationId, companyId, productId) as { lotId: string; lotNumber: string; expiry: string; status: string; quantity: number }[];
  return rows.map((c) => ({ ...c, quantity: Number(c.quantity), status: lotStatusSchema.parse(c.status) }));
}
