import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError, type SerializedError } from '../../../../shared/errors';
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
 * Applies a client's pushed mutations in `seq` order in ONE Postgres transaction that also records
 * every outcome and the client's new `last_seq` (SYNC.md push; the Replicache lastMutationID rule).
 * So a push repeated after a lost response, or after a server crash mid-batch, applies nothing
 * twice: seqs at or below `last_seq` are answered from `sync_mutations`; a gap stops the batch and
 * is reported. Each mutation runs in a savepoint: one the domain refuses is rolled back alone and
 * acknowledged as rejected (kept, with its reason), so the client's queue never blocks behind it.
 * The whole batch shares one company version, so a pull never shows half of it.
 */
export async function applyPush(db: Database, auth: AccessClaims, input: PushInput, log: (err: unknown, ref: string) => void): Promise<PushOutput> {
  const ordered = [...input.mutations].sort((a, b) => a.seq - b.seq);
  return db.transaction(async (tx) => {
    const lastSeq = await lockClient(tx, input.clientId, auth);
    const repeats = ordered.filter((m) => m.seq <= lastSeq);
    const results: MutationResult[] = await storedResults(tx, input.clientId, repeats);
    let applied = lastSeq;
    let gap: PushOutput['gap'] = null;
    let version: number | null = null;
    const outcomes: (typeof syncMutations.$inferInsert)[] = [];
    const now = new Date().toISOString();
    for (const m of ordered) {
      if (m.seq <= lastSeq) continue;
      if (m.seq > applied + 1) {
        gap = { expected: applied + 1, received: m.seq };
        break;
      }
      // Taking the version locks the company's counter row: writers of one company are serialised,
      // so the levels a mutator reads (count variance, discrepancy) are the committed truth.
      version ??= await nextCompanyVersion(tx, auth.companyId);
      const error = await applyOne(tx, auth, m, version, now, log);
      outcomes.push({
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
      });
      results.push(error ? { mutationId: m.id, seq: m.seq, status: 'rejected', error } : { mutationId: m.id, seq: m.seq, status: 'applied', version });
      applied = m.seq;
    }
    if (outcomes.length > 0 && version !== null) {
      await tx.insert(syncMutations).values(outcomes);
      await tx.update(syncClients).set({ lastSeq: applied, updatedAt: new Date() }).where(eq(syncClients.clientId, input.clientId));
      await PokeBus.notify(tx, auth.companyId, version);
    }
    return { results, lastAppliedSeq: applied, gap };
  });
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

/** Runs one mutation in a savepoint; returns the rejection, or null when it was applied. */
async function applyOne(tx: Transaction, auth: AccessClaims, m: PushedMutation, version: number, now: string, log: (err: unknown, ref: string) => void): Promise<SerializedError | null> {
  try {
    if (m.schemaVersion > MUTATION_SCHEMA_VERSION) {
      throw new AppError('sync/unsupported-schema', `This change was made by a newer Atlas (schema ${m.schemaVersion}); update the server.`);
    }
    await tx.transaction((sp) => runMutation(new PgInventoryTx(sp, auth.companyId, auth.userId, version, now), m.name, m.args));
    return null;
  } catch (err) {
    // Domain refusals and bad input are expected; anything else is logged with a reference and
    // still rejected, because a change that crashes the server would otherwise block its queue.
    const error = serializeError(err, log);
    // Re-stamp what the refused change touched, so every client pulls the authoritative rows
    // back over its optimistic guess.
    await touchRows(tx, auth.companyId, m, version);
    return error;
  }
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
