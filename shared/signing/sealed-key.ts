import { z } from 'zod';
import { AppError } from '../errors';
import { toFieldIssues } from '../zod-issues';
import { PUBLIC_KEY_BYTES, SECRET_KEY_BYTES } from './ed25519';
import { ready, type Sodium } from './sodium';

// The signer's Ed25519 secret key at rest: encrypted under a key derived from their password, so the
// blob the desktop keeps in the OS keychain is useless without the password, which is asked at
// every signature (21 CFR 11.200(a)(1): two distinct components, the key on this machine and the
// password in the signer's head).
//
// KDF: argon2id v1.3 (RFC 9106) through crypto_pwhash. Cost: opslimit 3, memlimit 64 MiB, the t and m
// of RFC 9106 §4's second recommended option ("if much less memory is available"; libsodium always
// uses one lane where the RFC says four, which does not lower the memory an attacker needs). We
// chose it over libsodium's MODERATE (3 passes, 256 MiB) because it runs at EVERY signature in the
// desktop process: 64 MiB costs ~0.11 s on the 2-core CI box, 256 MiB ~0.5 s, and the WebAssembly heap
// grows to the peak and never shrinks, so MODERATE would pin 256 MiB in the Electron main process.
// The limits are stored in the blob, so they can be raised later by re-sealing.
export const DEFAULT_OPSLIMIT = 3;
export const DEFAULT_MEMLIMIT = 64 * 1024 * 1024;

// What a stored blob may ask for. The ceiling stops an altered blob from making us allocate
// gigabytes or spin for minutes before the MAC check can refuse it. The cost is the sealer's choice
// (an attacker who can rewrite the blob gains nothing by lowering it: the box then fails to open);
// the floor (1 pass, 8 MiB) lets tests sweep hundreds of tampered blobs quickly.
const OPSLIMIT_RANGE = { min: 1, max: 10 } as const;
const MEMLIMIT_RANGE = { min: 8 * 1024 * 1024, max: 1024 * 1024 * 1024 } as const;

const SALT_BYTES = 16; // crypto_pwhash_SALTBYTES
const NONCE_BYTES = 24; // crypto_secretbox_NONCEBYTES (XSalsa20: random nonces are safe)
const MAC_BYTES = 16; // crypto_secretbox_MACBYTES (Poly1305)
const BOX_KEY_BYTES = 32; // crypto_secretbox_KEYBYTES

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Standard padded base64 (RFC 4648 §4) that decodes to exactly `bytes` bytes, in its canonical
 * form: the pad bits before '=' are zero (RFC 4648 §3.5). zod accepts "AB==", libsodium's decoder
 * refuses it, and a blob we have validated must never make the decoder throw.
 */
function base64Of(bytes: number) {
  return z
    .base64()
    .length(4 * Math.ceil(bytes / 3), `must be base64 of exactly ${bytes} bytes`)
    .refine((text) => {
      const pads = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
      if (pads === 0) return true;
      const last = BASE64_ALPHABET.indexOf(text.charAt(text.length - pads - 1));
      return last % (pads === 2 ? 16 : 4) === 0;
    }, "must be canonical base64 (the bits before '=' must be zero)");
}

export const sealedKeySchema = z.strictObject({
  v: z.literal(1),
  kdf: z.literal('argon2id13'),
  opslimit: z.number().int().min(OPSLIMIT_RANGE.min).max(OPSLIMIT_RANGE.max),
  memlimit: z.number().int().min(MEMLIMIT_RANGE.min).max(MEMLIMIT_RANGE.max).multipleOf(1024),
  salt: base64Of(SALT_BYTES),
  nonce: base64Of(NONCE_BYTES),
  box: base64Of(SECRET_KEY_BYTES + MAC_BYTES),
  publicKey: base64Of(PUBLIC_KEY_BYTES),
});

/** The sealed signing key: plain JSON, safe to store; the secret key inside needs the password. */
export type SealedKey = z.infer<typeof sealedKeySchema>;

/** For tests and future tuning only: production code seals with the defaults above. */
export interface SealOptions {
  opslimit?: number;
  memlimit?: number;
}

