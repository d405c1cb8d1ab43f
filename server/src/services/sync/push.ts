import { and, eq } from 'drizzle-orm';
import { ZodError } from 'zod';
import { AppError, isAppError, type SerializedError } from '../../../../shared/errors';
import { locationIdFor, lotIdFor, productIdFor } from '../../../../shared/ids';
import { MUTATION_SCHEMA_VERSION } from '../../../../shared/inventory/mutations';
import { runMutation } from '../../../../shared/inventory/mutators';
import type { MutationResult, PushedMutation, PushInput, PushOutput } from '../../../../shared/sync/protocol';
import { serializeError } from '../../../../shared/serialize-error';
import type { Database, Transaction } from '../../db/client';
import { locations, lots, products, syncClients, syncMutations } from '../../db/schema/index';
import type { AccessClaims } from '../auth/tokens';
import { nextCompanyVersion } from './company-version';
import { PgInventoryTx } from './pg-inventory-tx';
import { PokeBus } from './poke-bus';

/**
 * Applies a client's pushed mutations in `seq` order, each in its own Postgres transaction that
 * also records the outcome and the client's new `last_seq` (SYNC.md push). So a push repeated
 * after a lost response, or after a server crash mid-batch, applies nothing twice: seqs at or
 * below `last_seq` are answered from `sync_mutations`; a gap stops the batch and is reported.
 * A mutation the domain refuses is acknowledged as rejected (kept, with its reason) so the
 * client's queue never blocks behind it.
 */
export async function applyPush(db: Database, auth: AccessClaims, input: PushInput, log: (err: unknown, ref: string) => void): Promise<PushOutput> {
  const results: MutationResult[] = [];
  const ordered = [...input.mutations].sort((a, b) => a.seq - b.seq);
  let lastAppliedSeq = 0;
  for (const m of ordered) {
    const step = await db.transaction(async (tx) => {
      const lastSeq = await lockClient(tx, input.clientId, auth);
      if (m.seq <= lastSeq) return { kind: 'repeat' as const, lastSeq };
      if (m.seq > lastSeq + 1) return { kind: 'gap' as const, lastSeq };
      const result = await applyOne(tx, auth, input.clientId, m, log);
      await tx.update(syncClients).set({ lastSeq: m.seq, updatedAt: new Date() }).where(eq(syncClients.clientId, input.clientId));
      return { kind: 'done' as const, lastSeq: m.seq, result };
    });
    lastAppliedSeq = step.lastSeq;
    if (step.kind === 'gap') return { results, lastAppliedSeq, gap: { expected: step.lastSeq + 1, received: m.seq } };
    results.push(step.kind === 'done' ? step.result : await storedResult(db, input.clientId, m));
  }
  return { results, lastAppliedSeq, gap: null };
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

async function applyOne(tx: Transaction, auth: AccessClaims, clientId: string, m: PushedMutation, log: (err: unknown, ref: string) => void): Promise<MutationResult> {
  // Every mutation takes a version first: that serialises writers per company, so stock levels
  // read by a mutator (count variance, discrepancy) are the committed truth.
  const version = await nextCompanyVersion(tx, auth.companyId);
  let error: SerializedError | null = null;
  try {
    if (m.schemaVersion > MUTATION_SCHEMA_VERSION) {
      throw new AppError('sync/unsupported-schema', `This change was made by a newer Atlas (schema ${m.schemaVersion}); update the server.`);
    }
    const now = new Date().toISOString();
    // A savepoint: a refused mutation leaves no partial writes, but its rejection still commits.
    await tx.transaction((sp) => runMutation(new PgInventoryTx(sp, auth.companyId, auth.userId, version, now), m.name, m.args));
  } catch (err) {
    if (!isAppError(err) && !(err instanceof ZodError)) throw err;
    error = serializeError(err, log);
    // Re-stamp what the refused change touched, so every client pulls the authoritative rows
    // back over its optimistic guess.
    await touchRows(tx, auth.companyId, m, version);
  }
  await tx.insert(syncMutations).values({
    clientId,
    seq: m.seq,
    mutationId: m.id,
    companyId: auth.companyId,
    userId: auth.userId,
    name: m.name,
    args: m.args ?? null,
    status: error ? 'rejected' : 'applied',
    version,
    error,
  });
  await PokeBus.notify(tx, auth.companyId, version);
  return error ? { mutationId: m.id, seq: m.seq, status: 'rejected', error } : { mutationId: m.id, seq: m.seq, status: 'applied', version };
}

async function storedResult(db: Database, clientId: string, m: PushedMutation): Promise<MutationResult> {
  const [row] = await db.select().from(syncMutations).where(and(eq(syncMutations.clientId, clientId), eq(syncMutations.seq, m.seq)));
  if (!row) throw new Error(`sync_mutations has no row for client ${clientId} seq ${m.seq}`);
  return row.status === 'applied'
    ? { mutationId: row.mutationId, seq: row.seq, status: 'applied', version: row.version ?? 0 }
    : { mutationId: row.mutationId, seq: row.seq, status: 'rejected', error: row.error as SerializedError };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids of rows a mutation names (directly, or through its natural key). */
function referencedIds(companyId: string, m: PushedMutation): { products: string[]; lots: string[]; locations: string[] } {
  const a = (typeof m.args === 'object' && m.args !== null ? m.args : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : null);
  const ndc11 = str('ndc11');
  const productId = str('productId') ?? (ndc11 ? productIdFor(companyId, ndc11) : null);
  const lotNumber = str('lotNumber');
  const lotId = str('lotId') ?? (productId && lotNumber ? lotIdFor(companyId, productId, lotNumber) : null);
  const warehouse = m.name === 'location.upsert' ? str('warehouse') : null;
  const locationIds = [str('locationId'), str('fromLocationId'), str('toLocationId'), warehouse ? locationIdFor(companyId, warehouse, str('zone'), str('bin')) : null];
  // Only well-formed ids: a malformed one would fail the uuid cast and block the client's queue.
  const present = (list: (string | null)[]) => list.filter((v): v is string => v !== null && UUID.test(v));
  return { products: present([productId]), lots: present([lotId]), locations: present(locationIds) };
}

async function touchRows(tx: Transaction, companyId: string, m: PushedMutation, version: number): Promise<void> {
  const ids = referencedIds(companyId, m);
  for (const [table, list] of [
    [products, ids.products],
    [lots, ids.lots],
    [locations, ids.locations],
  ] as const) {
    for (const id of list) {
      await tx.update(table).set({ version }).where(and(eq(table.id, id), eq(table.companyId, companyId)));
    }
  }
}
