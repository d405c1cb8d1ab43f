import { and, asc, eq, gt, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { PiiCodec } from './pii';
import { INDEXED_COLUMNS, type IndexedEncryptedColumn } from './pii-columns';

export interface ReindexCounts {
  column: string;
  /** Index values recomputed under the active index key. */
  reindexed: number;
  /** Rows that changed between the read and the update (a concurrent write): already current, left alone. */
  skipped: number;
}

/**
 * After a blind-index key rotation (a new key first in ATLAS_BLIND_INDEX_KEYS): recomputes every
 * index value that is not the active key's, from the decrypted value, in batches while servers
 * keep serving (they look up by every configured key meanwhile, pii.indexCandidates). An HMAC
 * cannot be told apart by key, so each row's value is recomputed and compared. Each row is
 * updated by its own `UPDATE … WHERE id = ? AND email_index = <the value read>`, so a row a
 * server rewrote meanwhile is left as it is. Once this reports nothing left, the old key can be
 * removed from ATLAS_BLIND_INDEX_KEYS.
 */
export async function reindexAll(db: Executor, pii: PiiCodec, options: { batchSize?: number } = {}): Promise<ReindexCounts[]> {
  const results: ReindexCounts[] = [];
  for (const column of INDEXED_COLUMNS) results.push(await reindexColumn(db, pii, column, options.batchSize ?? 200));
  return results;
}

async function reindexColumn(db: Executor, pii: PiiCodec, column: IndexedEncryptedColumn, batchSize: number): Promise<ReindexCounts> {
  const counts: ReindexCounts = { column: column.name, reindexed: 0, skipped: 0 };
  let after: string | null = null;
  for (;;) {
    const where: (SQL | undefined)[] = [isNotNull(column.index)];
    if (after !== null) where.push(gt(column.id, after));
    const rows = (await db
      .select({ id: column.id, value: column.value, index: column.index })
      .from(column.table)
      .where(and(...where))
      .orderBy(asc(column.id))
      .limit(batchSize)) as { id: string; value: string; index: string }[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const current = pii.index(column.name, pii.open(column.name, row.id, row.value));
      if (current === row.index) continue;
      const updated = await db
        .update(column.table)
        .set({ emailIndex: current } as never)
        .where(and(eq(column.id, row.id), eq(column.index, row.index)))
        .returning({ id: sql`1` });
      if (updated.length === 1) counts.reindexed += 1;
      else counts.skipped += 1;
    }
    after = rows[rows.length - 1]?.id ?? null;
  }
  return counts;
}
