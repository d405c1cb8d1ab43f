import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keychainAvailable, testKeychain } from '../../../tests/support/keychain';
import { locations } from '../../db/schema';
import type { OsKeychain } from '../keystore/os-keychain';
import { openReplica, replicaKeyName } from './open-replica';

// Debian's sqlite3 shell (installed by .ci/run): plain SQLite with no cipher support at all.
const sqliteCli = spawnSync('sh', ['-c', 'command -v sqlite3'], { encoding: 'utf8' }).stdout.trim() || null;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe.runIf(keychainAvailable)('encrypted replica', () => {
  let dir: string;
  let file: string;
  let keys: OsKeychain;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-replica-'));
    file = join(dir, 'replica.db');
    keys = testKeychain();
  });
  afterEach(() => {
    keys.delete(replicaKeyName(file));
    rmSync(dir, { recursive: true, force: true });
  });

  function createWithRow(): void {
    const replica = openReplica({ file, keyStore: keys });
    replica.db.insert(locations).values({ id: 'loc-1', companyId: 'c-1', warehouse: 'Main', bin: 'A-01-03' }).run();
    replica.close();
  }

  it('creates the database with a random 256-bit key kept in the keychain, applies migrations and uses WAL', () => {
    const replica = openReplica({ file, keyStore: keys });
    expect(keys.get(replicaKeyName(file))).toMatch(/^[0-9a-f]{64}$/);
    const tables = replica.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['local_session', 'locations', 'lots', 'products', 'stock_movements']));
    expect(replica.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(replica.sqlite.pragma('cipher', { simple: true })).toBe('chacha20');
    replica.close();
  });

  it('reopens with the key from the keychain and keeps the data', () => {
    createWithRow();
    const replica = openReplica({ file, keyStore: keys });
    expect(replica.db.select().from(locations).all()).toMatchObject([{ id: 'loc-1', bin: 'A-01-03' }]);
    replica.close();
  });

  it('is unreadable without the key: plain SQLite says it is not a database, and no plaintext leaks', () => {
    createWithRow();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('A-01-03'))).toBe(false);
    const plain = new Database(file, { fileMustExist: true });
    expect(() => plain.prepare('SELECT * FROM locations').all()).toThrow(/file is not a database/);
    plain.close();
  });

  it.runIf(sqliteCli)('is unreadable to the stock sqlite3 command-line shell', () => {
    createWithRow();
    const result = spawnSync(sqliteCli ?? 'sqlite3', [file, 'SELECT * FROM locations;'], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/file is not a database/);
    expect(result.stdout).not.toContain('A-01-03');
  });

  it('refuses a wrong key with a clear error and leaves the file untouched', () => {
    createWithRow();
    const before = sha256(file);
    keys.set(replicaKeyName(file), 'ab'.repeat(32));
    expect(() => openReplica({ file, keyStore: keys })).toThrow(expect.objectContaining({ code: 'replica/wrong-key' }));
    expect(sha256(file)).toBe(before);
  });

  it('refuses to open an existing database whose key is missing, instead of creating a fresh one over it', () => {
    createWithRow();
    const before = sha256(file);
    keys.delete(replicaKeyName(file));
    expect(() => openReplica({ file, keyStore: keys })).toThrow(expect.objectContaining({ code: 'replica/key-missing' }));
    expect(sha256(file)).toBe(before);
    expect(keys.get(replicaKeyName(file))).toBeNull();
  });
});
