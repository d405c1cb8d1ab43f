import { and, eq, or, sql } from 'drizzle-orm';
import type { StockRow } from '../../../shared/inventory/stock-row';
import { lotStatusSchema } from '../../../shared/inventory/stock-row';
import { locations, lots, products, stockMovements } from '../../db/schema';
import type { ReplicaDb } from '../replica/open-replica';

export interface StockQuery {
  companyId: string;
  search?: string | undefined;
}

/**
 * Stock by lot × location, summed from the movement ledger (quantities are never stored).
 * Lines whose movements net to zero are left out. Issue 3 replaces the LIKE search with FTS5.
 */
export function listStock(db: ReplicaDb, query: StockQuery): { rows: StockRow[]; total: number } {
  const term = query.search?.trim();
  const pattern = term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const quantity = sql<number>`sum(${stockMovements.quantity})`;
  const rows = db
    .select({
      lotId: lots.id,
      locationId: locations.id,
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
    })
    .from(stockMovements)
    .innerJoin(lots, eq(lots.id, stockMovements.lotId))
    .innerJoin(products, eq(products.id, lots.productId))
    .innerJoin(locations, eq(locations.id, stockMovements.locationId))
    .where(
      and(
        eq(stockMovements.companyId, query.companyId),
        eq(stockMovements.deleted, false),
        pattern
          ? or(
              sql`${products.name} LIKE ${pattern} ESCAPE '\\'`,
              sql`${products.ndc11} LIKE ${pattern} ESCAPE '\\'`,
              sql`${lots.lotNumber} LIKE ${pattern} ESCAPE '\\'`,
            )
          : undefined,
      ),
    )
    .groupBy(lots.id, locations.id)
    .having(sql`${quantity} <> 0`)
    .orderBy(lots.expiry, products.name)
    .all();
  const mapped = rows.map((r) => ({
    lotId: r.lotId,
    locationId: r.locationId,
    productName: r.productName,
    ndc11: r.ndc11,
    lotNumber: r.lotNumber,
    expiry: r.expiry,
    status: lotStatusSchema.parse(r.status),
    location: [r.warehouse, r.zone, r.bin].filter(Boolean).join(' / '),
    quantity: Number(r.quantity),
    unit: r.unit,
  }));
  return { rows: mapped, total: mapped.length };
}
