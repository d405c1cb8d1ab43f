import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../../../shared/errors';
import * as schema from '../../db/schema';
import type { KeyStore } from '../keystore/key-store';

/**
 * ChaCha20-Poly1305 (SQLite3 Multiple Ciphers' default, the "sqleet" scheme): every page is
 * authenticated, so a flipped byte is detected instead of read as data, and it runs in constant
 * time in software on machines without AES-NI. SQLCipher v4 (AES-CBC + HMAC) would only buy
 * interoperability with SQLCipher tools, which nobody needs for a replica the server can rebuild.
 */
export const REPLICA_CIPHER = 'chacha20';
export const REPLICA_CIPHER_LABEL = 'ChaCha20-Poly1305';

export type ReplicaDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface Replica {
  db: ReplicaDb;
  sqlite: Database.Database;
  file: string;
  close(): void;
}

export interface OpenReplicaOptions {
  file: string;
  keyStore: KeyStore;
  /** Defaults to src-main/db/migrations next to this source file; the bundled Electron shell passes its own. */
  migrationsFolder?: string;
}

const DEFAULT_MIGRATIONS = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** The keychain entry holding a replica's key, bound to the file's absolute path. */
export function replicaKeyName(file: string): string {
  return `replica-key:${createHash('sha256').update(resolve(file)).digest('hex').slice(0, 16)}`;
}

/**
 * Opens (or creates) the encrypted replica and applies migrations. The 256-bit key is random and
 * lives only in the OS keychain; it is passed as a raw key (`x'…'`) so no password KDF runs on open.
 * An existing file is never replaced: a missing or wrong key is an error that leaves it untouched.
 */
export function openReplica(options: OpenReplicaOptions): Replica {
  const file = resolve(options.file);
  const keyName = replicaKeyName(file);
  const exists = existsSync(file) && statSync(file).size > 0;
  let key = options.keyStore.get(keyName);
  if (key === null) {
    if (exists) {
      throw new AppError(
        'replica/key-missing',
        `The local database ${file} exists but its key is not in the OS keychain (${options.keyStore.backend}). ` +
          'Atlas left the file untouched. Restore the keychain, or move the file aside to start a fresh replica (work not yet synced in it would be lost).',
      );
    }
    key = randomBytes(32).toString('hex');
    options.keyStore.set(keyName, key);
  }
  if (!/^[0-9a-f]{64}$/.test(key)) {
    throw new AppError('replica/wrong-key', `The keychain entry ${keyName} does not hold a 256-bit key; Atlas left ${file} untouched.`);
  }

  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file, { fileMustExist: exists });
  try {
    sqlite.pragma(`cipher='${REPLICA_CIPHER}'`);
    sqlite.pragma(`key="x'${key}'"`);
    // The first read decrypts page 1: a wrong key fails here with SQLITE_NOTADB.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    sqlite.pragma('journal_mode = WAL');
    // FULL: a committed transaction (and its outbox row) survives a power cut — "nothing lost".
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Every page read from disk is decrypted and authenticated; a 64 MiB page cache (default 2 MiB)
    // keeps the hot B-tree and FTS pages decrypted, which is what makes search instant on a
    // million lots. (Memory-mapped I/O cannot help: encrypted pages must pass through the codec.)
    sqlite.pragma('cache_size = -65536');
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: options.migrationsFolder ?? DEFAULT_MIGRATIONS });
    return { db, sqlite, file, close: () => sqlite.close() };
  } catch (err) {
    sqlite.close();
    if (isNotADatabase(err)) {
      throw new AppError(
        'replica/wrong-key',
        `The local database ${file} cannot be decrypted with the key in the OS keychain (wrong key, or the file is damaged). Atlas left the file untouched.`,
        { cause: err },
      );
    }
    throw err;
  }
}

function isNotADatabase(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'SQLITE_NOTADB';
}
