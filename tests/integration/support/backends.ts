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
