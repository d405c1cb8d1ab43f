import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { generateSigningKeys, sign, verify } from './ed25519';
import { DEFAULT_MEMLIMIT, DEFAULT_OPSLIMIT, openSigningKey, parseSealedKey, sealSigningKey, serializeSealedKey, type SealedKey } from './sealed-key';
import { ready } from './sodium';

const PASSWORD = 'correct horse battery staple';
// The cheapest limits the schema accepts, for sweeps that open a blob hundreds of times; the
// code path is the same as with the defaults, only argon2id is cheaper.
const FAST = { opslimit: 1, memlimit: 8 * 1024 * 1024 };

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function b64(bytes: Uint8Array): Promise<string> {
  return (await ready()).to_base64(bytes, (await ready()).base64_variants.ORIGINAL);
}

async function unb64(text: string): Promise<Uint8Array> {
  return (await ready()).from_base64(text, (await ready()).base64_variants.ORIGINAL);
}

describe('sealed signing key with the production limits (argon2id, 3 passes, 64 MiB)', () => {
  it('round-trips: the opened key is the sealed one and still signs verifiably', async () => {
    const { publicKey, secretKey } = await generateSigningKeys();
    const sealed = await sealSigningKey(secretKey, PASSWORD);
    expect(sealed).toMatchObject({ v: 1, kdf: 'argon2id13', opslimit: DEFAULT_OPSLIMIT, memlimit: DEFAULT_MEMLIMIT });
    expect(await unb64(sealed.publicKey)).toEqual(publicKey);

    const stored = serializeSealedKey(sealed);
    const opened = await openSigningKey(parseSealedKey(stored), PASSWORD);
    expect(opened).toEqual(secretKey);
    const message = new TextEncoder().encode('approved');
    expect(await verify(await sign(message, opened), message, publicKey)).toBe(true);
  });

  it('the stored blob contains neither the secret key nor its seed, in any encoding', async () => {
    const sodium = await ready();
    const { secretKey } = await generateSigningKeys();
    const stored = serializeSealedKey(await sealSigningKey(secretKey, PASSWORD, FAST));
    const seed = secretKey.subarray(0, 32);
    for (const bytes of [secretKey, seed]) {
      for (const variant of Object.values(sodium.base64_variants)) expect(stored).not.toContain(sodium.to_base64(bytes, variant).slice(0, 16));
      expect(stored.toLowerCase()).not.toContain(sodium.to_hex(bytes).slice(0, 16));
    }
  });

  it('two seals of the same key differ (fresh salt and nonce)', async () => {
    const { secretKey } = await generateSigningKeys();
    const a = await sealSigningKey(secretKey, PASSWORD, FAST);
    const b = await sealSigningKey(secretKey, PASSWORD, FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.box).not.toBe(b.box);
  });

  it('a wrong password is refused with signing/bad-password and a plain message', async () => {
    const { secretKey } = await generateSigningKeys();
    const sealed = await sealSigningKey(secretKey, PASSWORD);
    const error = await rejection(openSigningKey(sealed, 'correct horse battery stapler'));
    expect(error.code).toBe('signing/bad-password');
    expect(error.httpStatus).toBe(401);
    expect(error.message).toBe('The password is wrong, or the stored signing key has been altered.');
  });

  it.each([
    ['opslimit', { opslimit: DEFAULT_OPSLIMIT + 1 }],
    ['memlimit', { memlimit: DEFAULT_MEMLIMIT * 2 }],
  ])('changing %s (still in range) derives another key and is refused', async (_field, change) => {
    const { secretKey } = await generateSigningKeys();
    const sealed = await sealSigningKey(secretKey, PASSWORD);
    expect((await rejection(openSigningKey({ ...sealed, ...change }, PASSWORD))).code).toBe('signing/bad-password');
  });
});

