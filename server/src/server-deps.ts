import { loadDataKey, type ServerConfig } from './config';
import type { ServerDeps } from './context';
import type { OpenDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import type { AnthropicClientFactory } from './services/ai/anthropic-client';
import { createImportMappingService } from './services/ai/import-mapping';
import { createAuthService } from './services/auth/auth-service';
import { resolveDataKeyring } from './services/auth/data-key';
import { resolveJwtSecret } from './services/auth/jwt-secret';
import { createCompanyService } from './services/company/company-service';
import { LedgerStore } from './services/ledger/ledger-store';
import { resolveServerLedgerKey } from './services/ledger/server-ledger-key';
import { createQaService } from './services/qa/qa-service';
import { PokeBus } from './services/sync/poke-bus';

/** Seams for tests: the outside world the services reach (Claude) and the clock quotas are counted by. */
export interface ServerDepsOptions {
  anthropic?: AnthropicClientFactory;
  now?: () => Date;
  /** The field-encryption key (else ATLAS_DATA_KEY, else a generated development key). */
  dataKey?: Uint8Array;
}

/**
 * Migrates an open database and builds the server's long-lived dependencies on it: the one
 * path shared by startServer and the unit tests' in-memory server.
 */
export async function createServerDeps(
  database: OpenDatabase,
  config: ServerConfig,
  options: ServerDepsOptions = {},
): Promise<{ deps: ServerDeps; jwtSecret: Uint8Array }> {
  await migrateDatabase(database);
  const jwtSecret = await resolveJwtSecret(database.db, config);
  // Field-encryption key (TOTP secrets): ATLAS_DATA_KEY, or a generated one outside production.
  const keyring = await resolveDataKeyring(database.db, { nodeEnv: config.nodeEnv, dataKey: options.dataKey ?? loadDataKey() });
  const auth = createAuthService({ db: database.db, config, jwtSecret, keyring, now: options.now });
  // One LedgerStore per process: it caches each company's Merkle tree (the database stays the truth).
  const ledger = new LedgerStore(await resolveServerLedgerKey(database.db, config.ledgerSigningSeed));
  const deps: ServerDeps = {
    db: database.db,
    dbKind: database.kind,
    config,
    services: {
      auth,
      company: createCompanyService({ db: database.db, auth, now: options.now }),
      importMapping: createImportMappingService({ db: database.db, config, createClient: options.anthropic, now: options.now }),
      qa: createQaService({ db: database.db, ledger }),
    },
    pokes: await PokeBus.start(database),
  };
  return { deps, jwtSecret };
}
