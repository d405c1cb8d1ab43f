import { AppError } from '../errors';
import { ready } from './sodium';

// Ed25519 (RFC 8032) through libsodium. Keys and signatures are raw bytes in libsodium's layout:
// a 32-byte public key, a 64-byte secret key (seed ‖ public key), a 64-byte detached signature.
export const PUBLIC_KEY_BYTES = 32;
export const SECRET_KEY_BYTES = 64;
export const SIGNATURE_BYTES = 64;

export interface SigningKeys {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export async function generateSigningKeys(): Promise<SigningKeys> {
  const sodium = await ready();
  const { publicKey, privateKey } = sodium.crypto_sign_keypair();
  return { publicKey, secretKey: privateKey };
}

/** RFC 8032 §5.1.5: the key pair a 32-byte seed determines (the operator-supplied server key). */
export async function signingKeysFromSeed(seed: Uint8Array): Promise<SigningKeys> {
  const sodium = await ready();
  if (seed.length !== sodium.crypto_sign_SEEDBYTES) {
    throw new AppError('signing/bad-key', `An Ed25519 seed must be ${sodium.crypto_sign_SEEDBYTES} bytes; this one has ${seed.length}.`);
  }
  const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(seed);
  return { publicKey, secretKey: privateKey };
}

/** A detached signature over `message` (the caller passes the canonical bytes, never a JS string). */
export async function sign(message: Uint8Array, secretKey: Uint8Array): Promise<Uint8Array> {
  const sodium = await ready();
  if (secretKey.length !== SECRET_KEY_BYTES) {
    throw new AppError('signing/bad-key', `A signing key must be ${SECRET_KEY_BYTES} bytes; this one has ${secretKey.length}.`);
  }
  return sodium.crypto_sign_detached(message, secretKey);
}

/**
 * True only for a valid signature. Anything malformed (wrong lengths, a key that is not a curve
 * point) is simply not a valid signature: it returns false, it never throws, so a verifier fed a
 * tampered bundle reports "signature invalid" instead of crashing.
 */
export async function verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
  const sodium = await ready();
  if (signature.length !== SIGNATURE_BYTES || publicKey.length !== PUBLIC_KEY_BYTES) return false;
  try {
    return sodium.crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    return false;
  }
}

/**
 * The short form of a public key shown beside every signature and printed on exports, so a person
 * can match a signature to a registered key (21 CFR 11.50(a): the signer is identified): the first
 * 16 bytes of SHA-256 over the raw 32-byte key, as eight groups of four hex digits.
 */
export async function fingerprint(publicKey: Uint8Array): Promise<string> {
  const sodium = await ready();
  if (publicKey.length !== PUBLIC_KEY_BYTES) {
    throw new AppError('signing/bad-key', `A public key must be ${PUBLIC_KEY_BYTES} bytes; this one has ${publicKey.length}.`);
  }
  const hex = sodium.to_hex(sodium.crypto_hash_sha256(publicKey).subarray(0, 16));
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}
