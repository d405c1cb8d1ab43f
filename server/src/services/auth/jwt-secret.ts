import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../../shared/errors';
import type { ServerConfig } from '../../config';
import type { Executor } from '../../db/client';
import { instanceSecrets } from '../../db/schema/index';
import { MIN_SECRET_BYTES } from '../../config-secret';

const SECRET_NAME = 'jwt-hs256';

/**
 * The access-token key: ATLAS_JWT_SECRET when set; otherwise (development and test only, enforced
 * by loadConfig) a random 256-bit key (RFC 7518 §3.2 minimum for HS256) generated once and kept in
 * `instance_secrets`. INSERT ... ON CONFLICT DO NOTHING then SELECT makes concurrent first starts
 * of several instances agree on one key, and tokens survive restarts.
 */
export async function resolveJwtSecret(db: Executor, config: Pick<ServerConfig, 'jwtSecret' | 'nodeEnv'>): Promise<Uint8Array> {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.nodeEnv === 'production') {
    throw new AppError('config/invalid', 'ATLAS_JWT_SECRET is required when NODE_ENV=production.');
  }
  await db
    .insert(instanceSecrets)
    .values({ name: SECRET_NAME, value: randomBytes(MIN_SECRET_BYTES).toString('base64url') })
    .onConflictDoNothing({ target: instanceSecrets.name });
  const [row] = await db.select({ value: instanceSecrets.value }).from(instanceSecrets).where(eq(instanceSecrets.name, SECRET_NAME));
  if (!row) throw new Error('instance secret vanished after insert');
  return Uint8Array.from(Buffer.from(row.value, 'base64url'));
}
