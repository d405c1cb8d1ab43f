import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, leafHash, rootOf, verifyConsistency, verifyInclusion } from '../../shared/ledger';
import { openDatabase, type OpenDatabase } from '../../server/src/db/client';
import { migrateDatabase } from '../../server/src/db/migrate';
import { companies, ledgerEntries, ledgerTreeHeads } from '../../server/src/db/schema/index';
import { LedgerStore } from '../../server/src/services/ledger/ledger-store';
import { resolveServerLedgerKey, type ServerLedgerKey } from '../../server/src/services/ledger/server-ledger-key';
import { verifyTreeHead } from '../../shared/ledger/tree-head';
import { backends, skippedHere } from './support/backends';

const b = (s: string) => Uint8Array.from(Buffer.from(s, 'base64'));
const leafOf = (entry: unknown) => leafHash(new TextEncoder().encode(canonicalJson(entry)));

describe.each(backends)('server ledger on $name', (backend) => {
  if (skippedHere(backend)) return;
  let teardown: () => Promise<void>;
  let database: OpenDatabase;
  let config: Awaited<ReturnType<typeof backend.setup>>['config'];
  let key: ServerLedgerKey;
  let companyId: string;

  beforeAll(async () => {
    const store = await backend.setup();
    teardown = store.teardown;
    config = store.config;
    database = await openDatabase(store.config());
    await migrateDatabase(database);
    key = await resolveServerLedgerKey(database.db);
    const [row] = await database.db.insert(companies).values({ name: 'Ledger Co' }).returning({ id: companies.id });
    companyId = row?.id ?? '';
  });
  afterAll(async () => {
    await database?.close();
    await teardown?.();
  });

  it('appends, and its inclusion and consistency proofs verify against the signed heads', async () => {
    const store = new LedgerStore(key);
    const heads = [];
    for (let batch = 0; batch < 5; batch += 1) {
      const entries = Array.from({ length: 7 }, (_, i) => ({ batch, i, op: 'document.approved' }));
      heads.push((await database.db.transaction((tx) => store.appendEntries(tx, companyId, entries))).treeHead);
    }
    const last = heads.at(-1);
    if (!last) throw new Error('no head');
    expect(last.treeSize).toBe(35);
    for (const head of heads) expect(await verifyTreeHead(head, key.publicKey)).toBe(true);
    expect(last.keyId).toBe(key.keyId);
    for (const seq of [0, 6, 7, 20, 34]) {
      const p = await store.inclusionProof(database.db, companyId, seq);
      expect(verifyInclusion(leafOf({ batch: Math.floor(seq / 7), i: seq % 7, op: 'document.approved' }), seq, 35, p.path.map(b), b(last.rootHash))).toBe(true);
      expect(verifyInclusion(leafOf({ batch: 9 }), seq, 35, p.path.map(b), b(last.rootHash))).toBe(false);
    }
    for (const old of heads.slice(0, -1)) {
      const c = await store.consistencyProof(database.db, companyId, old.treeSize, 35);
      expect(verifyConsistency(old.treeSize, 35, b(old.rootHash), b(last.rootHash), c.path.map(b))).toBe(true);
    }
  });

  it('signs heads that fail verification when any byte changes', async () => {
    const head = await new LedgerStore(key).latestTreeHead(database.db, companyId);
    if (!head) throw new Error('no head');
    const root = b(head.rootHash);
    for (let i = 0; i < root.length; i += 1) {
      const r = Uint8Array.from(root);
      r[i] = (r[i] ?? 0) ^ 0x80;
      expect(await verifyTreeHead({ ...head, rootHash: Buffer.from(r).toString('base64') }, key.publicKey)).toBe(false);
    }
    const sig = b(head.signature);
    for (let i = 0; i < sig.length; i += 1) {
      const s = Uint8Array.from(sig);
      s[i] = (s[i] ?? 0) ^ 0x01;
      expect(await verifyTreeHead({ ...head, signature: Buffer.from(s).toString('base64') }, key.publicKey)).toBe(false);
    }
    expect(await verifyTreeHead({ ...head, treeSize: head.treeSize - 1 }, key.publicKey)).toBe(false);
  });

  it('has the database refuse UPDATE, DELETE and TRUNCATE of both tables', async () => {
    for (const statement of [
      sql`update ledger_entries set canonical = '{"forged":true}' where seq = 0`,
      sql`delete from ledger_entries where seq = 34`,
      sql`truncate ledger_entries`,
      sql`update ledger_tree_heads set tree_size = tree_size + 1`,
      sql`delete from ledger_tree_heads`,
      sql`truncate ledger_tree_heads`,
    ]) {
      const error: unknown = await database.db.execute(statement).then(() => null, (e: unknown) => e);
      expect(String((error as { cause?: unknown } | null)?.cause), String(statement.queryChunks)).toMatch(/ledger\/append-only/);
    }
    expect(await database.db.$count(ledgerEntries)).toBe(35);
  });

  it('keeps one gap-free log when two instances append concurrently', async () => {
    // On PostgreSQL the second "instance" has its own connection pool; PGlite is one process.
    const second = database.kind === 'postgres' ? await openDatabase(config()) : null;
    const other = second ?? database;
    const a = new LedgerStore(key);
    const c = new LedgerStore(key);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? database : other).db.transaction((tx) => (i % 2 === 0 ? a : c).appendEntries(tx, companyId, Array.from({ length: 5 }, (_, j) => ({ writer: i, j })))),
      ),
    );
    await second?.close();
    const firsts = results.map((r) => r.firstSeq).sort((x, y) => x - y);
    expect(firsts).toEqual(Array.from({ length: 10 }, (_, i) => 35 + i * 5));
    const rows = await database.db.select().from(ledgerEntries).where(eq(ledgerEntries.companyId, companyId)).orderBy(asc(ledgerEntries.seq));
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 85 }, (_, i) => i));
    const heads = await database.db.select().from(ledgerTreeHeads).where(eq(ledgerTreeHeads.companyId, companyId)).orderBy(asc(ledgerTreeHeads.treeSize));
    const last = heads.at(-1);
    expect(last?.treeSize).toBe(85);
    expect(Buffer.from(last?.rootHash ?? []).equals(Buffer.from(rootOf(rows.map((r) => r.leafHash))))).toBe(true);
    for (const r of rows) expect(Buffer.from(r.leafHash).equals(Buffer.from(leafHash(new TextEncoder().encode(r.canonical))))).toBe(true);
    // Each store's cache, stale after the other's appends, still proves against the final head.
    for (const s of [a, c]) {
      const p = await s.inclusionProof(database.db, companyId, 40);
      expect(verifyInclusion(rows[40]?.leafHash ?? new Uint8Array(), 40, 85, p.path.map(b), last?.rootHash ?? new Uint8Array())).toBe(true);
    }
  });
});
