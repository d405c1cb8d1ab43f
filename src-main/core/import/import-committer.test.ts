import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NormalizedRow } from '../../../shared/import/types';
import { locationIdFor, lotIdFor, newId, productIdFor } from '../../../shared/ids';
import { keychainAvailable, testKeychain } from '../../../tests/support/keychain';
import { LocalMutations } from '../inventory/local-mutations';
import type { OsKeychain } from '../keystore/os-keychain';
import { openReplica, replicaKeyName, type Replica } from '../replica/open-replica';
import { ReplicaWriter } from '../replica/replica-writer';
import { SyncStore } from '../sync/sync-store';
import { commitRows, COMMIT_BATCH, type CommitDeps } from './import-committer';
import { ImportRecords } from './import-records';
import { undoImport } from './import-undo';

const who = { companyId: '3d0f8a52-6c1e-4b7a-9f4e-2a1b0c9d8e7f', userId: '5e1f9b63-7d2f-4c8b-8a5f-3b2c1d0e9f8a' };
const amoxicillin = productIdFor(who.companyId, '00093310905');

function row(n: number, over: Partial<NormalizedRow> = {}): NormalizedRow {
  return {
    row: n, ndc11: '00093310905', gtin: null, productCode: null, productName: 'Amoxicillin 500 mg', manufacturer: null, strength: null, dosageForm: null,
    productId: amoxicillin, lotNumber: `L${n}`, expiry: '2028-01-31', manufacturedOn: null, quantity: 10, unit: null, location: 'A-01',
    unitCost: null, price: null, notes: null, ...over,
  };
}

