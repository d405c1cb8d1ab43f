import type { ServerConfig } from './config';
import type { ServerDeps } from './context';
import type { OpenDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { createAuthService } from './services/auth/auth-service';
import { resolveJwtSecret } from './services/auth/jwt-secret';
import { PokeBus } from './services/sync/poke-bus';

/**
 * Migrates an open database and builds the server's long-lived dependencies on it: the one
 * path shared by startServer and the unit tests' in-memory server.
 */
export async function createServerDeps(database: OpenDatabase, config: ServerConfig): Promise<{ deps: ServerDeps; jwtSecret: Uint8Array }> {
  await migrateDatabase(database);
  const jwtSecret = await resolveJwtSecret(database.db, config);
  const deps: ServerDeps = {
    db: database.db,
    dbKind: database.kind,
    config,
    services: { auth: createAuthService({ db: database.db, config, jwtSecret }) },
    pokes: await PokeBus.start(database),
  };
  return { deps, jwtSecret };
}