export async function sealSigningKey(secretKey: Uint8Array, password: string, options: SealOptions = {}): Promise<SealedKey> {
  const sodium = await ready();
  if (password.length === 0) throw new AppError('validation/invalid-input', 'A password is required to protect the signing key.');
  const publicKey = checkedPublicKey(sodium, secretKey);
  if (!publicKey) throw new AppError('signing/bad-key', 'This is not a valid Ed25519 signing key.');

  const opslimit = options.opslimit ?? DEFAULT_OPSLIMIT;
  const memlimit = options.memlimit ?? DEFAULT_MEMLIMIT;
  const salt = sodium.randombytes_buf(SALT_BYTES);
  const nonce = sodium.randombytes_buf(NONCE_BYTES);
  const key = deriveKey(sodium, password, salt, opslimit, memlimit);
  try {
    const b64 = (bytes: Uint8Array) => sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
    const sealed = {
      v: 1,
      kdf: 'argon2id13',
      opslimit,
      memlimit,
      salt: b64(salt),
      nonce: b64(nonce),
      box: b64(sodium.crypto_secretbox_easy(secretKey, nonce, key)),
      publicKey: b64(publicKey),
    } as const;
    // Refuse to produce a blob we would refuse to open (e.g. options outside the accepted range).
    return validated(sealed);
  } finally {
    sodium.memzero(key);
  }
}

/**
 * The secret key inside `sealed`. A wrong password and an altered blob both fail Poly1305
 * authentication and cannot be told apart, so both are 'signing/bad-password'; a blob whose
 * stored public key does not belong to the key inside it was altered too, and fails the same way.
 * The caller should `memzero` the returned key once it has signed.
 */
export async function openSigningKey(sealed: SealedKey, password: string): Promise<Uint8Array> {
  const sodium = await ready();
  const { opslimit, memlimit, salt, nonce, box, publicKey: storedPublicKey } = decoded(sodium, validated(sealed));
  const key = deriveKey(sodium, password, salt, opslimit, memlimit);
  let secretKey: Uint8Array;
  try {
    secretKey = sodium.crypto_secretbox_open_easy(box, nonce, key);
  } catch (cause) {
    throw new AppError('signing/bad-password', 'The password is wrong, or the stored signing key has been altered.', { cause });
  } finally {
    sodium.memzero(key);
  }
  const publicKey = checkedPublicKey(sodium, secretKey);
  if (!publicKey || !sodium.memcmp(publicKey, storedPublicKey)) {
    sodium.memzero(secretKey);
    throw new AppError('signing/bad-password', 'The stored signing key has been altered: it does not match its public key.');
  }
  return secretKey;
}

/** Parses a stored blob (e.g. read back from the keychain), saying which field is wrong. */
export function parseSealedKey(text: string): SealedKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new AppError('signing/bad-key', 'The stored signing key is not valid JSON.', { cause });
  }
  return validated(json);
}

export function serializeSealedKey(sealed: SealedKey): string {
  return JSON.stringify(validated(sealed));
}

function validated(value: unknown): SealedKey {
  const result = sealedKeySchema.safeParse(value);
  if (!result.success) {
    const issues = toFieldIssues(result.error);
    const fields = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new AppError('signing/bad-key', `The stored signing key is malformed (${fields}).`, { issues, cause: result.error });
  }
  return result.data;
}

function decoded(sodium: Sodium, sealed: SealedKey) {
  const from64 = (text: string) => sodium.from_base64(text, sodium.base64_variants.ORIGINAL);
  try {
    return { ...sealed, salt: from64(sealed.salt), nonce: from64(sealed.nonce), box: from64(sealed.box), publicKey: from64(sealed.publicKey) };
  } catch (cause) {
    // Unreachable after validation (the schema admits only canonical base64); kept so a decoder
    // change can never turn a bad blob into a crash.
    throw new AppError('signing/bad-key', 'The stored signing key is malformed (its base64 does not decode).', { cause });
  }
}

function deriveKey(sodium: Sodium, password: string, salt: Uint8Array, opslimit: number, memlimit: number): Uint8Array {
  // NFC so the same password typed through different input methods (precomposed é vs e + U+0301)
  // derives the same key.
  const bytes = new TextEncoder().encode(password.normalize('NFC'));
  try {
    return sodium.crypto_pwhash(BOX_KEY_BYTES, bytes, salt, opslimit, memlimit, sodium.crypto_pwhash_ALG_ARGON2ID13);
  } finally {
    sodium.memzero(bytes);
  }
}

/**
 * The public key of a libsodium secret key (seed ‖ public key), or undefined if the two halves do
 * not belong together. crypto_sign_ed25519_sk_to_pk only copies the stored half, so we re-derive
 * it from the seed: a mismatched key would sign with the wrong public key in the hash (RFC 8032
 * §5.1.6 step 4) and every signature it made would fail to verify.
 */
function checkedPublicKey(sodium: Sodium, secretKey: Uint8Array): Uint8Array | undefined {
  if (secretKey.length !== SECRET_KEY_BYTES) return undefined;
  const seed = sodium.crypto_sign_ed25519_sk_to_seed(secretKey);
  const derived = sodium.crypto_sign_seed_keypair(seed);
  sodium.memzero(seed);
  sodium.memzero(derived.privateKey);
  return sodium.memcmp(derived.publicKey, sodium.crypto_sign_ed25519_sk_to_pk(secretKey)) ? derived.publicKey : undefined;
}
