import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../../shared/errors';
import type { ServerConfig } from '../../config';
import type { Executor } from '../../db/client';
import { instanceSecrets } from '../../db/schema/index';
import { makeKeyring, type FieldKeyring } from '../security/field-crypto';

const SECRET_NAME = 'data-key-aes256';
const KEY_BYTES = 32;

/** What the data key is resolved from: the configured key (ATLAS_DATA_KEY) if any, and the mode. */
export type DataKeyConfig = Pick<ServerConfig, 'nodeEnv'> & { dataKey?: Uint8Array | FieldKeyring | undefined };

/**
 * The keyring for application-level field encryption (AES-256-GCM, field-crypto.ts): the key the
 * operator configured (ATLAS_DATA_KEY, 32 bytes; key id `k1`); otherwise — development and test
 * only — a random 256-bit key generated once into `instance_secrets` (key id `dev`), the same way
 * and for the same reasons as the JWT key (jwt-secret.ts). Production refuses to start without a
 * configured key (issue 6: the encryption key comes from config, not from the database it protects).
 */
export async function resolveDataKeyring(db: Executor, config: DataKeyConfig): Promise<FieldKeyring> {
  const configured = config.dataKey;
  if (configured && !(configured instanceof Uint8Array)) return configured;
  if (configured) return makeKeyring('k1', { k1: configured.subarray(0, KEY_BYTES) });
  if (config.nodeEnv === 'production') {
    throw new AppError('config/invalid', 'ATLAS_DATA_KEY is required when NODE_ENV=production (generate one with `openssl rand -base64 32`).');
  }
  await db
    .insert(instanceSecrets)
    .values({ name: SECRET_NAME, value: randomBytes(KEY_BYTES).toString('base64url') })
    .onConflictDoNothing({ target: instanceSecrets.name });
  const [row] = await db.select({ value: instanceSecrets.value }).from(instanceSecrets).where(eq(instanceSecrets.name, SECRET_NAME));
  if (!row) throw new Error('instance secret vanished after insert');
  return makeKeyring('dev', { dev: Uint8Array.from(Buffer.from(row.value, 'base64url')) });
}
