import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lotIdFor, productIdFor } from '../../../../shared/ids';
import { runMutation } from '../../../../shared/inventory/mutators';
import type { PushedMutation, PushOutput } from '../../../../shared/sync/protocol';
import { companies, locations, lots, products, stockMovements, syncMutations, users } from '../../db/schema/index';
import { createTestDeps, type TestDeps } from '../../testing/test-deps';
import type { AccessClaims } from '../auth/tokens';
import { BatchInventoryTx } from './batch-inventory-tx';
import { applyPush } from './push';

let t: TestDeps;
beforeAll(async () => {
  t = await createTestDeps();
});
afterAll(() => t.close());

const logged: unknown[] = [];
const log = (err: unknown) => logged.push(err);

/** A company with one user and one sync client, pushing mutations with consecutive seqs. */
async function tenant() {
  const [company] = await t.deps.db.insert(companies).values({ name: 'Acme' }).returning();
  const [user] = await t.deps.db.insert(users).values({ email: `${uuidv7()}@acme.example`, name: 'Ada', passwordHash: 'x' }).returning();
  const auth: AccessClaims = { companyId: company!.id, userId: user!.id, role: 'admin' };
  const clientId = uuidv7();
  let seq = 0;
  const push = (...ms: [string, unknown][]): Promise<PushOutput> => {
    const mutations: PushedMutation[] = ms.map(([name, args]) => ({ id: uuidv7(), seq: ++seq, name, args, schemaVersion: 1, createdAt: new Date().toISOString() }));
    return applyPush(t.deps.db, auth, { clientId, mutations }, log);
  };
  return { auth, push, companyId: auth.companyId };
}

/** A product, a location and its derived ids, set up by one applied push. */
async function stocked() {
  const ten = await tenant();
  const ndc11 = '00002322730';
  await ten.push(['product.upsert', { ndc11, name: 'Insulin' }], ['location.upsert', { warehouse: 'Main', bin: 'A-1' }], ['location.upsert', { warehouse: 'Main', bin: 'A-2' }]);
  const productId = productIdFor(ten.companyId, ndc11);
  const [a1, a2] = (await t.deps.db.select({ id: locations.id }).from(locations).where(eq(locations.companyId, ten.companyId)).orderBy(locations.bin)).map((r) => r.id);
  const receive = (lotNumber: string, quantity: number, extra: Record<string, unknown> = {}) => [
    'stock.receive',
    { productId, lotNumber, expiry: '2028-06-30', locationId: a1, quantity, movementId: uuidv7(), ...extra },
  ] as [string, unknown];
  return { ...ten, productId, a1: a1!, a2: a2!, receive, lotId: (n: string) => lotIdFor(ten.companyId, productId, n) };
}

const statuses = (out: PushOutput) => out.results.map((r) => (r.status === 'applied' ? 'applied' : r.error.code));
const movementsOf = (companyId: string) => t.deps.db.select().from(stockMovements).where(eq(stockMovements.companyId, companyId)).orderBy(stockMovements.id);

