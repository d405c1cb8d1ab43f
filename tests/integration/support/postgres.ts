import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../support/free-port';

const run = promisify(execFile);

export interface PostgresOptions {
  /** Where initdb and pg_ctl live. Default: ATLAS_PG_BIN (set by tests/run.mjs) or /usr/local/bin. */
  binDir?: string;
  /** Name of the database created for the test. */
  database?: string;
}

export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` (trust auth, loopback only). */
  url: string;
  port: number;
  /** Stops the server (`pg_ctl stop -m immediate`) and removes its directories. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Why a throwaway PostgreSQL cannot be started here, or null when it can. Checks the binaries and,
 * when running as root, the `postgres` system user (initdb refuses to run as root). Creates nothing.
 */
export function postgresUnavailableReason(binDir = defaultBinDir()): string | null {
  const missing = ['initdb', 'pg_ctl', 'postgres'].filter((b) => !existsSync(join(binDir, b)));
  if (missing.length > 0) return `PostgreSQL binaries not found in ${binDir} (missing ${missing.join(', ')}); install PostgreSQL 15 or set ATLAS_PG_BIN.`;
  if (isRoot() && postgresUid() === null) {
    return 'Running as root, and initdb refuses root: a `postgres` system user is needed to own the data directory (useradd --system postgres).';
  }
  return null;
}

/**
 * Starts a real, throwaway PostgreSQL for one test file: a fresh cluster in a temp directory,
 * listening on 127.0.0.1 on a free port with its socket in the same temp directory, trust auth.
 * Throws an Error saying what is missing when it cannot (the test runner decides to skip).
 */
export async function startPostgres(options: PostgresOptions = {}): Promise<TestPostgres> {
  const binDir = options.binDir ?? defaultBinDir();
  const reason = postgresUnavailableReason(binDir);
  if (reason) throw new Error(reason);

  const base = mkdtempSync(join(tmpdir(), 'atlas-pg-'));
  const dataDir = join(base, 'data');
  const sockDir = join(base, 'sock');
  mkdirSync(dataDir, { mode: 0o700 });
  mkdirSync(sockDir, { mode: 0o700 });
  const uid = isRoot() ? postgresUid() : null;
  if (uid !== null) for (const d of [base, dataDir, sockDir]) chownSync(d, uid.uid, uid.gid);
  // As root every command runs as the postgres user; otherwise as ourselves.
  const as = (cmd: string, args: string[]) => (uid !== null ? run('runuser', ['-u', 'postgres', '--', join(binDir, cmd), ...args]) : run(join(binDir, cmd), args));

  let started = false;
  let port = 0;
  const stop = async () => {
    if (started) {
      started = false;
      await as('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']).catch(() => undefined);
    }
    rmSync(base, { recursive: true, force: true });
  };

  try {
    await as('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    // A free port can be taken between probing and binding; try a few.
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      const opts = `-p ${port} -k ${sockDir} -c listen_addresses=127.0.0.1 -c fsync=off`;
      try {
        await as('pg_ctl', ['-D', dataDir, '-l', join(base, 'postgres.log'), '-o', opts, '-w', '-t', '60', 'start']);
        started = true;
      } catch (err) {
        if (attempt >= 3) throw new Error(`pg_ctl start failed: ${describe(err)}`);
      }
    }
    const database = options.database ?? 'atlas_test';
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
    } finally {
      await admin.end();
    }
    return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, port, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function defaultBinDir(): string {
  return process.env['ATLAS_PG_BIN'] || '/usr/local/bin';
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function postgresUid(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

function describe(err: unknown): string {
  const e = err as { stderr?: string; message?: string };
  return (e.stderr || e.message || String(err)).trim();
}
