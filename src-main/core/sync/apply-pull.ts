import { and, eq, sql } from 'drizzle-orm';
import { runMutation } from '../../../shared/inventory/mutators';
import type { PullOutput } from '../../../shared/sync/protocol';
import { locations, lots, products, rebaseBackup, stockMovements } from '../../db/schema';
import type { ReplicaDb } from '../replica/open-replica';
import { ReplicaInventoryTx } from './replica-inventory-tx';
import type { RowUpserter } from './row-upserter';
import type { SyncStore } from './sync-store';

const TABLES = { products, locations, lots } as const;

/**
 * Applies one pull page as a rebase, inside one replica transaction (SYNC.md pull):
 * 1. undo every optimistic change — restore the server rows saved before local edits, drop rows
 *    and movements the server has not confirmed (version 0);
 * 2. write the page's authoritative rows;
 * 3. re-run, in seq order, the outbox mutations the server has not applied yet.
 * Acknowledged mutations are already out of the outbox, so their optimistic effects give way to
 * the server's result — including rejections, whose rows the server re-sent.
 */
export async function applyPull(
  db: ReplicaDb,
  rows: RowUpserter,
  store: SyncStore,
  session: { companyId: string; userId: string },
  page: PullOutput,
  now: string,
): Promise<void> {
  const { companyId } = session;
  for (const backup of db.select().from(rebaseBackup).all()) {
    const table = TABLES[backup.tableName as keyof typeof TABLES];
    db.insert(table).values(backup.row as never).onConflictDoUpdate({ target: table.id, set: backup.row as never }).run();
  }
  db.delete(rebaseBackup).run();
  db.delete(stockMovements).where(and(eq(stockMovements.companyId, companyId), eq(stockMovements.version, 0))).run();
  for (const table of Object.values(TABLES)) db.delete(table).where(and(eq(table.companyId, companyId), eq(table.version, 0))).run();

  for (const row of page.products) rows.upsert(products, row);
  for (const row of page.locations) rows.upsert(locations, row);
  for (const row of page.lots) rows.upsert(lots, row);
  for (const row of page.movements) rows.upsert(stockMovements, row);

  for (const m of store.pending(companyId, Number.MAX_SAFE_INTEGER, page.lastAppliedSeq)) {
    db.run(sql`SAVEPOINT rebase_step`);
    try {
      await runMutation(new ReplicaInventoryTx(db, companyId, session.userId, now), m.name, m.args);
      db.run(sql`RELEASE rebase_step`);
    } catch {
      // It no longer applies locally (say its lot was rejected upstream): undo its partial effect;
      // it stays queued and the server gives the verdict the user will see.
      db.run(sql`ROLLBACK TO rebase_step`);
      db.run(sql`RELEASE rebase_step`);
    }
  }
  store.saveCursor(companyId, page.cursor, now);
}