describe('push batch', () => {
  it('a count reads the level including earlier movements of the same batch', async () => {
    const s = await stocked();
    const count = { lotId: s.lotId('L1'), locationId: s.a1, countedQuantity: 12, movementId: uuidv7() };
    const out = await s.push(s.receive('L1', 10), s.receive('L1', 5), ['stock.count', count]);
    expect(statuses(out)).toEqual(['applied', 'applied', 'applied']);
    const [m] = await t.deps.db.select().from(stockMovements).where(eq(stockMovements.id, count.movementId));
    expect(m).toMatchObject({ kind: 'count', quantity: -3, reason: 'counted 12' });
  });

  it('a refused mutation in the middle leaves no trace; the ones after it see the state before it', async () => {
    const s = await stocked();
    const lotId = s.lotId('L1');
    const taken = uuidv7();
    await s.push(s.receive('L1', 4, { movementId: taken }));
    const transferOut = uuidv7();
    // The transfer's "in" id is taken, so its "out" leg (already made in memory) must vanish too.
    const transfer = { lotId, fromLocationId: s.a1, toLocationId: s.a2, quantity: 3, movementId: transferOut, movementInId: taken };
    const pick = { lotId, locationId: s.a1, quantity: 4, movementId: uuidv7() };
    const out = await s.push(['stock.transfer', transfer], ['stock.pick', pick], s.receive('L1', 1, { movementId: transferOut }));
    expect(statuses(out)).toEqual(['inventory/invalid-movement', 'applied', 'applied']);
    const rows = await movementsOf(s.companyId);
    expect(rows.filter((r) => r.kind.startsWith('transfer'))).toEqual([]);
    // Level before the pick was 4, not 1: the pick is no discrepancy.
    expect(rows.find((r) => r.id === pick.movementId)).toMatchObject({ quantity: -4, discrepancy: false });
    // The refused transfer's id was free again for a later mutation.
    expect(rows.find((r) => r.id === transferOut)).toMatchObject({ kind: 'receive', quantity: 1 });
    // What it referenced was re-stamped with the batch's version.
    const [lot] = await t.deps.db.select().from(lots).where(eq(lots.id, lotId));
    expect(out.results[0]).toMatchObject({ status: 'rejected' });
    expect(lot?.version).toBe((out.results[1] as { version: number }).version);
  });

  it('a pick taking the level below zero is applied and flagged', async () => {
    const s = await stocked();
    const pick = { lotId: s.lotId('L1'), locationId: s.a1, quantity: 5, movementId: uuidv7() };
    expect(statuses(await s.push(s.receive('L1', 2), ['stock.pick', pick]))).toEqual(['applied', 'applied']);
    const [m] = await t.deps.db.select().from(stockMovements).where(eq(stockMovements.id, pick.movementId));
    expect(m).toMatchObject({ quantity: -5, discrepancy: true });
  });

  it('refuses a movement id another company already used, and leaves that row alone', async () => {
    const a = await stocked();
    const b = await stocked();
    const id = uuidv7();
    await b.push(b.receive('B1', 7, { movementId: id }));
    const out = await a.push(a.receive('A1', 3, { movementId: id }), a.receive('A2', 1));
    expect(statuses(out)).toEqual(['inventory/invalid-movement', 'applied']);
    expect((await movementsOf(a.companyId)).map((m) => m.quantity)).toEqual([1]);
    const [theirs] = await t.deps.db.select().from(stockMovements).where(eq(stockMovements.id, id));
    expect(theirs).toMatchObject({ companyId: b.companyId, quantity: 7 });
    // No lot was left behind by the refused receipt.
    expect(await t.deps.db.select().from(lots).where(eq(lots.id, a.lotId('A1')))).toEqual([]);
  });

  it('refuses an upsert onto an id another company owns, never merging into it', async () => {
    const a = await stocked();
    const b = await tenant();
    // Plant rows of company B under ids company A derives (collisions a guessed id could force).
    const ndc11 = '11111111111';
    await t.deps.db.insert(products).values({ id: productIdFor(a.companyId, ndc11), companyId: b.companyId, name: 'Theirs', version: 1 });
    await t.deps.db.insert(lots).values({ id: a.lotId('X1'), companyId: b.companyId, productId: productIdFor(a.companyId, ndc11), lotNumber: 'X1', expiry: '2030-01-01', version: 1 });
    const out = await a.push(['product.upsert', { ndc11, name: 'Ours' }], a.receive('X1', 2), a.receive('X2', 2));
    expect(statuses(out)).toEqual(['inventory/invalid-movement', 'inventory/invalid-movement', 'applied']);
    const [product] = await t.deps.db.select().from(products).where(eq(products.id, productIdFor(a.companyId, ndc11)));
    expect(product).toMatchObject({ companyId: b.companyId, name: 'Theirs', version: 1 });
    const [lot] = await t.deps.db.select().from(lots).where(eq(lots.id, a.lotId('X1')));
    expect(lot).toMatchObject({ companyId: b.companyId, version: 1 });
  });

  it("never reads another company's rows", async () => {
    const a = await stocked();
    const b = await stocked();
    await b.push(b.receive('B1', 7));
    const pick = { lotId: b.lotId('B1'), locationId: a.a1, quantity: 1, movementId: uuidv7() };
    const count = { lotId: a.lotId('A1'), locationId: b.a1, countedQuantity: 0, movementId: uuidv7() };
    expect(statuses(await a.push(a.receive('A1', 1), ['stock.pick', pick], ['stock.count', count]))).toEqual(['applied', 'inventory/unknown-lot', 'inventory/unknown-location']);
  });

  it('rejects (as unexpected) a count variance the integer column cannot hold, without failing the batch', async () => {
    const s = await stocked();
    const receipts = Array.from({ length: 215 }, () => s.receive('BIG', 10_000_000));
    const count = { lotId: s.lotId('BIG'), locationId: s.a1, countedQuantity: 0, movementId: uuidv7() };
    const before = logged.length;
    const out = await s.push(...receipts, ['stock.count', count], s.receive('BIG', 1));
    expect(statuses(out).slice(-2)).toEqual(['internal/unexpected', 'applied']);
    expect(logged.length).toBe(before + 1);
  });

  it('answers a repeated push from the stored results and applies nothing twice', async () => {
    const s = await stocked();
    // The second receipt contradicts the first's expiry: one applied, one rejected.
    const mutations: PushedMutation[] = [s.receive('R1', 3), s.receive('R1', 3, { expiry: '2029-01-01' })].map(([name, args], i) => ({
      id: uuidv7(),
      seq: i + 1,
      name,
      args,
      schemaVersion: 1,
      createdAt: '',
    }));
    const clientId = uuidv7();
    const first = await applyPush(t.deps.db, s.auth, { clientId, mutations }, log);
    const again = await applyPush(t.deps.db, s.auth, { clientId, mutations }, log);
    expect(again).toEqual(first);
    expect((await movementsOf(s.companyId)).length).toBe(1);
    const stored = await t.deps.db.select().from(syncMutations).where(eq(syncMutations.clientId, clientId));
    expect(stored.map((r) => r.status)).toEqual(['applied', 'rejected']);
  });
});