describe('an altered blob is refused, never a crash', () => {
  it.each(['salt', 'nonce', 'box'] as const)('every single-byte change of %s → signing/bad-password', async (field) => {
    const { secretKey } = await generateSigningKeys();
    const sealed = await sealSigningKey(secretKey, PASSWORD, FAST);
    const original = await unb64(sealed[field]);
    let refused = 0;
    for (let i = 0; i < original.length; i++) {
      for (const mask of [0x01, 0x80]) {
        const bytes = original.slice();
        bytes[i]! ^= mask;
        const error = await rejection(openSigningKey({ ...sealed, [field]: await b64(bytes) }, PASSWORD));
        expect(error.code, `${field}[${i}] ^ ${mask}`).toBe('signing/bad-password');
        refused++;
      }
    }
    expect(refused).toBe(original.length * 2);
    // The untouched blob still opens, so the refusals above are due to the changes.
    expect(await openSigningKey(sealed, PASSWORD)).toEqual(secretKey);
  });

  it("another key's public key in the blob → signing/bad-password (the box opens, the keys do not match)", async () => {
    const { secretKey } = await generateSigningKeys();
    const other = await generateSigningKeys();
    const sealed = await sealSigningKey(secretKey, PASSWORD, FAST);
    const error = await rejection(openSigningKey({ ...sealed, publicKey: await b64(other.publicKey) }, PASSWORD));
    expect(error.code).toBe('signing/bad-password');
    expect(error.message).toMatch(/does not match its public key/);
  });

  it.each([
    ['opslimit above the ceiling', { opslimit: 11 }, 'opslimit'],
    ['opslimit zero', { opslimit: 0 }, 'opslimit'],
    ['memlimit of 4 GiB', { memlimit: 4 * 1024 ** 3 }, 'memlimit'],
    ['memlimit below the floor', { memlimit: 1024 * 1024 }, 'memlimit'],
    ['a fractional opslimit', { opslimit: 2.5 }, 'opslimit'],
    ['a truncated box', { box: 'AAAA' }, 'box'],
    ['salt that is not base64', { salt: '!'.repeat(24) }, 'salt'],
    // Canonical except for a set pad bit: zod's base64 check accepts it, libsodium's decoder throws.
    ['salt with a non-zero pad bit', { salt: 'AAAAAAAAAAAAAAAAAAAAAB==' }, 'salt'],
    ['a public key with a non-zero pad bit', { publicKey: `${'A'.repeat(42)}B=` }, 'publicKey'],
  ])('%s is refused before any key derivation, as signing/bad-key naming the field', async (_name, change, field) => {
    const { secretKey } = await generateSigningKeys();
    const sealed = await sealSigningKey(secretKey, PASSWORD, FAST);
    const started = performance.now();
    const error = await rejection(openSigningKey({ ...sealed, ...change } as SealedKey, PASSWORD));
    expect(error.code).toBe('signing/bad-key');
    expect(error.issues?.map((i) => i.path)).toEqual([field]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('sealing', () => {
  it('NFC-normalises the password, so é typed precomposed or combining opens the same key', async () => {
    const { secretKey } = await generateSigningKeys();
    const sealed = await sealSigningKey(secretKey, 'caf\u00e9 au lait', FAST);
    expect(await openSigningKey(sealed, 'cafe\u0301 au lait')).toEqual(secretKey);
  });

  it('refuses an empty password', async () => {
    const { secretKey } = await generateSigningKeys();
    expect((await rejection(sealSigningKey(secretKey, '', FAST))).code).toBe('validation/invalid-input');
  });

  it('refuses a secret key whose public half does not belong to its seed, or of the wrong length', async () => {
    const a = await generateSigningKeys();
    const b = await generateSigningKeys();
    const mixed = new Uint8Array(64);
    mixed.set(a.secretKey.subarray(0, 32));
    mixed.set(b.publicKey, 32);
    expect((await rejection(sealSigningKey(mixed, PASSWORD, FAST))).code).toBe('signing/bad-key');
    expect((await rejection(sealSigningKey(a.secretKey.subarray(0, 32), PASSWORD, FAST))).code).toBe('signing/bad-key');
  });

  it('refuses limits it would not accept when opening', async () => {
    const { secretKey } = await generateSigningKeys();
    expect((await rejection(sealSigningKey(secretKey, PASSWORD, { opslimit: 1, memlimit: 1024 * 1024 }))).code).toBe('signing/bad-key');
  });
});

describe('parseSealedKey', () => {
  async function stored(): Promise<Record<string, unknown>> {
    const { secretKey } = await generateSigningKeys();
    return { ...(await sealSigningKey(secretKey, PASSWORD, FAST)) };
  }

  it('refuses text that is not JSON', () => {
    expect(() => parseSealedKey('{"v":1,')).toThrow(expect.objectContaining({ code: 'signing/bad-key', message: 'The stored signing key is not valid JSON.' }));
  });

  it.each([
    ['an unknown version', { v: 2 }, 'v'],
    ['another KDF', { kdf: 'scrypt' }, 'kdf'],
    ['a missing nonce', { nonce: undefined }, 'nonce'],
    ['a short public key', { publicKey: 'AAAA' }, 'publicKey'],
    ['an unknown field', { secretKey: 'AAAA' }, '(input)'],
  ])('refuses %s, naming the field', async (_name, change, field) => {
    const text = JSON.stringify({ ...(await stored()), ...change });
    let error: unknown;
    try {
      parseSealedKey(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('signing/bad-key');
    expect((error as AppError).issues?.map((i) => i.path)).toEqual([field]);
    expect((error as AppError).message).toContain(field === '(input)' ? 'secretKey' : field);
  });
});
