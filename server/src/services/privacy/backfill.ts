import { and, asc, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { invitations, users } from '../../db/schema/index';
import { isSealed, type IndexedColumn, type PiiCodec } from './pii';

export interface BackfillCounts {
  users: number;
  invitations: number;
}

/**
 * Databases from before issue 6's encryption (migration 0010_pii) hold emails in clear and no
 * blind index. At server start, before serving, every users / invitations row without an
 * `email_index` gets its email encrypted and its index filled. A row is done exactly when its
 * index is set (every write since sets both), so this is idempotent and a no-op once done; it
 * runs in batches, each row in its own UPDATE guarded by `email_index IS NULL`, so two instances
 * starting together do not fight. A value already in the v1 format (sealed, index somehow
 * missing) is decrypted and only indexed, never encrypted twice.
 */
export async function backfillEmailEncryption(db: Executor, pii: PiiCodec, batchSize = 200): Promise<BackfillCounts> {
  return {
    users: await backfill(db, pii, 'users.email', batchSize),
    invitations: await backfill(db, pii, 'invitations.email', batchSize),
  };
}

async function backfill(db: Executor, pii: PiiCodec, column: IndexedColumn, batchSize: number): Promise<number> {
  const table = column === 'users.email' ? users : invitations;
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const where: (SQL | undefined)[] = [isNull(table.emailIndex)];
    if (after !== null) where.push(gt(table.id, after));
    const rows = await db.select({ id: table.id, email: table.email }).from(table).where(and(...where)).orderBy(asc(table.id)).limit(batchSize);
    if (rows.length === 0) return done;
    for (const row of rows) {
      const plain = isSealed(row.email) ? pii.open(column, row.id, row.email) : row.email;
      const sealed = isSealed(row.email) ? row.email : pii.seal(column, row.id, plain);
      const updated = await db
        .update(table)
        .set({ email: sealed, emailIndex: pii.index(column, plain) })
        .where(and(eq(table.id, row.id), isNull(table.emailIndex)))
        .returning({ id: table.id });
      done += updated.length;
    }
    after = rows[rows.length - 1]?.id ?? null;
  }
}
