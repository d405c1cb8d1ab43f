import { and, asc, eq, gt, isNotNull, not, like, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { decryptField, encryptField, type FieldKeyring } from '../security/field-crypto';
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from './pii-columns';

export interface ReencryptCounts {
  column: string;
  /** Values moved to the active key. */
  reencrypted: number;
  /** Values that changed between the read and the update (a concurrent write): already current, left alone. */
  skipped: number;
}

/**
 * Key rotation without downtime (issue 6): re-encrypts every value of every encrypted column that
 * is not under the active key, in batches, while servers keep serving. Each value is rewritten by
 * its own UPDATE ... WHERE id = ? AND value = <the ciphertext read>, so a value a server changed
 * meanwhile (it wrote it under the active key already) is not overwritten with stale data. Servers
 * still holding the old key in their keyring read either form throughout; once this reports
 * nothing left, the old key can be removed from ATLAS_DATA_KEYS.
 */
export async function reencryptAll(
  db: Executor,
  keyring: FieldKeyring,
  options: { batchSize?: number; onBatch?: (progress: ReencryptCounts) => void } = {},
): Promise<ReencryptCounts[]> {
  const results: ReencryptCounts[] = [];
  for (const column of ENCRYPTED_COLUMNS) results.push(await reencryptColumn(db, keyring, column, options));
  return results;
}

async function reencryptColumn(
  db: Executor,
  keyring: FieldKeyring,
  column: EncryptedColumn,
  { batchSize = 200, onBatch }: { batchSize?: number; onBatch?: (progress: ReencryptCounts) => void },
): Promise<ReencryptCounts> {
  const counts: ReencryptCounts = { column: column.name, reencrypted: 0, skipped: 0 };
  // Anything not starting with `v1.<active key id>.` — the key id is [A-Za-z0-9_-], no LIKE wildcards but `_`.
  const current = `v1.${keyring.activeKeyId.replaceAll('_', '\\_')}.%`;
  let after: string | null = null;
  for (;;) {
    const where: (SQL | undefined)[] = [isNotNull(column.value), not(like(column.value, current))];
    if (after !== null) where.push(gt(column.id, after));
    const rows = (await db
      .select({ id: column.id, value: column.value })
      .from(column.table)
      .where(and(...where))
      .orderBy(asc(column.id))
      .limit(batchSize)) as { id: string; value: string }[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const context = { column: column.name, rowId: row.id };
      const fresh = encryptField(keyring, decryptField(keyring, row.value, context), context);
      const updated = await db
        .update(column.table)
        .set({ [column.key]: fresh } as never)
        .where(and(eq(column.id, row.id), eq(column.value, row.value)))
        .returning({ id: sql`1` });
      if (updated.length === 1) counts.reencrypted += 1;
      else counts.skipped += 1;
    }
    after = rows[rows.length - 1]?.id ?? null;
    onBatch?.({ ...counts });
  }
  return counts;
}
