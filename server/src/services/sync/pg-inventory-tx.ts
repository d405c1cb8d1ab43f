import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../../shared/errors';
import type { InventoryTx } from '../../../../shared/inventory/inventory-tx';
import { locationRow, lotRow, productRow, type LocationRow, type LotRow, type MovementRow, type ProductRow, type Writable } from '../../../../shared/inventory/rows';
import type { Transaction } from '../../db/client';
import { locations, lots, products, stockMovements } from '../../db/schema/index';

/**
 * The per-mutation InventoryTx: a Postgres transaction (a savepoint) scoped to one company,
 * stamping every row it writes with the version, one statement per read and write. Reads filter
 * by company, so a mutation can never see or touch another tenant's rows even with a guessed id.
 * Push runs batches through BatchInventoryTx instead (a round trip per call was ~8 per mutation);
 * this plain form is kept as the reference that batch-equivalence.test.ts holds the batch to.
 */
export class PgInventoryTx implements InventoryTx {
  constructor(
    private readonly tx: Transaction,
    readonly companyId: string,
    readonly userId: string,
    private readonly version: number,
    readonly now: string,
  ) {}

  async getProduct(id: string): Promise<ProductRow | null> {
    const [row] = await this.tx.select().from(products).where(and(eq(products.id, id), eq(products.companyId, this.companyId), eq(products.deleted, false)));
    return row ? productRow.parse(row) : null;
  }

  async putProduct(row: Writable<ProductRow>): Promise<void> {
    await this.upsert(products, row);
  }

  async getLocation(id: string): Promise<LocationRow | null> {
    const [row] = await this.tx.select().from(locations).where(and(eq(locations.id, id), eq(locations.companyId, this.companyId), eq(locations.deleted, false)));
    return row ? locationRow.parse(row) : null;
  }

  async putLocation(row: Writable<LocationRow>): Promise<void> {
    await this.upsert(locations, row);
  }

  async getLot(id: string): Promise<LotRow | null> {
    const [row] = await this.tx.select().from(lots).where(and(eq(lots.id, id), eq(lots.companyId, this.companyId), eq(lots.deleted, false)));
    return row ? lotRow.parse(row) : null;
  }

  async putLot(row: Writable<LotRow>): Promise<void> {
    await this.upsert(lots, row);
  }

  async stockLevel(lotId: string, locationId: string): Promise<number> {
    const [row] = await this.tx
      .select({ level: sql<string>`coalesce(sum(${stockMovements.quantity}), 0)` })
      .from(stockMovements)
      .where(and(eq(stockMovements.companyId, this.companyId), eq(stockMovements.lotId, lotId), eq(stockMovements.locationId, locationId)));
    return Number(row?.level ?? 0);
  }

  async insertMovement(row: Writable<MovementRow>): Promise<void> {
    const inserted = await this.tx
      .insert(stockMovements)
      .values({ ...row, companyId: this.companyId, version: this.version })
      .onConflictDoNothing()
      .returning({ id: stockMovements.id });
    // Movement ids come from clients; one already taken (by any tenant) is refused, never merged.
    if (inserted.length === 0) throw new AppError('inventory/invalid-movement', `Movement id ${row.id} is already used.`);
  }

  /** Insert or replace (last write wins in server order), only ever within this company. */
  private async upsert(table: typeof products | typeof locations | typeof lots, row: { id: string }): Promise<void> {
    const values = { ...row, companyId: this.companyId, version: this.version, deleted: false };
    const written = await this.tx
      .insert(table)
      .values(values as never)
      .onConflictDoUpdate({ target: table.id, set: values as never, setWhere: eq(table.companyId, this.companyId) })
      .returning({ id: table.id });
    if (written.length === 0) throw new AppError('inventory/invalid-movement', `Id ${row.id} belongs to another record.`);
  }
}

