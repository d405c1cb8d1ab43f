import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locationIdFor, lotIdFor, newId, productIdFor } from '../../../shared/ids';
import { keychainAvailable, testKeychain } from '../../../tests/support/keychain';
import { outbox, stockMovements } from '../../db/schema';
import type { OsKeychain } from '../keystore/os-keychain';
import { openReplica, replicaKeyName, type Replica } from '../replica/open-replica';
import { ReplicaWriter } from '../replica/replica-writer';
import { SyncStore } from '../sync/sync-store';
import { DesktopInventory } from './desktop-inventory';
import { LocalMutations } from './local-mutations';

const session = { companyId: '3d0f8a52-6c1e-4b7a-9f4e-2a1b0c9d8e7f', userId: '5e1f9b63-7d2f-4c8b-8a5f-3b2c1d0e9f8a' };

describe.runIf(keychainAvailable)('local mutations: the change and its outbox row commit together', () => {
  let dir: string;
  let keys: OsKeychain;
  let replica: Replica;
  let mutations: LocalMutations;
  let changes = 0;

  beforeEach(async () => {
    changes = 0;
    dir = mkdtempSync(join(tmpdir(), 'atlas-local-'));
    keys = testKeychain();
    replica = openReplica({ file: join(dir, 'replica.db'), keyStore: keys });
    const writer = new ReplicaWriter(replica);
    mutations = new LocalMutations({ db: replica.db, writer, store: new SyncStore(replica.db), now: () => new Date('2026-11-21T10:00:00Z'), onChange: () => changes++ });
    await mutations.apply(session, 'product.upsert', { ndc11: '00093310905', name: 'Amoxicillin 500 mg', unit: 'bottle' });
    await mutations.apply(session, 'location.upsert', { warehouse: 'Main', bin: 'A-01' });
  });
  afterEach(() => {
    replica.close();
    keys.delete(replicaKeyName(join(dir, 'replica.db')));
    rmSync(dir, { recursive: true, force: true });
  });

  const productId = productIdFor(session.companyId, '00093310905');
  const locationId = locationIdFor(session.companyId, 'Main', null, 'A-01');

  it('suggests FEFO from the available, unexpired lots at the location only', async () => {
    const other = locationIdFor(session.companyId, 'Main', null, 'B-02');
    await mutations.apply(session, 'location.upsert', { warehouse: 'Main', bin: 'B-02' });
    const receive = (lotNumber: string, expiry: string, quantity: number, at = locationId) =>
      mutations.apply(session, 'stock.receive', { movementId: newId(), productId, lotNumber, expiry, locationId: at, quantity });
    await receive('LATE', '2028-01-31', 30);
    await receive('SOON', '2027-02-28', 10);
    await receive('GONE', '2026-11-20', 50);
    await receive('HELD', '2027-01-31', 50);
    await receive('ELSEWHERE', '2026-12-31', 50, other);
    await mutations.apply(session, 'lot.quarantine', { movementId: newId(), lotId: lotIdFor(session.companyId, productId, 'HELD'), locationId, reason: 'Logger over 8 °C in transit', reference: null });
    const inventory = new DesktopInventory(replica.db, mutations, () => session);
    // GONE expired yesterday, HELD is quarantined, ELSEWHERE is on another shelf.
    const fefo = inventory.fefo(productId, locationId, 25, '2026-11-21');
    expect(fefo.lots.map((l) => [l.lotNumber, l.quantity])).toEqual([
      ['SOON', 10],
      ['LATE', 15],
    ]);
    expect(fefo).toMatchObject({ allocated: 25, shortfall: 0 });
    expect(inventory.fefo(productId, locationId, 100, '2026-11-21')).toMatchObject({ allocated: 40, shortfall: 60 });
  });

  it('writes the movement and the outbox row in one transaction, seq contiguous', async () => {
    const movementId = newId();
    await mutations.apply(session, 'stock.receive', { movementId, productId, lotNumber: '0012/A', expiry: '2027-03-31', locationId, quantity: 40 });
    const queued = replica.db.select().from(outbox).all();
    expect(queued.map((q) => [q.seq, q.name])).toEqual([
      [1, 'product.upsert'],
      [2, 'location.upsert'],
      [3, 'stock.receive'],
    ]);
    expect(replica.db.select().from(stockMovements).all()).toMatchObject([{ id: movementId, quantity: 40, version: 0, kind: 'receive' }]);
    expect(changes).toBe(3);
  });

  it('leaves neither effect nor outbox row when the mutation is refused locally', async () => {
    const unknownLot = lotIdFor(session.companyId, productId, 'NOPE');
    await expect(mutations.apply(session, 'stock.pick', { movementId: newId(), lotId: unknownLot, locationId, quantity: 1 })).rejects.toMatchObject({ code: 'inventory/unknown-lot' });
    await expect(mutations.apply(session, 'stock.receive', { movementId: newId(), productId, lotNumber: ' padded ', expiry: '2027-02-30', locationId, quantity: 0 })).rejects.toThrow();
    expect(replica.db.select().from(outbox).all()).toHaveLength(2);
    expect(replica.db.select().from(stockMovements).all()).toHaveLength(0);
  });

  it('serialises concurrent writes: each lands whole, none joins another one’s transaction', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => mutations.apply(session, 'stock.receive', { movementId: newId(), productId, lotNumber: `L${i % 3}`, expiry: '2027-03-31', locationId, quantity: 1 })),
    );
    expect(replica.db.select().from(outbox).all().map((q) => q.seq)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(replica.db.select().from(stockMovements).all()).toHaveLength(20);
  });
});