describe.runIf(keychainAvailable)('import commit: receive movements through the outbox, batch by batch', () => {
  let dir: string;
  let keys: OsKeychain;
  let replica: Replica;
  let deps: CommitDeps;
  let records: ImportRecords;
  let local: LocalMutations;
  const count = (sql: string) => (replica.sqlite.prepare(sql).get() as { n: number }).n;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-import-'));
    keys = testKeychain();
    replica = openReplica({ file: join(dir, 'replica.db'), keyStore: keys });
    const writer = new ReplicaWriter(replica);
    const store = new SyncStore(replica.db);
    deps = { db: replica.db, writer, store, now: () => new Date('2026-11-22T10:00:00Z') };
    local = new LocalMutations({ ...deps, onChange: () => undefined });
    records = new ImportRecords(replica.db);
    await local.apply(who, 'product.upsert', { ndc11: '00093310905', name: 'Amoxicillin 500 mg' });
  });
  afterEach(() => {
    replica.close();
    keys.delete(replicaKeyName(join(dir, 'replica.db')));
    rmSync(dir, { recursive: true, force: true });
  });

  const begin = (id: string) =>
    records.begin({ id, companyId: who.companyId, fileName: 'stock.csv', fileSha256: 'ab', fileBytes: 1, format: 'csv', sheet: null, headerRow: 1, mapping: [], mappingPath: 'deterministic', mode: 'valid-only', rowsTotal: 0, rowsValid: 0, rowsInvalid: 0, createdBy: who.userId, createdAt: '2026-11-22T10:00:00Z' });

  it('creates the new product and bin once, receives every row, and queues each change in seq order', async () => {
    const importId = newId();
    begin(importId);
    const rows = [row(2), row(3, { productId: null, ndc11: '00378180001', productName: 'Levothyroxine 25 mcg', location: 'B-07' }), row(4, { quantity: 0 }), row(5, { productId: null, ndc11: '00378180001', productName: 'Levothyroxine 25 mcg', lotNumber: 'L5' })];
    const result = await commitRows(deps, { importId, mode: 'valid-only', warehouse: 'Main', session: who }, [rows]);
    expect(result).toEqual({ imported: 3, skipped: 1, failed: [] });
    const names = (replica.sqlite.prepare('SELECT name FROM outbox ORDER BY seq').all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(['product.upsert', 'location.upsert', 'stock.receive', 'product.upsert', 'location.upsert', 'stock.receive', 'stock.receive']);
    const seqs = (replica.sqlite.prepare('SELECT seq FROM outbox ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(count('SELECT last_seq AS n FROM sync_state')).toBe(7);
    const levothyroxine = productIdFor(who.companyId, '00378180001');
    const moved = replica.sqlite.prepare('SELECT lot_id AS lotId, location_id AS locationId, quantity, external_ref AS ref FROM stock_movements ORDER BY external_ref').all();
    expect(moved).toEqual([
      { lotId: lotIdFor(who.companyId, amoxicillin, 'L2'), locationId: locationIdFor(who.companyId, 'Main', null, 'A-01'), quantity: 10, ref: `import ${importId.slice(-12)} row 2` },
      { lotId: lotIdFor(who.companyId, levothyroxine, 'L3'), locationId: locationIdFor(who.companyId, 'Main', null, 'B-07'), quantity: 10, ref: `import ${importId.slice(-12)} row 3` },
      { lotId: lotIdFor(who.companyId, levothyroxine, 'L5'), locationId: locationIdFor(who.companyId, 'Main', null, 'A-01'), quantity: 10, ref: `import ${importId.slice(-12)} row 5` },
    ]);
    // One batch row holds each imported line's row and movement, for undo.
    const batch = replica.sqlite.prepare('SELECT first_row AS firstRow, lines FROM import_batches WHERE import_id = ?').all(importId) as { firstRow: number; lines: string }[];
    const movementOf = (ref: string) => (replica.sqlite.prepare('SELECT id FROM stock_movements WHERE external_ref = ?').get(ref) as { id: string }).id;
    expect(batch).toEqual([{ firstRow: 2, lines: JSON.stringify([2, 3, 5].map((r) => [r, movementOf(`import ${importId.slice(-12)} row ${r}`)])) }]);
  });

  it('valid only: a row the replica refuses (lot known with another expiry) is reported; the rest of its batch goes in', async () => {
    await local.apply(who, 'location.upsert', { warehouse: 'Main', bin: 'A-01' });
    await local.apply(who, 'stock.receive', { movementId: newId(), productId: amoxicillin, lotNumber: 'L3', expiry: '2027-06-30', locationId: locationIdFor(who.companyId, 'Main', null, 'A-01'), quantity: 5 });
    const importId = newId();
    begin(importId);
    const result = await commitRows(deps, { importId, mode: 'valid-only', warehouse: 'Main', session: who }, [[row(2), row(3), row(4)]]);
    expect(result.imported).toBe(2);
    expect(result.failed).toEqual([{ row: 3, message: expect.stringContaining('already recorded with expiry 2027-06-30') }]);
    expect(count("SELECT count(*) AS n FROM outbox WHERE name = 'stock.receive'")).toBe(3);
  });

  it('all or nothing: the same refusal leaves no movement, outbox row or import line behind', async () => {
    await local.apply(who, 'location.upsert', { warehouse: 'Main', bin: 'A-01' });
    await local.apply(who, 'stock.receive', { movementId: newId(), productId: amoxicillin, lotNumber: 'L3', expiry: '2027-06-30', locationId: locationIdFor(who.companyId, 'Main', null, 'A-01'), quantity: 5 });
    const outboxBefore = count('SELECT count(*) AS n FROM outbox');
    const importId = newId();
    begin(importId);
    const many = Array.from({ length: COMMIT_BATCH + 10 }, (_, i) => row(i + 2, { lotNumber: i === COMMIT_BATCH + 5 ? 'L3' : `X${i}` }));
    await expect(commitRows(deps, { importId, mode: 'all-or-nothing', warehouse: 'Main', session: who }, [many])).rejects.toMatchObject({ code: 'import/commit-failed' });
    expect(count('SELECT count(*) AS n FROM outbox')).toBe(outboxBefore);
    expect(count('SELECT count(*) AS n FROM stock_movements')).toBe(1);
    expect(count('SELECT count(*) AS n FROM import_batches')).toBe(0);
  });

  it('undo takes back what is still on the shelf with compensating adjustments, and reports what had left', async () => {
    const importId = newId();
    begin(importId);
    await commitRows(deps, { importId, mode: 'valid-only', warehouse: 'Main', session: who }, [[row(2), row(3)]]);
    records.finish(importId, '2026-11-22T10:01:00Z', { imported: 2, skipped: 0 });
    const lot3 = lotIdFor(who.companyId, amoxicillin, 'L3');
    const bin = locationIdFor(who.companyId, 'Main', null, 'A-01');
    await local.apply(who, 'stock.pick', { movementId: newId(), lotId: lot3, locationId: bin, quantity: 4 });
    const undone = await undoImport(deps, importId, who);
    expect(undone).toEqual({ reversed: 1, partial: [{ row: 3, received: 10, reversed: 6 }], resumedAfter: 0 });
    const level = (lotId: string) => (replica.sqlite.prepare('SELECT sum(quantity) AS n FROM stock_movements WHERE lot_id = ?').get(lotId) as { n: number }).n;
    expect(level(lotIdFor(who.companyId, amoxicillin, 'L2'))).toBe(0);
    expect(level(lot3)).toBe(0);
    expect(count("SELECT count(*) AS n FROM stock_movements WHERE kind = 'adjust' AND reason LIKE 'data-correction: undo of import%'")).toBe(2);
    expect(count("SELECT count(*) AS n FROM outbox WHERE name = 'stock.adjust'")).toBe(2);
    await expect(undoImport(deps, importId, who)).rejects.toMatchObject({ code: 'import/already-undone' });
    expect(records.list(who.companyId)[0]).toMatchObject({ status: 'undone', undoneBy: who.userId });
  });

  it('lets the event loop turn between batches, so the app answers while a large import is written', async () => {
    const importId = newId();
    begin(importId);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const ticksAtBatchEnd: number[] = [];
    try {
      const rows = Array.from({ length: COMMIT_BATCH + 5 }, (_, i) => row(i + 2));
      await commitRows(deps, { importId, mode: 'valid-only', warehouse: 'Main', session: who, onProgress: () => ticksAtBatchEnd.push(ticks) }, [rows]);
    } finally {
      clearInterval(timer);
    }
    expect(ticksAtBatchEnd).toHaveLength(2);
    expect(ticksAtBatchEnd[1]).toBeGreaterThan(ticksAtBatchEnd[0]!);
  });

  it('an undo stopped part way resumes after the batches it took back, never taking back stock twice', async () => {
    const importId = newId();
    begin(importId);
    const rows = Array.from({ length: COMMIT_BATCH + 5 }, (_, i) => row(i + 2));
    await commitRows(deps, { importId, mode: 'valid-only', warehouse: 'Main', session: who }, [rows]);
    records.finish(importId, '2026-11-22T10:01:00Z', { imported: rows.length, skipped: 0 });
    // After the import, more of the first row's lot arrives on the same shelf by hand.
    const lot2 = lotIdFor(who.companyId, amoxicillin, 'L2');
    const bin = locationIdFor(who.companyId, 'Main', null, 'A-01');
    await local.apply(who, 'stock.receive', { movementId: newId(), productId: amoxicillin, lotNumber: 'L2', expiry: '2028-01-31', locationId: bin, quantity: 7 });

    const seen: { done: number; total: number }[] = [];
    const stop = (p: { done: number; total: number }) => {
      seen.push(p);
      if (p.done > 0) throw new Error('the computer went to sleep');
    };
    await expect(undoImport(deps, importId, who, stop)).rejects.toThrow('the computer went to sleep');
    expect(seen).toEqual([{ done: 0, total: rows.length }, { done: COMMIT_BATCH, total: rows.length }]);
    expect(records.list(who.companyId)[0]).toMatchObject({ status: 'undo-interrupted' });
    const level = (lotId: string) => (replica.sqlite.prepare('SELECT sum(quantity) AS n FROM stock_movements WHERE lot_id = ?').get(lotId) as { n: number }).n;
    expect(level(lot2)).toBe(7);

    const finished = await undoImport(deps, importId, who);
    expect(finished).toEqual({ reversed: 5, partial: [], resumedAfter: COMMIT_BATCH });
    // Going by the shelf alone, the second pass would have taken the 7 received by hand.
    expect(level(lot2)).toBe(7);
    expect(count("SELECT sum(quantity) AS n FROM stock_movements WHERE lot_id <> '" + lot2 + "'")).toBe(0);
    expect(count("SELECT count(*) AS n FROM outbox WHERE name = 'stock.adjust'")).toBe(rows.length);
    expect(records.list(who.companyId)[0]).toMatchObject({ status: 'undone' });
  });

  it('an undo still running when the app stopped is shown as not finished', async () => {
    const importId = newId();
    begin(importId);
    replica.sqlite.prepare("UPDATE imports SET status = 'undoing' WHERE id = ?").run(importId);
    await expect(undoImport(deps, importId, who)).rejects.toMatchObject({ code: 'import/not-ready' });
    records.markInterrupted();
    expect(records.list(who.companyId)[0]).toMatchObject({ status: 'undo-interrupted' });
  });

  it('an import committed before lines were kept per batch (migration 0004) can still be undone', async () => {
    // A replica at migration 0003, with the old one-row-per-line table, then opened by this version.
    const migrations = fileURLToPath(new URL('../../db/migrations', import.meta.url));
    const old = join(dir, 'migrations-0003');
    cpSync(migrations, old, { recursive: true });
    const journal = JSON.parse(readFileSync(join(old, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < '0004');
    writeFileSync(join(old, 'meta/_journal.json'), JSON.stringify(journal));
    const file = join(dir, 'old.db');
    const before = openReplica({ file, keyStore: keys, migrationsFolder: old });
    const oldDeps = { db: before.db, writer: new ReplicaWriter(before), store: new SyncStore(before.db), now: deps.now };
    const oldLocal = new LocalMutations({ ...oldDeps, onChange: () => undefined });
    await oldLocal.apply(who, 'product.upsert', { ndc11: '00093310905', name: 'Amoxicillin 500 mg' });
    await oldLocal.apply(who, 'location.upsert', { warehouse: 'Main', bin: 'A-01' });
    const importId = newId();
    // The columns of migration 0003 (today's ImportRecords writes columns added since).
    before.sqlite
      .prepare(
        `INSERT INTO imports (id, company_id, file_name, file_sha256, file_bytes, format, sheet, header_row, mapping, mapping_path, mode, rows_total, rows_valid, rows_invalid, status, created_by, created_at)
         VALUES (?, ?, 'old.csv', 'ab', 1, 'csv', NULL, 1, '[]', 'deterministic', 'valid-only', 2, 2, 0, 'committing', ?, '2026-11-22T10:00:00Z')`,
      )
      .run(importId, who.companyId, who.userId);
    const bin = locationIdFor(who.companyId, 'Main', null, 'A-01');
    for (const n of [2, 3]) {
      const movementId = newId();
      await oldLocal.apply(who, 'stock.receive', { movementId, productId: amoxicillin, lotNumber: `L${n}`, expiry: '2028-01-31', locationId: bin, quantity: 10 });
      before.sqlite.prepare('INSERT INTO import_lines (import_id, row, movement_id, lot_id, location_id, quantity) VALUES (?, ?, ?, ?, ?, 10)').run(importId, n, movementId, lotIdFor(who.companyId, amoxicillin, `L${n}`), bin);
    }
    new ImportRecords(before.db).finish(importId, '2026-11-22T10:01:00Z', { imported: 2, skipped: 0 });
    before.close();

    const after = openReplica({ file, keyStore: keys });
    try {
      expect(after.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'import_lines'").get()).toEqual({ n: 0 });
      const undone = await undoImport({ db: after.db, writer: new ReplicaWriter(after), store: new SyncStore(after.db), now: deps.now }, importId, who);
      expect(undone).toEqual({ reversed: 2, partial: [], resumedAfter: 0 });
      expect(after.sqlite.prepare('SELECT sum(quantity) AS n FROM stock_movements').get()).toEqual({ n: 0 });
      // Recorded before names were kept: the history has no name for it (the screen shows a dash).
      expect(new ImportRecords(after.db).list(who.companyId)[0]).toMatchObject({ fileName: 'old.csv', createdByName: null, status: 'undone' });
    } finally {
      after.close();
      keys.delete(replicaKeyName(file));
    }
  });
});
