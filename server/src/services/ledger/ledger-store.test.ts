import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, leafHash, verifyConsistency, verifyInclusion } from '../../../../shared/ledger';
import { openDatabase, type OpenDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { companies } from '../../db/schema/index';
import { LedgerStore } from './ledger-store';
import { resolveServerLedgerKey } from './server-ledger-key';
import { verifyTreeHead } from '../../../../shared/ledger/tree-head';

const b = (s: string) => Uint8Array.from(Buffer.from(s, 'base64'));
let database: OpenDatabase;
let companyId: string;

beforeEach(async () => {
  database = await openDatabase({ pgliteDir: 'memory://', databaseUrl: undefined });
  await migrateDatabase(database);
  const [row] = await database.db.insert(companies).values({ name: 'Acme' }).returning({ id: companies.id });
  companyId = row?.id ?? '';
});
afterEach(() => database.close());

describe('LedgerStore on PGlite', () => {
  it('appends, signs a head over all leaves, and serves proofs that verify', async () => {
    const key = await resolveServerLedgerKey(database.db);
    const store = new LedgerStore(key);
    const first = await database.db.transaction((tx) => store.appendEntries(tx, companyId, [{ op: 'a', n: 1 }, { op: 'b' }, { op: 'c' }]));
    const second = await database.db.transaction((tx) => store.appendEntries(tx, companyId, [{ z: 1, a: 2 }, { op: 'e' }]));
    expect(first.firstSeq).toBe(0);
    expect(second.firstSeq).toBe(3);
    expect(second.treeHead.treeSize).toBe(5);
    expect(await verifyTreeHead(second.treeHead, key.publicKey)).toBe(true);

    const proof = await store.inclusionProof(database.db, companyId, 3);
    const leaf = leafHash(new TextEncoder().encode(canonicalJson({ a: 2, z: 1 })));
    expect(Buffer.from(b(proof.leafHash)).equals(Buffer.from(leaf))).toBe(true);
    expect(verifyInclusion(leaf, 3, 5, proof.path.map(b), b(second.treeHead.rootHash))).toBe(true);
    const old = await store.inclusionProof(database.db, companyId, 1, 3);
    expect(verifyInclusion(b(old.leafHash), 1, 3, old.path.map(b), b(first.treeHead.rootHash))).toBe(true);
    const consistency = await store.consistencyProof(database.db, companyId, 3, 5);
    expect(verifyConsistency(3, 5, b(first.treeHead.rootHash), b(second.treeHead.rootHash), consistency.path.map(b))).toBe(true);

    // A second store (another instance, cold cache) reaches the same roots from the table.
    const cold = new LedgerStore(key);
    const coldProof = await cold.inclusionProof(database.db, companyId, 4);
    expect(verifyInclusion(b(coldProof.leafHash), 4, 5, coldProof.path.map(b), b(second.treeHead.rootHash))).toBe(true);
    expect(await cold.latestTreeHead(database.db, companyId)).toEqual(second.treeHead);
  });

  it('uses the operator\'s seed when one is configured (RFC 8032 §7.1 TEST 1)', async () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
    const key = await resolveServerLedgerKey(database.db, seed);
    expect(Buffer.from(key.publicKey).toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(key.keyId).not.toBe((await resolveServerLedgerKey(database.db)).keyId);
  });

  it('keeps the same key across restarts', async () => {
    const a = await resolveServerLedgerKey(database.db);
    const again = await resolveServerLedgerKey(database.db);
    expect(Buffer.from(again.secretKey).equals(Buffer.from(a.secretKey))).toBe(true);
    expect(again.keyId).toBe(a.keyId);
  });

  it('recovers the cache after an append that rolled back', async () => {
    const store = new LedgerStore(await resolveServerLedgerKey(database.db));
    await database.db.transaction((tx) => store.appendEntries(tx, companyId, [{ n: 0 }]));
    await expect(
      database.db.transaction(async (tx) => {
        await store.appendEntries(tx, companyId, [{ n: 'lost' }, { n: 'lost too' }]);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const { firstSeq, treeHead } = await database.db.transaction((tx) => store.appendEntries(tx, companyId, [{ n: 1 }]));
    expect(firstSeq).toBe(1);
    const proof = await store.inclusionProof(database.db, companyId, 1);
    const leaf = leafHash(new TextEncoder().encode(canonicalJson({ n: 1 })));
    expect(verifyInclusion(leaf, 1, 2, proof.path.map(b), b(treeHead.rootHash))).toBe(true);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database', async () => {
    const store = new LedgerStore(await resolveServerLedgerKey(database.db));
    await database.db.transaction((tx) => store.appendEntries(tx, companyId, [{ n: 0 }]));
    for (const statement of [
      sql`update ledger_entries set canonical = '{}'`,
      sql`delete from ledger_entries`,
      sql`truncate ledger_entries`,
      sql`update ledger_tree_heads set tree_size = 9`,
      sql`delete from ledger_tree_heads`,
      sql`truncate ledger_tree_heads`,
    ]) {
      // drizzle wraps the driver error ("Failed query: ..."); the trigger's message is its cause.
      const error: unknown = await database.db.execute(statement).then(() => null, (e: unknown) => e);
      expect(String((error as { cause?: unknown } | null)?.cause)).toMatch(/ledger\/append-only/);
    }
  });
});
