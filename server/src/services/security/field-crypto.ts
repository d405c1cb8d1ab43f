import { randomBytes } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import { gcmDecrypt, gcmEncrypt } from './aes-gcm';

/**
 * Application-level encryption of personal data and credentials in single columns (issue 6: PII
 * and ERP secrets, OWASP ASVS 5.0 V11/V14). AES-256-GCM with a fresh 96-bit random IV per value
 * (SP 800-38D §8.2.2) and the column and row as associated data, so a ciphertext copied into
 * another row or column fails to decrypt rather than leaking there.
 *
 * Stored form: `v1.<keyId>.<iv base64url>.<ciphertext‖tag base64url>`. The key id lets keys
 * rotate without downtime: new values use the active key, old values decrypt with theirs until
 * re-encrypted.
 */
const PREFIX = 'v1';
const IV_BYTES = 12;
const KEY_BYTES = 32;
const TAG_BYTES = 16;

export interface FieldKeyring {
  activeKeyId: string;
  keys: ReadonlyMap<string, Uint8Array>;
}

/** Where a value lives: bound into the AAD, e.g. `users.email` + the user's id. */
export interface FieldContext {
  column: string;
  rowId: string;
}

export function makeKeyring(activeKeyId: string, keys: Record<string, Uint8Array>): FieldKeyring {
  const map = new Map(Object.entries(keys));
  for (const [id, key] of map) {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new AppError('config/invalid', `Encryption key id "${id}" must be 1–32 letters, digits, '-' or '_'.`);
    if (key.length !== KEY_BYTES) throw new AppError('config/invalid', `Encryption key "${id}" must be ${KEY_BYTES} bytes (AES-256); it has ${key.length}.`);
  }
  if (!map.has(activeKeyId)) throw new AppError('config/invalid', `The active encryption key "${activeKeyId}" is not among the configured keys.`);
  return { activeKeyId, keys: map };
}

export function encryptField(keyring: FieldKeyring, plaintext: string, context: FieldContext): string {
  const key = keyring.keys.get(keyring.activeKeyId) as Uint8Array;
  const iv = randomBytes(IV_BYTES);
  const { ciphertext, tag } = gcmEncrypt(key, iv, new TextEncoder().encode(plaintext), aad(keyring.activeKeyId, context));
  return [PREFIX, keyring.activeKeyId, iv.toString('base64url'), Buffer.concat([ciphertext, tag]).toString('base64url')].join('.');
}

export function decryptField(keyring: FieldKeyring, stored: string, context: FieldContext): string {
  const parts = stored.split('.');
  const [prefix, keyId, ivText, body] = parts;
  if (parts.length !== 4 || prefix !== PREFIX || !keyId || !ivText || !body) {
    throw new AppError('internal/unexpected', `The encrypted ${context.column} of ${context.rowId} is not in the v1 format.`);
  }
  const key = keyring.keys.get(keyId);
  if (!key) throw new AppError('config/invalid', `The encrypted ${context.column} of ${context.rowId} uses key "${keyId}", which is not configured; add it back to decrypt.`);
  const sealed = Buffer.from(body, 'base64url');
  const plain = gcmDecrypt(key, Buffer.from(ivText, 'base64url'), sealed.subarray(0, sealed.length - TAG_BYTES), sealed.subarray(sealed.length - TAG_BYTES), aad(keyId, context));
  if (!plain) throw new AppError('internal/unexpected', `The encrypted ${context.column} of ${context.rowId} failed authentication: it was altered or moved from another row.`);
  return new TextDecoder().decode(plain);
}

/** The key id a stored value was encrypted under (to find values still to re-encrypt after a rotation). */
export function fieldKeyId(stored: string): string | null {
  const parts = stored.split('.');
  return parts.length === 4 && parts[0] === PREFIX ? (parts[1] ?? null) : null;
}

function aad(keyId: string, context: FieldContext): Uint8Array {
  return new TextEncoder().encode(`${PREFIX}|${keyId}|${context.column}|${context.rowId}`);
}
