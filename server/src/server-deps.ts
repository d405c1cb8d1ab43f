import type { ServerConfig } from './config';
import type { ServerDeps } from './context';
import type { OpenDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import type { AnthropicClientFactory } from './services/ai/anthropic-client';
import { createImportMappingService } from './services/ai/import-mapping';
import { createAuthService } from './services/auth/auth-service';
import { resolveBlindIndexKeyring, resolveDataKeyring } from './services/auth/data-key';
import { resolveJwtSecret } from './services/auth/jwt-secret';
import { createCompanyService } from './services/company/company-service';
import { LedgerStore } from './services/ledger/ledger-store';
import { resolveServerLedgerKey } from './services/ledger/server-ledger-key';
import { backfillEmailEncryption } from './services/privacy/backfill';
import { createPiiCodec } from './services/privacy/pii';
import { createPrivacyService } from './services/privacy/privacy-service';
import { createQaService } from './services/qa/qa-service';
import type { FieldKeyring } from './services/security/field-crypto';
import { PokeBus } from './services/sync/poke-bus';

/** Seams for tests: the outside world the services reach (Claude) and the clock quotas are counted by. */
export interface ServerDepsOptions {
  anthropic?: AnthropicClientFactory;
  now?: () => Date;
  /** The field-encryption keys (else config.dataKeys, else a generated development key). */
  dataKey?: Uint8Array | FieldKeyring;
  /** The blind-index keys (else config.blindIndexKeys, else a generated development key). */
  blindIndexKeys?: Uint8Array | FieldKeyring;
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
  // One keyring for every encrypted column (PII, TOTP secrets): ATLAS_DATA_KEYS, or generated outside production.
  const keyring = await resolveDataKeyring(database.db, { nodeEnv: config.nodeEnv, dataKey: options.dataKey ?? config.dataKeys });
  const indexKeys = await resolveBlindIndexKeyring(database.db, { nodeEnv: config.nodeEnv, blindIndexKeys: options.blindIndexKeys ?? config.blindIndexKeys });
  const pii = createPiiCodec(keyring, indexKeys);
  // Before serving: emails stored in clear by a server from before the encryption are encrypted
  // and indexed (idempotent; a no-op once done), so sign-in by the blind index finds everyone.
  await backfillEmailEncryption(database.db, pii);
  const auth = createAuthService({ db: database.db, config, jwtSecret, keyring, pii, now: options.now });
  // One LedgerStore per process: it caches each company's Merkle tree (the database stays the truth).
  const ledger = new LedgerStore(await resolveServerLedgerKey(database.db, config.ledgerSigningSeed));
  const deps: ServerDeps = {
    db: database.db,
    dbKind: database.kind,
    config,
    services: {
      auth,
      company: createCompanyService({ db: database.db, auth, pii, now: options.now }),
      privacy: createPrivacyService({ db: database.db, pii, now: options.now }),
      pii,
      importMapping: createImportMappingService({ db: database.db, config, createClient: options.anthropic, now: options.now }),
      qa: createQaService({ db: database.db, ledger }),
    },
    pokes: await PokeBus.start(database),
  };
  return { deps, jwtSecret };
}
