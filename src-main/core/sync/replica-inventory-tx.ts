import { and, eq, sql } from 'drizzle-orm';
import type { InventoryTx } from '../../../shared/inventory/inventory-tx';
import { locationRow, lotRow, productRow, type LocationRow, type LotRow, type MovementRow, type ProductRow, type Writable } from '../../../shared/inventory/rows';
import { locations, lots, products, rebaseBackup, stockMovements } from '../../db/schema';
import type { ReplicaDb } from '../replica/open-replica';

type SyncedTable = typeof products | typeof locations | typeof lots;

/**
 * The optimistic InventoryTx: writes to the replica with version 0 ("not confirmed by the
 * server"). Before the first local change to a row the server sent, its server version is saved
 * in rebase_backup so a pull can restore it (see apply-pull.ts). Runs inside ReplicaWriter.
 */
export class ReplicaInventoryTx implements InventoryTx {
  constructor(
    private readonly db: ReplicaDb,
    readonly companyId: string,
    readonly userId: string,
    readonly now: string,
  ) {}

  async getProduct(id: string): Promise<ProductRow | null> {
    return this.get(products, id, productRow.parse);
  }

  async putProduct(row: Writable<ProductRow>): Promise<void> {
    this.put(products, 'products', row);
  }

  async getLocation(id: string): Promise<LocationRow | null> {
    return this.get(locations, id, locationRow.parse);
  }

  async putLocation(row: Writable<LocationRow>): Promise<void> {
    this.put(locations, 'locations', row);
  }

  async getLot(id: string): Promise<LotRow | null> {
    return this.get(lots, id, lotRow.parse);
  }

  async putLot(row: Writable<LotRow>): Promise<void> {
    this.put(lots, 'lots', row);
  }

  async stockLevel(lotId: string, locationId: string): Promise<number> {
    const row = this.db
      .select({ level: sql<number>`coalesce(sum(${stockMovements.quantity}), 0)` })
      .from(stockMovements)
      .where(and(eq(stockMovements.companyId, this.companyId), eq(stockMovements.lotId, lotId), eq(stockMovements.locationId, locationId)))
      .get();
    return Number(row?.level ?? 0);
  }

  async insertMovement(row: Writable<MovementRow>): Promise<void> {
    this.db.insert(stockMovements).values({ ...row, companyId: this.companyId, version: 0, deleted: false }).run();
  }

  private get<T>(table: SyncedTable, id: string, parse: (row: unknown) => T): T | null {
    const row = this.db
      .select()
      .from(table)
      .where(and(eq(table.id, id), eq(table.companyId, this.companyId), eq(table.deleted, false)))
      .get();
    return row ? parse(row) : null;
  }

  private put(table: SyncedTable, name: string, row: { id: string }): void {
    const existing = this.db.select().from(table).where(eq(table.id, row.id)).get();
    if (existing && existing.version > 0) {
      this.db.insert(rebaseBackup).values({ tableName: name, id: row.id, row: existing }).onConflictDoNothing().run();
    }
    const values = { ...row, companyId: this.companyId, version: 0, deleted: false };
    this.db.insert(table).values(values as never).onConflictDoUpdate({ target: table.id, set: values as never }).run();
  }
}
