import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { ServerConfig } from '../config';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** One typed API over both drivers, so services never know which database they run on. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

/** The driver-specific handle, for the few places (migrations) whose API differs per driver. */
export type DriverDatabase = { kind: 'pglite'; db: PgliteDatabase<Schema> } | { kind: 'postgres'; db: NodePgDatabase<Schema> };

export interface OpenDatabase {
  db: Database;
  kind: DatabaseKind;
  driver: DriverDatabase;
  /** Human description for logs: the PGlite directory, or the Postgres host/database (no password). */
  location: string;
  /**
   * LISTEN on a channel (Postgres NOTIFY is delivered on commit, to every server instance on the
   * database); resolves to an unsubscribe function.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Runs `fn` holding a database-wide advisory lock, so several instances do not migrate at once. */
  withExclusiveLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseOptions = Pick<ServerConfig, 'databaseUrl' | 'pgliteDir'>;

const MIGRATION_LOCK_KEY = 0x41_54_4c_53; // "ATLS"

/**
 * Opens the database: node-postgres when DATABASE_URL is set, otherwise the embedded PGlite whose
 * files live in `pgliteDir` (created if missing) so data survives restarts. `memory://` keeps
 * PGlite in memory (unit tests).
 */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.pgliteDir);
}

async function openPglite(dataDir: string): Promise<OpenDatabase> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const client = await PGlite.create(inMemory ? undefined : dataDir);
  const db = drizzlePglite({ client, schema });
  return {
    db,
    kind: 'pglite',
    driver: { kind: 'pglite', db },
    location: inMemory ? 'memory' : dataDir,
    listen: (channel, onPayload) => client.listen(channel, onPayload),
    // PGlite is single-connection and in-process: statements are already serialised.
    withExclusiveLock: (fn) => fn(),
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server connection emits 'error'; without a listener Node exits.
  pool.on('error', (err) => console.error(`[atlas] idle Postgres connection failed: ${err.message}`));
  const db = drizzleNodePg({ client: pool, schema });
  const listeners = new Set<pg.Client>();
  return {
    db,
    kind: 'postgres',
    driver: { kind: 'postgres', db },
    location: describeUrl(url),
    async withExclusiveLock(fn) {
      const conn = await pool.connect();
      try {
        await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        return await fn();
      } finally {
        await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        conn.release();
      }
    },
    async listen(channel, onPayload) {
      // LISTEN needs a connection of its own that stays open; pooled connections are shared.
      const conn = new pg.Client({ connectionString: url });
      conn.on('error', (err) => console.error(`[atlas] Postgres LISTEN connection failed: ${err.message}`));
      await conn.connect();
      conn.on('notification', (n) => {
        if (n.channel === channel) onPayload(n.payload ?? '');
      });
      await conn.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.add(conn);
      return async () => {
        listeners.delete(conn);
        await conn.end().catch(() => undefined);
      };
    },
    close: async () => {
      await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
      await pool.end();
    },
  };
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** A transaction handle; services accept `Executor` so they can run inside a caller's transaction. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;