describe('BatchInventoryTx', () => {
  it('loads on demand what the prefetch did not predict', async () => {
    const s = await stocked();
    await s.push(s.receive('L1', 6));
    await t.deps.db.transaction(async (tx) => {
      const batch = await BatchInventoryTx.load(tx, s.auth, 99, new Date().toISOString(), []);
      expect(await batch.getProduct(s.productId)).toMatchObject({ id: s.productId, name: 'Insulin' });
      expect(await batch.getLot(s.lotId('L1'))).toMatchObject({ lotNumber: 'L1', status: 'available' });
      expect(await batch.stockLevel(s.lotId('L1'), s.a1)).toBe(6);
      await runMutation(batch, 'stock.pick', { lotId: s.lotId('L1'), locationId: s.a1, quantity: 2, movementId: uuidv7() });
      expect(await batch.stockLevel(s.lotId('L1'), s.a1)).toBe(4);
      tx.rollback();
    }).catch((err: unknown) => expect(String(err)).toMatch(/rollback/i));
  });

  it('fails the flush (and so the whole push) when another company takes a movement id after the batch read it', async () => {
    const a = await stocked();
    const b = await stocked();
    await b.push(b.receive('B1', 1));
    const id = uuidv7();
    const attempt = t.deps.db.transaction(async (tx) => {
      const batch = await BatchInventoryTx.load(tx, a.auth, 99, new Date().toISOString(), []);
      const [name, args] = a.receive('A1', 1, { movementId: id });
      await runMutation(batch, name, args);
      // The race: B's movement with the same id lands between the read and the flush.
      const [theirs] = await tx.select().from(stockMovements).where(eq(stockMovements.companyId, b.companyId));
      await tx.insert(stockMovements).values({ ...theirs!, id });
      await batch.writes.flush(tx, a.companyId, 99);
    });
    await expect(attempt).rejects.toThrow(/stock_movements wrote 0 of 1/);
    expect(await t.deps.db.select().from(stockMovements).where(eq(stockMovements.id, id))).toEqual([]);
  });
});
