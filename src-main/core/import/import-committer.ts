import { AppError } from '../../../shared/errors';
import type { NormalizedRow } from '../../../shared/import/types';
import { newId, productIdFor } from '../../../shared/ids';
import { receiveArgsFor } from '../../../shared/import/receive-args';
import type { MutationArgs, MutationName } from '../../../shared/inventory/mutations';
import { applyMutation, runMutation } from '../../../shared/inventory/mutators';
import type { Statement } from 'better-sqlite3';
import type { ReplicaDb } from '../replica/open-replica';
import { nextTurn, type ReplicaWriter } from '../replica/replica-writer';
import { ReplicaInventoryTx } from '../sync/replica-inventory-tx';
import type { SyncStore } from '../sync/sync-store';
import { deferSearchIndex } from '../inventory/deferred-search-index';
import { CachingInventoryTx } from './caching-inventory-tx';
import { ImportLocations } from './import-locations';

export type CommitMode = 'valid-only' | 'all-or-nothing';

export interface CommitDeps {
  db: ReplicaDb;
  writer: ReplicaWriter;
  store: SyncStore;
  now: () => Date;
}

export interface CommitOptions {
  importId: string;
  mode: CommitMode;
  /** Warehouse for rows whose location cell is empty or names a new bin. */
  warehouse: string;
  session: { companyId: string; userId: string };
  onProgress?: (committedRows: number) => void;
}

export interface CommitResult {
  imported: number;
  /** Rows with quantity 0: valid, but there is nothing to receive. */
  skipped: number;
  /** Rows the replica refused at commit time (e.g. a lot already recorded with another expiry). */
  failed: { row: number; message: string }[];
}

/** Rows per replica transaction: large enough to amortise the commit, small enough to stay responsive. */
export const COMMIT_BATCH = 10_000;

/** Commits batches of rows in the chosen mode (see ImportCommitter). */
export async function commitRows(deps: CommitDeps, options: CommitOptions, batches: AsyncIterable<NormalizedRow[]> | Iterable<NormalizedRow[]>): Promise<CommitResult> {
  const committer = new ImportCommitter(deps, options);
  const writeAll = async () => {
    for await (const rows of batches) await committer.write(rows);
  };
  await (options.mode === 'all-or-nothing' ? committer.atomically(writeAll) : writeAll());
  return committer.result;
}

/**
 * Gathers streamed rows (the reader hands them over 2,000 at a time) into transactions of
 * COMMIT_BATCH rows. Each commit rewrites the pages of the lot-id indexes its rows touch, and lot
 * ids are name-based hashes spread over the whole index: 2,000-row transactions wrote those
 * pages five times as often as 10,000-row ones. `end()` writes what is left.
 */
export function batchedWriter(committer: ImportCommitter): { add(rows: readonly NormalizedRow[]): Promise<void>; end(): Promise<void> } {
  let pending: NormalizedRow[] = [];
  return {
    async add(rows) {
      for (const row of rows) pending.push(row);
      if (pending.length < COMMIT_BATCH) return;
      const full = pending;
      pending = [];
      await committer.write(full);
    },
    async end() {
      const rest = pending;
      pending = [];
      if (rest.length > 0) await committer.write(rest);
    },
  };
}

/**
 * Writes validated rows as receive movements through the outbox (SYNC.md), so an import syncs
 * like any other stock work. Each batch is one replica transaction, so a crash leaves whole
 * batches or none of a batch; inside `atomically` the whole import is one transaction ("all or
 * nothing"). Each batch's lines (row → movement) are written in the same transaction, for undo.
 */
export class ImportCommitter {
  readonly result: CommitResult = { imported: 0, skipped: 0, failed: [] };
  private readonly locations: ImportLocations;
  private readonly knownProducts = new Set<string>();
  private readonly reference: string;
  private readonly insertBatch: Statement;
  private readonly progress: Statement;
  private atomic = false;
  /** What later rows may assume exists; applied only once the transaction creating it commits. */
  private uncommitted: (() => void)[] = [];

  constructor(
    private readonly deps: CommitDeps,
    private readonly options: CommitOptions,
  ) {
    this.locations = new ImportLocations(deps.db, options.session.companyId, options.warehouse);
    this.reference = `import ${options.importId.slice(-12)}`;
    this.insertBatch = deps.db.$client.prepare('INSERT INTO import_batches (import_id, first_row, lines) VALUES (?, ?, ?)');
    this.progress = deps.db.$client.prepare('UPDATE imports SET rows_imported = ?, rows_skipped = ? WHERE id = ?');
  }

