import type Database from 'better-sqlite3';
import type { InventoryTx } from '../../../shared/inventory/inventory-tx';
import type { LocationRow, LotRow, MovementRow, ProductRow, Writable } from '../../../shared/inventory/rows';
import type { LotStatus } from '../../../shared/inventory/stock-row';
import type { ReplicaDb } from '../replica/open-replica';

/**
 * The optimistic InventoryTx: writes to the replica with version 0 ("not confirmed by the
 * server"). Before the first local change to a row the server sent, its server version is saved
 * in rebase_backup so a pull can restore it (see apply-pull.ts). Runs inside ReplicaWriter.
 *
 * Written over prepared better-sqlite3 statements rather than the drizzle query builder: a bulk
 * import or a rebase runs these a few hundred thousand times, and building the SQL text on each
 * call cost ten times more than executing it. Column lists mirror src-main/db/schema.ts (the
 * schema-parity and replica tests exercise every statement).
 */
export class ReplicaInventoryTx implements InventoryTx {
  private readonly s: Statements;
  /** Rows this transaction looked up and found absent: nothing of theirs to back up. */
  private readonly absent = new Set<string>();

  constructor(
    db: ReplicaDb,
    readonly companyId: string,
    readonly userId: string,
    readonly now: string,
  ) {
    this.s = statementsFor(db.$client);
  }

  async getProduct(id: string): Promise<ProductRow | null> {
    const r = this.s.getProduct.get(id, this.companyId) as (Omit<ProductRow, 'deleted' | 'coldChain'> & { deleted: number; coldChain: number }) | undefined;
    return r ? { ...r, deleted: r.deleted === 1, coldChain: r.coldChain === 1 } : null;
  }

  async putProduct(row: Writable<ProductRow>): Promise<void> {
    this.backup('products', row.id);
    const { id, ndc11, gtin, name, genericName, manufacturer, strength, dosageForm, category, schedule, coldChain, unit } = row;
    this.s.putProduct.run(id, this.companyId, ndc11, gtin, name, genericName, manufacturer, strength, dosageForm, category, schedule, coldChain ? 1 : 0, unit);
  }

  async getLocation(id: string): Promise<LocationRow | null> {
    const r = this.s.getLocation.get(id, this.companyId) as (Omit<LocationRow, 'deleted'> & { deleted: number }) | undefined;
    return r ? { ...r, deleted: r.deleted === 1 } : null;
  }

  async putLocation(row: Writable<LocationRow>): Promise<void> {
    this.backup('locations', row.id);
    this.s.putLocation.run(row.id, this.companyId, row.warehouse, row.zone, row.bin);
  }

  async getLot(id: string): Promise<LotRow | null> {
    const r = this.s.getLotAny.get(id) as (Omit<LotRow, 'deleted' | 'status'> & { deleted: number; status: LotStatus }) | undefined;
    if (!r) this.absent.add(id);
    return r && r.deleted === 0 && r.companyId === this.companyId ? { ...r, deleted: false } : null;
  }

  async putLot(row: Writable<LotRow>): Promise<void> {
    this.backup('lots', row.id);
    this.s.putLot.run(row.id, this.companyId, row.productId, row.lotNumber, row.expiry, row.manufacturedOn, row.status);
  }

  async stockLevel(lotId: string, locationId: string): Promise<number> {
    return Number((this.s.stockLevel.get(this.companyId, lotId, locationId) as { level: number }).level);
  }

  async insertMovement(row: Writable<MovementRow>): Promise<void> {
    const { id, lotId, locationId, kind, quantity, reason, externalRef, serial, discrepancy, createdBy, occurredAt } = row;
    this.s.insertMovement.run(id, this.companyId, lotId, locationId, kind, quantity, reason, externalRef, serial, discrepancy ? 1 : 0, createdBy, occurredAt);
  }

  /** Saves the server's version of a row before its first optimistic change (rebase, SYNC.md). */
  private backup(table: 'products' | 'locations' | 'lots', id: string): void {
    // A lot just found missing (a first receipt) has no server version to keep: skip the lookup.
    if (this.absent.delete(id)) return;
    this.s.backup[table].run(id);
  }
}

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

function statementsFor(sqlite: Database.Database): Statements {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
}

