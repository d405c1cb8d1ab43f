import { asc, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type SerializedError } from '../../../../shared/errors';
import { locationIdFor, lotIdFor, productIdFor } from '../../../../shared/ids';
import { MUTATION_SCHEMA_VERSION } from '../../../../shared/inventory/mutations';
import { runMutation } from '../../../../shared/inventory/mutators';
import type { PushedMutation } from '../../../../shared/sync/protocol';
import { serializeError } from '../../../../shared/serialize-error';
import type { Transaction } from '../../db/client';
import { companies, locations, lots, products, stockMovements, users } from '../../db/schema/index';
import { createTestDeps, type TestDeps } from '../../testing/test-deps';
import type { AccessClaims } from '../auth/tokens';
import { applyBatch, runBatch } from './apply-batch';
import { BatchInventoryTx } from './batch-inventory-tx';
import { PgInventoryTx } from './pg-inventory-tx';
import { applyPush } from './push';
import { touchRows } from './referenced-ids';
import { genMutation, materialise, MOVEMENT_IDS, prelude, type Spec, type World } from './mutation-specs.fixture';

/**
 * The batch must decide exactly what the per-mutation path decides. Random batches (products,
 * locations, receipts, picks, transfers, counts, status changes, junk; a small pool of movement
 * ids shared with another company, some drawn often; rows of that company planted under our derived ids) run
 * through both, each in a transaction that is then rolled back, from the same committed state:
 * the outcomes and every row of both companies must be identical. The batch runs twice: with
 * its prefetch, and with none (every read loaded on demand).
 */
let t: TestDeps;
beforeAll(async () => {
  t = await createTestDeps();
});
afterAll(() => t.close());

const VERSION = 1_000_000;
const NOW = '2026-03-01T12:00:00.000Z';
const quiet = () => undefined;

async function tenant(): Promise<AccessClaims> {
  const [company] = await t.deps.db.insert(companies).values({ name: 'Co' }).returning();
  const [user] = await t.deps.db.insert(users).values({ email: `${uuidv4()}@co.example`, name: 'U', passwordHash: 'x' }).returning();
  return { companyId: company!.id, userId: user!.id, role: 'admin' };
}

/** The per-mutation path as push ran it before batching: a savepoint per mutation. */
async function reference(tx: Transaction, auth: AccessClaims, ms: readonly PushedMutation[]): Promise<(SerializedError | null)[]> {
  const errors: (SerializedError | null)[] = [];
  for (const m of ms) {
    try {
      if (m.schemaVersion > MUTATION_SCHEMA_VERSION) throw new AppError('sync/unsupported-schema', `This change was made by a newer Atlas (schema ${m.schemaVersion}); update the server.`);
      await tx.transaction((sp) => runMutation(new PgInventoryTx(sp, auth.companyId, auth.userId, VERSION, NOW), m.name, m.args));
      errors.push(null);
    } catch (err) {
      errors.push(serializeError(err, quiet));
      await touchRows(tx, auth.companyId, m, VERSION);
    }
  }
  return errors;
}

async function noPrefetch(tx: Transaction, auth: AccessClaims, ms: readonly PushedMutation[]): Promise<(SerializedError | null)[]> {
  const batch = await BatchInventoryTx.load(tx, auth, VERSION, NOW, []);
  const errors = await runBatch(batch, ms, quiet);
  await batch.writes.flush(tx, auth.companyId, VERSION);
  return errors;
}

/** Every row of the given companies, in a stable order. */
async function snapshot(tx: Transaction, companyIds: string[]) {
  const of = <T extends typeof products | typeof locations | typeof lots | typeof stockMovements>(table: T) =>
    tx.select().from(table as typeof products).where(inArray(table.companyId, companyIds)).orderBy(asc(table.id));
  return { products: await of(products), locations: await of(locations), lots: await of(lots), movements: await of(stockMovements) };
}

class Rollback extends Error {}

/** Runs `apply` in a transaction that is rolled back; returns its outcomes and the state it left. */
async function trial(world: World, ms: PushedMutation[], apply: typeof reference) {
  let out: { errors: (SerializedError | null)[]; rows: Awaited<ReturnType<typeof snapshot>> } | null = null;
  await t.deps.db
    .transaction(async (tx) => {
      const errors = await apply(tx, world.us, ms);
      out = { errors: errors.map(stable), rows: await snapshot(tx, [world.us.companyId, world.them.companyId]) };
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return out!;
}

/** An unexpected error carries a random reference; only its code is comparable. */
function stable(e: SerializedError | null): SerializedError | null {
  return e?.code === 'internal/unexpected' ? { code: e.code, message: '(ref)' } : e;
}

async function world(plant: boolean): Promise<World> {
  const w: World = { us: await tenant(), them: await tenant(), movementIds: Array.from({ length: MOVEMENT_IDS }, () => uuidv4()) };
  if (plant) {
    // Rows of the other company under ids we derive, and one of ours deleted (an upsert revives it).
    const theirs = productIdFor(w.us.companyId, '00000000003');
    await t.deps.db.insert(products).values({ id: theirs, companyId: w.them.companyId, name: 'Theirs', version: 1 });
    await t.deps.db.insert(lots).values({ id: lotIdFor(w.us.companyId, productIdFor(w.us.companyId, '00000000002'), '0012/A'), companyId: w.them.companyId, productId: theirs, lotNumber: 'x', expiry: '2030-01-01', version: 1 });
    await t.deps.db.insert(locations).values({ id: locationIdFor(w.us.companyId, 'Main', null, 'A-3'), companyId: w.us.companyId, warehouse: 'Main', bin: 'A-3', deleted: true, version: 1 });
  }
  return w;
}

let seq = 0;
const pushed = (w: World, specs: Spec[], owner: 'us' | 'them' = 'us'): PushedMutation[] =>
  specs.map((s) => ({ id: uuidv4(), seq: ++seq, ...materialise(w, s, owner), createdAt: NOW }));

describe('BatchInventoryTx against the per-mutation PgInventoryTx', () => {
  it('decides every mutation the same and leaves the same rows', async () => {
    const runs = Number(process.env['ATLAS_BATCH_EQUIVALENCE_RUNS'] ?? 60);
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(genMutation, { maxLength: 12 }),
        fc.array(genMutation, { maxLength: 15 }),
        fc.array(genMutation, { minLength: 1, maxLength: 30 }),
        async (plant, theirSetup, ourSetup, batch) => {
          const w = await world(plant);
          // Committed history for both companies, then the batch under test.
          await applyPush(t.deps.db, w.them, { clientId: uuidv4(), mutations: renumber(pushed(w, [...prelude('them'), ...theirSetup], 'them')) }, quiet);
          await applyPush(t.deps.db, w.us, { clientId: uuidv4(), mutations: renumber(pushed(w, [...prelude('us'), ...ourSetup])) }, quiet);
          const ms = pushed(w, batch);
          const expected = await trial(w, ms, reference);
          expect(await trial(w, ms, (tx, auth, m) => applyBatch(tx, auth, m, VERSION, NOW, quiet))).toEqual(expected);
          expect(await trial(w, ms, noPrefetch)).toEqual(expected);
        },
      ),
      { numRuns: runs },
    );
  });
});

/** applyPush wants seqs from 1 for a new client. */
function renumber(ms: PushedMutation[]): PushedMutation[] {
  return ms.length === 0 ? [] : ms.map((m, i) => ({ ...m, seq: i + 1 }));
}