  private readonly productIds = new Map<string, string>();
  /** A file names a few hundred products over 100,000 rows: derive each id (UUIDv5) once. */
  private productIdOf(ndc11: string): string {
    let id = this.productIds.get(ndc11);
    if (!id) this.productIds.set(ndc11, (id = productIdFor(this.options.session.companyId, ndc11)));
    return id;
  }

  /** Runs `fn` with every write in one replica transaction: any failure imports nothing. */
  async atomically(fn: () => Promise<void>): Promise<void> {
    this.atomic = true;
    try {
      await this.deps.writer.transaction(fn);
    } finally {
      this.atomic = false;
    }
  }

  async write(rows: readonly NormalizedRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += COMMIT_BATCH) {
      const slice = rows.slice(i, i + COMMIT_BATCH);
      if (this.atomic) {
        await this.writeBatch(slice, false).catch((err: unknown) => {
          throw commitFailed(err);
        });
      } else {
        const before = { ...this.result, failed: [...this.result.failed] };
        try {
          // Optimistic: one plain transaction. Should a row fail, the batch rolls back and is
          // written again row by row under savepoints, keeping every row that can go in.
          await this.deps.writer.transaction(() => this.writeBatch(slice, false));
        } catch {
          Object.assign(this.result, before);
          await this.deps.writer.transaction(() => this.writeBatch(slice, true));
        }
      }
      for (const c of this.uncommitted) c();
      this.options.onProgress?.(this.result.imported + this.result.skipped + this.result.failed.length);
      // Not inside "all or nothing"'s one open transaction: a write made directly on the replica
      // (an import record) in that turn would join it, and vanish should the import roll back.
      if (!this.atomic) await nextTurn();
    }
  }

  private async writeBatch(rows: readonly NormalizedRow[], perRow: boolean): Promise<void> {
    const { deps, options, result } = this;
    this.uncommitted = [];
    const now = deps.now().toISOString();
    const tx = new CachingInventoryTx(new ReplicaInventoryTx(deps.db, options.session.companyId, options.session.userId, now));
    const outbox = deps.store.bulk(options.session.companyId, now);
    const apply = async <N extends MutationName>(name: N, args: MutationArgs<N>) => {
      await runMutation(tx, name, args);
      outbox.enqueue(name, args);
    };
    const sqlite = deps.db.$client;
    const searchIndex = deferSearchIndex(sqlite);
    const lines: [row: number, movementId: string][] = [];
    for (const row of rows) {
      if (row.quantity === 0) {
        result.skipped += 1;
        continue;
      }
      if (perRow) sqlite.exec('SAVEPOINT import_row');
      const created: (() => void)[] = [];
      try {
        const productId = row.productId ?? this.productIdOf(requireNdc(row));
        if (!row.productId && !this.knownProducts.has(productId) && !(await tx.getProduct(productId))) {
          await apply('product.upsert', {
            ndc11: requireNdc(row),
            gtin: row.gtin,
            name: row.productName ?? '',
            manufacturer: row.manufacturer,
            strength: row.strength,
            dosageForm: row.dosageForm,
            unit: row.unit ?? 'each',
          });
        }
        created.push(() => this.knownProducts.add(productId));
        const location = this.locations.resolve(row.location);
        if (location.create && !(await tx.getLocation(location.id))) {
          await apply('location.upsert', location.create);
          created.push(() => this.locations.created(row.location, location.id));
        }
        const receive = receiveArgsFor(row, { productId, locationId: location.id, movementId: newId() }, `${this.reference} row ${row.row}`);
        await applyMutation(tx, 'stock.receive', receive);
        outbox.enqueue('stock.receive', receive);
        lines.push([row.row, receive.movementId]);
        if (perRow) sqlite.exec('RELEASE import_row');
        this.uncommitted.push(...created);
        result.imported += 1;
      } catch (err) {
        if (!perRow) throw err;
        sqlite.exec('ROLLBACK TO import_row');
        sqlite.exec('RELEASE import_row');
        result.failed.push({ row: row.row, message: err instanceof Error ? err.message : String(err) });
      }
    }
    outbox.finish();
    searchIndex.finish();
    if (lines.length > 0) this.insertBatch.run(options.importId, lines[0]![0], JSON.stringify(lines));
    this.progress.run(result.imported, result.skipped, options.importId);
  }
}

function requireNdc(row: NormalizedRow): string {
  if (!row.ndc11) throw new AppError('inventory/unknown-product', `Row ${row.row}: the product is not in the catalog and the row has no NDC to create it.`);
  return row.ndc11;
}

function commitFailed(err: unknown): AppError {
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('import/commit-failed', `Nothing was imported: ${message}`, { cause: err });
}
