import { loadConfig, type ConfigOverrides, type ServerConfig } from '../config';
import type { ServerDeps } from '../context';
import { openDatabase, type OpenDatabase } from '../db/client';
import { createServerDeps, type ServerDepsOptions } from '../server-deps';

export interface TestDeps {
  deps: ServerDeps;
  database: OpenDatabase;
  jwtSecret: Uint8Array;
  close(): Promise<void>;
}

/**
 * Real server dependencies on a fresh in-memory PGlite with the real migrations applied — the
 * same code path as startServer minus the HTTP listener. No database mocks.
 */
export async function createTestDeps(env: Record<string, string> = {}, overrides: ConfigOverrides = {}, options: ServerDepsOptions = {}): Promise<TestDeps> {
  const config: ServerConfig = { ...loadConfig({ NODE_ENV: 'test', ...env }, overrides), pgliteDir: 'memory://' };
  const database = await openDatabase(config);
  const { deps, jwtSecret } = await createServerDeps(database, config, options);
  return { deps, database, jwtSecret, close: () => deps.pokes.close().then(() => database.close()) };
}
