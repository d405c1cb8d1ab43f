import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError, type SerializedError } from '../../../../shared/errors';
import type { MutationResult, PushedMutation, PushInput, PushOutput } from '../../../../shared/sync/protocol';
import type { Database, Transaction } from '../../db/client';
import { syncClients, syncMutations } from '../../db/schema/index';
import type { AccessClaims } from '../auth/tokens';
import { applyBatch } from './apply-batch';
import { bulkInsert } from './bulk-insert';
import { nextCompanyVersion } from './company-version';
import { PokeBus } from './poke-bus';

/**
 * Applies a client's pushed mutations in `seq` order in ONE Postgres transaction that also records
 * every outcome and the client's new `last_seq` (SYNC.md push; the Replicache lastMutationID rule).
 * So a push repeated after a lost response, or after a server crash mid-batch, applies nothing
 * twice: seqs at or below `last_seq` are answered from `sync_mutations`; a gap stops the batch and
 * is reported. Each mutation is all or nothing (apply-batch.ts): one the domain refuses leaves no
 * trace and is acknowledged as rejected (kept, with its reason), so the client's queue never
 * blocks behind it. The whole batch shares one company version, so a pull never shows half of it.
 */
export async function applyPush(db: Database, auth: AccessClaims, input: PushInput, log: (err: unknown, ref: string) => void): Promise<PushOutput> {
  const ordered = [...input.mutations].sort((a, b) => a.seq - b.seq);
  return db.transaction(async (tx) => {
    const lastSeq = await lockClient(tx, input.clientId, auth);
    const repeats = ordered.filter((m) => m.seq <= lastSeq);
    const results: MutationResult[] = await storedResults(tx, input.clientId, repeats);
    const { fresh, gap } = nextRun(ordered, lastSeq);
    const last = fresh.at(-1);
    if (!last) return { results, lastAppliedSeq: lastSeq, gap };
    const now = new Date().toISOString();
    // Taking the version locks the company's counter row: writers of one company are serialised,
    // so the levels the mutators read (count variance, discrepancy) are the committed truth.
    const version = await nextCompanyVersion(tx, auth.companyId);
    const errors = await applyBatch(tx, auth, fresh, version, now, log);
    const outcomes = fresh.map((m, i) => ({ m, error: errors[i] ?? null }));
    const rows: (typeof syncMutations.$inferInsert)[] = outcomes.map(({ m, error }) => ({
      clientId: input.clientId,
      seq: m.seq,
      mutationId: m.id,
      companyId: auth.companyId,
      userId: auth.userId,
      name: m.name,
      args: m.args ?? null,
      status: error ? 'rejected' : 'applied',
      version,
      error,
    }));
    await tx.execute(bulkInsert(syncMutations, rows));
    await tx.update(syncClients).set({ lastSeq: last.seq, updatedAt: new Date() }).where(eq(syncClients.clientId, input.clientId));
    await PokeBus.notify(tx, auth.companyId, version);
    for (const { m, error } of outcomes) {
      results.push(error ? { mutationId: m.id, seq: m.seq, status: 'rejected', error } : { mutationId: m.id, seq: m.seq, status: 'applied', version });
    }
    return { results, lastAppliedSeq: last.seq, gap };
  });
}

/** The mutations after `lastSeq` that follow on without a gap, and the gap that stops them if any. */
function nextRun(ordered: readonly PushedMutation[], lastSeq: number): { fresh: PushedMutation[]; gap: PushOutput['gap'] } {
  const fresh: PushedMutation[] = [];
  let applied = lastSeq;
  for (const m of ordered) {
    if (m.seq <= lastSeq) continue;
    if (m.seq > applied + 1) return { fresh, gap: { expected: applied + 1, received: m.seq } };
    fresh.push(m);
    applied = m.seq;
  }
  return { fresh, gap: null };
}

/** Locks (creating on first sight) the client's row; a client id is bound to one user and company. */
async function lockClient(tx: Transaction, clientId: string, auth: AccessClaims): Promise<number> {
  await tx.insert(syncClients).values({ clientId, companyId: auth.companyId, userId: auth.userId }).onConflictDoNothing();
  const [row] = await tx.select().from(syncClients).where(eq(syncClients.clientId, clientId)).for('update');
  if (!row || row.companyId !== auth.companyId || row.userId !== auth.userId) {
    throw new AppError('sync/client-mismatch', 'This sync client belongs to another account; sign in again to reset it.');
  }
  return row.lastSeq;
}

async function storedResults(tx: Transaction, clientId: string, repeats: PushedMutation[]): Promise<MutationResult[]> {
  if (repeats.length === 0) return [];
  const rows = await tx
    .select()
    .from(syncMutations)
    .where(and(eq(syncMutations.clientId, clientId), inArray(syncMutations.seq, repeats.map((m) => m.seq))))
    .orderBy(asc(syncMutations.seq));
  return rows.map((row) =>
    row.status === 'applied'
      ? { mutationId: row.mutationId, seq: row.seq, status: 'applied' as const, version: row.version ?? 0 }
      : { mutationId: row.mutationId, seq: row.seq, status: 'rejected' as const, error: row.error as SerializedError },
  );
}