const SYNCED = 'id, company_id AS companyId, version, deleted';
const LIVE = 'WHERE id = ? AND company_id = ? AND deleted = 0';
/** Version 0 marks the row optimistic; `deleted` is cleared because a write revives the row. */
const UPSERT_TAIL = (cols: string[]) => `ON CONFLICT(id) DO UPDATE SET company_id = excluded.company_id, version = 0, deleted = 0, ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}`;

function prepare(sqlite: Database.Database) {
  const productCols = ['ndc11', 'gtin', 'name', 'generic_name', 'manufacturer', 'strength', 'dosage_form', 'category', 'schedule', 'cold_chain', 'unit'];
  const lotCols = ['product_id', 'lot_number', 'expiry', 'manufactured_on', 'status'];
  const backup = (table: string) =>
    sqlite.prepare(
      `INSERT INTO rebase_backup (table_name, id, row)
       SELECT '${table}', id, json_object(${backupColumns(table)}) FROM ${table} WHERE id = ? AND version > 0
       ON CONFLICT DO NOTHING`,
    );
  return {
    getProduct: sqlite.prepare(
      `SELECT ${SYNCED}, ndc11, gtin, name, generic_name AS genericName, manufacturer, strength, dosage_form AS dosageForm,
              category, schedule, cold_chain AS coldChain, unit FROM products ${LIVE}`,
    ),
    putProduct: sqlite.prepare(
      `INSERT INTO products (id, company_id, version, deleted, ${productCols.join(', ')}) VALUES (?, ?, 0, 0, ${productCols.map(() => '?').join(', ')}) ${UPSERT_TAIL(productCols)}`,
    ),
    getLocation: sqlite.prepare(`SELECT ${SYNCED}, warehouse, zone, bin FROM locations ${LIVE}`),
    putLocation: sqlite.prepare(
      `INSERT INTO locations (id, company_id, version, deleted, warehouse, zone, bin) VALUES (?, ?, 0, 0, ?, ?, ?) ${UPSERT_TAIL(['warehouse', 'zone', 'bin'])}`,
    ),
    // Any lot with this id, tombstoned or not: the caller filters, and learns whether a row exists at all.
    getLotAny: sqlite.prepare(
      `SELECT ${SYNCED}, product_id AS productId, lot_number AS lotNumber, expiry, manufactured_on AS manufacturedOn, status FROM lots WHERE id = ?`,
    ),
    putLot: sqlite.prepare(
      `INSERT INTO lots (id, company_id, version, deleted, ${lotCols.join(', ')}) VALUES (?, ?, 0, 0, ${lotCols.map(() => '?').join(', ')}) ${UPSERT_TAIL(lotCols)}`,
    ),
    stockLevel: sqlite.prepare(
      'SELECT coalesce(sum(quantity), 0) AS level FROM stock_movements WHERE company_id = ? AND lot_id = ? AND location_id = ?',
    ),
    insertMovement: sqlite.prepare(
      `INSERT INTO stock_movements (id, company_id, version, deleted, lot_id, location_id, kind, quantity, reason, external_ref, serial, discrepancy, created_by, occurred_at)
       VALUES (?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    backup: { products: backup('products'), locations: backup('locations'), lots: backup('lots') },
  };
}

/**
 * The backup row is restored by apply-pull through drizzle, which expects the table's column
 * names as its JS keys would map them — drizzle's insert takes the TS field names, so the JSON
 * object is keyed by those (companyId, ndc11, …) exactly as `select()` returned them before.
 */
function backupColumns(table: string): string {
  const fields: Record<string, Record<string, string>> = {
    products: {
      id: 'id', companyId: 'company_id', version: 'version', deleted: 'deleted', ndc11: 'ndc11', gtin: 'gtin', name: 'name',
      genericName: 'generic_name', manufacturer: 'manufacturer', strength: 'strength', dosageForm: 'dosage_form',
      category: 'category', schedule: 'schedule', coldChain: 'cold_chain', unit: 'unit',
    },
    locations: { id: 'id', companyId: 'company_id', version: 'version', deleted: 'deleted', warehouse: 'warehouse', zone: 'zone', bin: 'bin' },
    lots: {
      id: 'id', companyId: 'company_id', version: 'version', deleted: 'deleted', productId: 'product_id', lotNumber: 'lot_number',
      expiry: 'expiry', manufacturedOn: 'manufactured_on', status: 'status',
    },
  };
  return Object.entries(fields[table] ?? {}).map(([key, column]) => `'${key}', ${column}`).join(', ');
}
