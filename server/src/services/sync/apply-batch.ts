import { AppError, type SerializedError } from '../../../../shared/errors';
import { MUTATION_SCHEMA_VERSION } from '../../../../shared/inventory/mutations';
import { runMutation } from '../../../../shared/inventory/mutators';
import type { PushedMutation } from '../../../../shared/sync/protocol';
import { serializeError } from '../../../../shared/serialize-error';
import type { Transaction } from '../../db/client';
import type { AccessClaims } from '../auth/tokens';
import { BatchInventoryTx } from './batch-inventory-tx';
import { referencedIds } from './referenced-ids';

/**
 * Runs contiguous new mutations of one push through the shared mutators, in order, against one
 * BatchInventoryTx, then writes what they did. Returns each mutation's rejection, or null when
 * it was applied. The caller holds the company version (and so its lock) and records outcomes.
 * A database error anywhere throws: the whole push transaction fails and the client retries.
 */
export async function applyBatch(
  tx: Transaction,
  auth: AccessClaims,
  mutations: readonly PushedMutation[],
  version: number,
  now: string,
  log: (err: unknown, ref: string) => void,
): Promise<(SerializedError | null)[]> {
  const batch = await BatchInventoryTx.load(tx, auth, version, now, mutations);
  const errors = await runBatch(batch, mutations, log);
  await batch.writes.flush(tx, auth.companyId, version);
  return errors;
}

/** Runs the mutations in order against the batch (nothing is written until its flush). */
export async function runBatch(batch: BatchInventoryTx, mutations: readonly PushedMutation[], log: (err: unknown, ref: string) => void): Promise<(SerializedError | null)[]> {
  const errors: (SerializedError | null)[] = [];
  for (const m of mutations) errors.push(await applyOne(batch, m, log));
  return errors;
}

/** One mutation, all or nothing: a refusal rolls back its writes (what its savepoint used to do). */
async function applyOne(batch: BatchInventoryTx, m: PushedMutation, log: (err: unknown, ref: string) => void): Promise<SerializedError | null> {
  batch.begin();
  try {
    if (m.schemaVersion > MUTATION_SCHEMA_VERSION) {
      throw new AppError('sync/unsupported-schema', `This change was made by a newer Atlas (schema ${m.schemaVersion}); update the server.`);
    }
    await runMutation(batch, m.name, m.args);
    batch.commit();
    return null;
  } catch (err) {
    batch.rollback();
    if (batch.failure) throw batch.failure;
    // Domain refusals and bad input are expected; anything else is logged with a reference and
    // still rejected, because a change that crashes the server would otherwise block its queue.
    const error = serializeError(err, log);
    // Re-stamp what the refused change touched, so every client pulls the authoritative rows
    // back over its optimistic guess.
    batch.touch(referencedIds(batch.companyId, m));
    return error;
  }
}
