import { AppError } from '../../../../shared/errors';
import type { InventoryTx } from '../../../../shared/inventory/inventory-tx';
import { locationRow, lotRow, productRow, type LocationRow, type LotRow, type MovementRow, type ProductRow, type Writable } from '../../../../shared/inventory/rows';
import type { PushedMutation } from '../../../../shared/sync/protocol';
import type { Transaction } from '../../db/client';
import { locations, lots, products, stockMovements } from '../../db/schema/index';
import { batchKeys, pairKey, type LevelPair } from './batch-keys';
import { BatchReader, type RowTable } from './batch-reader';
import { BatchWrites, type TableName } from './batch-writes';
import { asStored, assertStorableDates, assertStorableQuantity, canonicalId } from './storable';

/** What the batch knows about one id: nobody has it, another company has it, or it is ours. */
type Slot = { owner: 'none' } | { owner: 'other' } | { owner: 'us'; row: Record<string, unknown> & { deleted: boolean } };

const TABLES = { products, locations, lots } as const satisfies Record<TableName, RowTable>;
const SCHEMAS = { products: productRow, locations: locationRow, lots: lotRow } as const;

/**
 * The authoritative InventoryTx for one push batch (the per-mutation PgInventoryTx's semantics,
 * without a round trip per read and write). Everything the batch's mutations can read is loaded
 * up front in a few bulk queries; the mutators then run against that state in memory and their
 * writes are buffered (BatchWrites) and flushed in multi-row statements at the end of the batch.
 *
 * Each mutation runs between begin() and commit()/rollback(): rollback replays an undo journal,
 * so a refused mutation leaves no trace and the next one sees the state before it — what the
 * savepoint per mutation gave. A read the prefetch did not predict is loaded on demand (nothing
 * for that key is buffered yet, or it would be cached), so prediction only affects speed.
 *
 * Ids are kept in the lower case Postgres stores them in (storable.ts): the schemas accept
 * upper case, and the same row must be one key however a mutation spelt its id.
 *
 * Consistency: the caller holds the company's version row lock (company-version.ts) before
 * loading, so no other writer of this company commits in between; the state is the truth.
 */
export class BatchInventoryTx implements InventoryTx {
  readonly writes = new BatchWrites();
  /** A database error while loading: the transaction is aborted, so the batch must fail. */
  failure: unknown = null;
  private readonly slots = { products: new Map<string, Slot>(), locations: new Map<string, Slot>(), lots: new Map<string, Slot>() };
  /** Committed level per pair before this batch; buffered movements are in `delta`. */
  private readonly base = new Map<string, number>();
  private readonly delta = new Map<string, number>();
  /** Movement id → already used (by any company, or earlier in this batch). */
  private readonly taken = new Map<string, boolean>();
  private undo: (() => void)[] = [];
  private readonly reader: BatchReader;

  private constructor(
    tx: Transaction,
    readonly companyId: string,
    readonly userId: string,
    private readonly version: number,
    readonly now: string,
  ) {
    this.reader = new BatchReader(tx, companyId);
  }

  /** Opens the batch with everything `mutations` are predicted to read already loaded. */
  static async load(tx: Transaction, auth: { companyId: string; userId: string }, version: number, now: string, mutations: readonly PushedMutation[]): Promise<BatchInventoryTx> {
    const batch = new BatchInventoryTx(tx, auth.companyId, auth.userId, version, now);
    const keys = batchKeys(auth.companyId, mutations);
    await batch.loadRows('products', keys.products);
    await batch.loadRows('locations', keys.locations);
    await batch.loadRows('lots', keys.lots);
    await batch.loadLevels(keys.pairs);
    await batch.loadTaken(keys.movements);
    return batch;
  }

  begin(): void {
    this.undo = [];
  }

  commit(): void {
    this.undo = [];
  }

