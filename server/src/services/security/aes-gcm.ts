import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * AES-GCM (NIST SP 800-38D) through Node's OpenSSL binding, with the 128-bit tag kept separate.
 * Decryption returns null on any authentication failure instead of throwing, so callers treat a
 * tampered or wrongly keyed value as "cannot be read", never as a crash.
 */
export const GCM_TAG_BYTES = 16;

export function gcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): { ciphertext: Uint8Array; tag: Uint8Array } {
  const cipher = createCipheriv(algorithmFor(key), key, iv, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}

export function gcmDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad: Uint8Array): Uint8Array | null {
  // SP 800-38D §5.2.1.2: the IV must be non-empty; a zero-length IV is refused, not passed on.
  if (iv.length === 0 || tag.length !== GCM_TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv(algorithmFor(key), key, iv, { authTagLength: GCM_TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

function algorithmFor(key: Uint8Array): 'aes-128-gcm' | 'aes-192-gcm' | 'aes-256-gcm' {
  if (key.length === 16) return 'aes-128-gcm';
  if (key.length === 24) return 'aes-192-gcm';
  if (key.length === 32) return 'aes-256-gcm';
  throw new RangeError(`AES keys are 16, 24 or 32 bytes; this one has ${key.length}`);
}
