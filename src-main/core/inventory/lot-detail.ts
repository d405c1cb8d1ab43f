import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { locations, lots, products, stockMovements } from '../../db/schema';
import type { ReplicaDb } from '../replica/open-replica';

/** A lot with its product, its level at each location and its full movement history (newest first). */
export function lotDetail(db: ReplicaDb, companyId: string, lotId: string) {
  const lot = db
    .select()
    .from(lots)
    .where(and(eq(lots.id, lotId), eq(lots.companyId, companyId)))
    .get();
  if (!lot) throw new AppError('not-found', 'That lot is not in this replica.');
  const product = db.select().from(products).where(eq(products.id, lot.productId)).get() ?? null;
  const place = sql<string>`trim(${locations.warehouse} || coalesce(' / ' || ${locations.zone}, '') || coalesce(' / ' || ${locations.bin}, ''))`;
  const levels = db
    .select({ locationId: stockMovements.locationId, location: place, quantity: sql<number>`sum(${stockMovements.quantity})` })
    .from(stockMovements)
    .innerJoin(locations, eq(locations.id, stockMovements.locationId))
    .where(and(eq(stockMovements.companyId, companyId), eq(stockMovements.lotId, lotId)))
    .groupBy(stockMovements.locationId)
    .orderBy(asc(place))
    .all()
    .map((r) => ({ ...r, quantity: Number(r.quantity) }));
  const movements = db
    .select({
      id: stockMovements.id,
      kind: stockMovements.kind,
      quantity: stockMovements.quantity,
      location: place,
      reason: stockMovements.reason,
      externalRef: stockMovements.externalRef,
      serial: stockMovements.serial,
      discrepancy: stockMovements.discrepancy,
      occurredAt: stockMovements.occurredAt,
      createdBy: stockMovements.createdBy,
      pendingSync: sql<number>`${stockMovements.version} = 0`,
    })
    .from(stockMovements)
    .innerJoin(locations, eq(locations.id, stockMovements.locationId))
    .where(and(eq(stockMovements.companyId, companyId), eq(stockMovements.lotId, lotId)))
    .orderBy(desc(stockMovements.occurredAt), desc(stockMovements.id))
    .all()
    .map((m) => ({ ...m, pendingSync: Boolean(m.pendingSync) }));
  return {
    lot: { id: lot.id, lotNumber: lot.lotNumber, expiry: lot.expiry, manufacturedOn: lot.manufacturedOn, status: lot.status, pendingSync: lot.version === 0 },
    product: product && { id: product.id, name: product.name, ndc11: product.ndc11, gtin: product.gtin, genericName: product.genericName, manufacturer: product.manufacturer, strength: product.strength, dosageForm: product.dosageForm, unit: product.unit },
    levels,
    movements,
  };
}
