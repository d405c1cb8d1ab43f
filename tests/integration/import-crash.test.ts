import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { COMMIT_BATCH } from '../../src-main/core/import/import-committer';
import { ImportRecords } from '../../src-main/core/import/import-records';
import { OsKeychain } from '../../src-main/core/keystore/os-keychain';
import { openReplica, replicaKeyName } from '../../src-main/core/replica/open-replica';
import { keychainAvailable } from '../support/keychain';

const CHILD = fileURLToPath(new URL('./support/import-child.ts', import.meta.url));

/**
 * Issue 4: "a crash mid-import leaves no partial batch". A child process commits a 40,000-row
 * import and is killed with SIGKILL after its second batch; the replica it leaves must hold whole
 * batches only — every import line with its movement and its outbox row, nothing half-written —
 * and the import record must say the import was interrupted, not finished.
 */
describe.runIf(keychainAvailable)('kill -9 in the middle of an import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-import-crash-'));
  const file = join(dir, 'replica.db');
  const keys = new OsKeychain(`atlas-test-${randomUUID()}`);
  afterAll(() => {
    keys.delete(replicaKeyName(file));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps whole batches only, each with its outbox rows, and marks the import interrupted', async () => {
    openReplica({ file, keyStore: keys }).close();
    const importId = newId();
    const companyId = newId();
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, keys.service, importId, companyId, newId(), '40000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if ((out.match(/^committed /gm) ?? []).length >= 2) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => (code === 0 ? reject(new Error('the import finished before it could be killed')) : resolve()));
    });
    await new Promise((r) => child.once('close', r));
    expect(out).not.toContain('finished');

    const replica = openReplica({ file, keyStore: keys });
    const n = (sql: string) => (replica.sqlite.prepare(sql).get() as { n: number }).n;
    const lines = n('SELECT coalesce(sum(json_array_length(lines)), 0) AS n FROM import_batches');
    expect(lines).toBeGreaterThanOrEqual(2 * COMMIT_BATCH);
    expect(lines).toBeLessThan(40_000);
    expect(lines % COMMIT_BATCH).toBe(0);
    expect(n("SELECT count(*) AS n FROM stock_movements WHERE external_ref LIKE 'import %'")).toBe(lines);
    expect(n("SELECT count(*) AS n FROM outbox WHERE name = 'stock.receive'")).toBe(lines);
    expect(n('SELECT count(*) AS n FROM outbox')).toBe(n('SELECT last_seq AS n FROM sync_state'));
    expect(n('SELECT rows_imported AS n FROM imports')).toBe(lines);
    const records = new ImportRecords(replica.db);
    records.markInterrupted();
    expect(records.list(companyId)[0]).toMatchObject({ id: importId, status: 'interrupted' });
    replica.close();
  }, 60_000);
});
