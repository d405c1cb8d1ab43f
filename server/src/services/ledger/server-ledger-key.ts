import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { instanceSecrets } from '../../db/schema/index';
import { fingerprint, generateSigningKeys, PUBLIC_KEY_BYTES, SECRET_KEY_BYTES, signingKeysFromSeed } from '../../../../shared/signing/ed25519';

const SECRET_NAME = 'ledger-ed25519';

export interface ServerLedgerKey {
  publicKey: Uint8Array;
  /** libsodium layout: seed ‖ public key. */
  secretKey: Uint8Array;
  /** Fingerprint of `publicKey`, stored with every tree head as `key_id`. */
  keyId: string;
}

/**
 * The server's tree-head signing key: from the operator's ATLAS_LEDGER_SIGNING_KEY seed when set
 * (required in production, config.ts), otherwise generated once and kept in `instance_secrets` (as the JWT
 * secret is, auth/jwt-secret.ts): INSERT ... ON CONFLICT DO NOTHING then SELECT makes concurrent
 * first starts of several instances agree on one key, and it survives restarts — a new key would
 * make every tree head a client already holds unverifiable.
 */
export async function resolveServerLedgerKey(db: Executor, seed?: Uint8Array): Promise<ServerLedgerKey> {
  if (seed) {
    const keys = await signingKeysFromSeed(seed);
    return { ...keys, keyId: await fingerprint(keys.publicKey) };
  }
  const fresh = await generateSigningKeys();
  await db
    .insert(instanceSecrets)
    .values({ name: SECRET_NAME, value: Buffer.from(fresh.secretKey).toString('base64url') })
    .onConflictDoNothing({ target: instanceSecrets.name });
  const [row] = await db.select({ value: instanceSecrets.value }).from(instanceSecrets).where(eq(instanceSecrets.name, SECRET_NAME));
  if (!row) throw new Error('instance secret vanished after insert');
  const secretKey = Uint8Array.from(Buffer.from(row.value, 'base64url'));
  if (secretKey.length !== SECRET_KEY_BYTES) throw new Error(`instance secret ${SECRET_NAME} is not a ${SECRET_KEY_BYTES}-byte Ed25519 key`);
  const publicKey = secretKey.slice(SECRET_KEY_BYTES - PUBLIC_KEY_BYTES);
  return { publicKey, secretKey, keyId: await fingerprint(publicKey) };
}