  /** Discards everything the current mutation wrote, newest first. */
  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]!();
    this.undo = [];
  }

  getProduct(id: string): Promise<ProductRow | null> {
    return this.get('products', id) as Promise<ProductRow | null>;
  }

  putProduct(row: Writable<ProductRow>): Promise<void> {
    return this.put('products', row);
  }

  getLocation(id: string): Promise<LocationRow | null> {
    return this.get('locations', id) as Promise<LocationRow | null>;
  }

  putLocation(row: Writable<LocationRow>): Promise<void> {
    return this.put('locations', row);
  }

  getLot(id: string): Promise<LotRow | null> {
    return this.get('lots', id) as Promise<LotRow | null>;
  }

  async putLot(row: Writable<LotRow>): Promise<void> {
    assertStorableDates(row.expiry, row.manufacturedOn);
    await this.put('lots', row);
  }

  async stockLevel(lotId: string, locationId: string): Promise<number> {
    const [lot, place] = [canonicalId(lotId), canonicalId(locationId)];
    const key = pairKey(lot, place);
    if (!this.base.has(key)) await this.loadLevels([[lot, place]]);
    return (this.base.get(key) ?? 0) + (this.delta.get(key) ?? 0);
  }

  async insertMovement(row: Writable<MovementRow>): Promise<void> {
    // Checked first, as Postgres converts the values before it looks for a conflict.
    assertStorableQuantity(row.quantity);
    const stored = asStored(stockMovements, { ...row, companyId: this.companyId, version: this.version });
    if (!this.taken.has(stored.id)) await this.loadTaken([stored.id]);
    // Movement ids come from clients; one already taken (by any tenant) is refused, never merged.
    if (this.taken.get(stored.id)) throw new AppError('inventory/invalid-movement', `Movement id ${row.id} is already used.`);
    const key = pairKey(stored.lotId, stored.locationId);
    const count = this.writes.movements.length;
    this.taken.set(stored.id, true);
    this.writes.movements.push(stored);
    this.delta.set(key, (this.delta.get(key) ?? 0) + row.quantity);
    this.undo.push(() => {
      this.taken.set(stored.id, false);
      this.writes.movements.length = count;
      this.delta.set(key, (this.delta.get(key) ?? 0) - row.quantity);
    });
  }

  /** Re-stamp these rows at flush (what a refused mutation referenced; see referenced-ids.ts). */
  touch(ids: { products: string[]; locations: string[]; lots: string[] }): void {
    for (const name of ['products', 'locations', 'lots'] as const) for (const id of ids[name]) this.writes.touched[name].add(canonicalId(id));
  }

  /** Our live row, validated as the per-mutation path validates what it reads; a fresh copy each time. */
  private async get(name: TableName, id: string): Promise<unknown> {
    const slot = await this.slot(name, canonicalId(id));
    return slot.owner === 'us' && !slot.row.deleted ? SCHEMAS[name].parse(slot.row) : null;
  }

  /** Insert or replace (last write wins in server order), only ever within this company. */
  private async put(name: TableName, row: { id: string }): Promise<void> {
    const stored = asStored(TABLES[name], { ...row, companyId: this.companyId, version: this.version, deleted: false });
    const before = await this.slot(name, stored.id);
    if (before.owner === 'other') throw new AppError('inventory/invalid-movement', `Id ${row.id} belongs to another record.`);
    const slots = this.slots[name];
    slots.set(stored.id, { owner: 'us', row: stored });
    const restore = this.writes.put(name, stored);
    this.undo.push(() => {
      slots.set(stored.id, before);
      restore();
    });
  }

  private async slot(name: TableName, id: string): Promise<Slot> {
    if (!this.slots[name].has(id)) await this.loadRows(name, [id]);
    return this.slots[name].get(id) ?? { owner: 'none' };
  }

  private async loadRows(name: TableName, ids: readonly string[]): Promise<void> {
    const slots = this.slots[name];
    // Never over a slot already held: it may carry this batch's buffered writes.
    const fresh = ids.filter((id) => !slots.has(id));
    const { own, otherIds } = await this.guard(this.reader.rows(TABLES[name], fresh));
    for (const id of fresh) slots.set(id, { owner: 'none' });
    for (const id of otherIds) slots.set(id, { owner: 'other' });
    for (const row of own) slots.set(row.id, { owner: 'us', row });
  }

  private async loadLevels(pairs: readonly LevelPair[]): Promise<void> {
    for (const [key, level] of await this.guard(this.reader.levels(pairs))) if (!this.base.has(key)) this.base.set(key, level);
  }

  private async loadTaken(ids: readonly string[]): Promise<void> {
    const taken = await this.guard(this.reader.takenMovementIds(ids));
    for (const id of ids) if (!this.taken.has(id)) this.taken.set(id, taken.has(id));
  }

  private async guard<T>(read: Promise<T>): Promise<T> {
    try {
      return await read;
    } catch (err) {
      this.failure ??= err;
      throw err;
    }
  }
}
