import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../../shared/errors';
import type { ServerConfig } from '../../config';
import type { Executor } from '../../db/client';
import { instanceSecrets } from '../../db/schema/index';
import { makeKeyring, type FieldKeyring } from '../security/field-crypto';

const SECRET_NAME = 'data-key-aes256';
const INDEX_SECRET_NAME = 'blind-index-hmac-sha256';
const KEY_BYTES = 32;

/** What the data keys are resolved from: the configured keyring (ATLAS_DATA_KEYS / ATLAS_DATA_KEY) if any, and the mode. */
export type DataKeyConfig = Pick<ServerConfig, 'nodeEnv'> & { dataKey?: Uint8Array | FieldKeyring | undefined };

/**
 * THE keyring of application-level field encryption (AES-256-GCM, field-crypto.ts), one for every
 * encrypted column: TOTP secrets (user_mfa.totp_secret), the PII columns (users.email,
 * users.phone, invitations.email, companies.address, companies.licence_number — see
 * services/privacy/pii-columns.ts) and, when the ERP connectors are built, their credentials: they
 * do not exist yet, and must be encrypted with this keyring and added to ENCRYPTED_COLUMNS so
 * `atlas keys reencrypt` rotates them too.
 *
 * The keys the operator configured (ATLAS_DATA_KEYS, or ATLAS_DATA_KEY as key id `k1`); otherwise
 * — development and test only — a random 256-bit key generated once into `instance_secrets` (key
 * id `dev`), the same way and for the same reasons as the JWT key (jwt-secret.ts). Production
 * refuses to start without configured keys (issue 6: the encryption key comes from config, not
 * from the database it protects; loadConfig refuses first, this is the second line).
 */
export function resolveDataKeyring(db: Executor, config: DataKeyConfig): Promise<FieldKeyring> {
  return resolveKeyring(db, config.nodeEnv, config.dataKey, {
    singleId: 'k1',
    secretName: SECRET_NAME,
    missing: 'ATLAS_DATA_KEYS is required when NODE_ENV=production (e.g. `k1:` followed by the output of `openssl rand -base64 32`).',
  });
}

/**
 * The blind-index keys (HMAC-SHA256, blind-index.ts): SEPARATE from the data keys, so an index
 * value says nothing to whoever holds only the encryption keys and vice versa. ATLAS_BLIND_INDEX_KEYS
 * (or ATLAS_BLIND_INDEX_KEY, key id `i1`) or — development and test only — a key generated once
 * into `instance_secrets` (key id `dev`). The first key computes new index values; the others
 * still find rows indexed before a rotation, until `atlas keys reencrypt` recomputes them from
 * the decrypted values (privacy/reindex.ts).
 */
export function resolveBlindIndexKeyring(db: Executor, config: Pick<ServerConfig, 'nodeEnv'> & { blindIndexKeys?: Uint8Array | FieldKeyring | undefined }): Promise<FieldKeyring> {
  return resolveKeyring(db, config.nodeEnv, config.blindIndexKeys, {
    singleId: 'i1',
    secretName: INDEX_SECRET_NAME,
    missing: 'ATLAS_BLIND_INDEX_KEY is required when NODE_ENV=production (generate one with `openssl rand -base64 32`).',
  });
}

/** A configured keyring as is; one bare key as `singleId`; else (never in production) a generated key `dev`. */
async function resolveKeyring(
  db: Executor,
  nodeEnv: ServerConfig['nodeEnv'],
  configured: Uint8Array | FieldKeyring | undefined,
  spec: { singleId: string; secretName: string; missing: string },
): Promise<FieldKeyring> {
  if (configured && !(configured instanceof Uint8Array)) return configured;
  if (configured) return makeKeyring(spec.singleId, { [spec.singleId]: configured.subarray(0, KEY_BYTES) });
  if (nodeEnv === 'production') throw new AppError('config/invalid', spec.missing);
  return makeKeyring('dev', { dev: await generatedSecret(db, spec.secretName) });
}

async function generatedSecret(db: Executor, name: string): Promise<Uint8Array> {
  // INSERT ... ON CONFLICT DO NOTHING then SELECT: concurrent first starts agree on one key.
  await db.insert(instanceSecrets).values({ name, value: randomBytes(KEY_BYTES).toString('base64url') }).onConflictDoNothing({ target: instanceSecrets.name });
  const [row] = await db.select({ value: instanceSecrets.value }).from(instanceSecrets).where(eq(instanceSecrets.name, name));
  if (!row) throw new Error('instance secret vanished after insert');
  return Uint8Array.from(Buffer.from(row.value, 'base64url'));
}
