import { it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type ServerConfig } from '../../../server/src/config';
import { postgresUnavailableReason, startPostgres } from './postgres';

/**
 * The two databases the server runs on — embedded PGlite persisting to disk, and a real
 * throwaway PostgreSQL 15 — so every integration suite runs against both (`describe.each`).
 * When PostgreSQL cannot start here the suite is skipped and tests/run.mjs reports it (a failure under CI).
 */
export interface Backend {
  name: string;
  unavailable: string | null;
  /** Returns the config for a server start; the same backing store each time within one suite. */
  setup(): Promise<{ config: () => ServerConfig; teardown(): Promise<void> }>;
}

export const backends: Backend[] = [
  {
    name: 'PGlite on disk',
    unavailable: null,
    async setup() {
      const dir = mkdtempSync(join(tmpdir(), 'atlas-it-'));
      return {
        config: () => loadConfig({ NODE_ENV: 'test' }, { port: 0, dataDir: dir }),
        teardown: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL 15',
    unavailable: postgresUnavailableReason(),
    async setup() {
      const pgServer = await startPostgres();
      const dir = mkdtempSync(join(tmpdir(), 'atlas-it-pg-'));
      return {
        config: () => loadConfig({ NODE_ENV: 'test' }, { port: 0, dataDir: dir, databaseUrl: pgServer.url }),
        teardown: async () => {
          await pgServer.stop();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
];

/**
 * Call first inside a `describe.each(backends)` body: when the backend cannot run here it
 * registers one visibly skipped test naming why and returns true, so the suite's hooks and tests
 * are never registered (tests/run.mjs reports the missing component; under CI it fails the run).
 */
export function skippedHere(backend: { unavailable: string | null }): boolean {
  if (backend.unavailable === null) return false;
  it.skip(`skipped: ${backend.unavailable}`, () => undefined);
  return true;
}
