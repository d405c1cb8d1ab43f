import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint, generateSigningKeys, sign, verify } from './ed25519';
import { rfc8032Vectors, wycheproofVectors } from './ed25519-vectors.fixture';
import { ready } from './sodium';

async function keysFromSeed(seed: Uint8Array) {
  const sodium = await ready();
  const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(seed);
  return { publicKey, secretKey: privateKey };
}

// RFC 8032 §7.1 "TEST 3", typed from the RFC: the copied file has TEST 1, TEST 2, TEST 1024 and
// one vector with a 317-byte message that is not in the RFC, but not TEST 3.
const rfc8032Test3 = {
  seed: hex('c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7'),
  publicKey: hex('fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025'),
  message: hex('af82'),
  signature: hex('6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a'),
};

function hex(text: string): Uint8Array {
  return Uint8Array.from(text.match(/../g) ?? [], (byte) => parseInt(byte, 16));
}

describe('RFC 8032 §7.1 test vectors', () => {
  const fromFile = rfc8032Vectors();
  const vectors = [...fromFile, rfc8032Test3];

  it('reads the four vectors of the copied file', () => {
    expect(fromFile).toHaveLength(4);
    expect(fromFile.map((v) => v.message.length)).toEqual([0, 1, 317, 1023]);
  });

  it.each(vectors.map((v, i) => [i, v.message.length, v] as const))('vector %i (%i-byte message): the seed gives the public key and the exact signature, which verifies', async (_i, _n, v) => {
    const { publicKey, secretKey } = await keysFromSeed(v.seed);
    expect(publicKey).toEqual(v.publicKey);
    // Ed25519 is deterministic (RFC 8032 §5.1.6): the same key and message give the same bytes.
    expect(await sign(v.message, secretKey)).toEqual(v.signature);
    expect(await verify(v.signature, v.message, v.publicKey)).toBe(true);
  });
});

describe('Wycheproof Ed25519 verify vectors', () => {
  const { numberOfTests, vectors } = wycheproofVectors();

  it('reads every case in the file: 88 valid, 63 invalid', () => {
    expect(vectors).toHaveLength(numberOfTests);
    expect(vectors.filter((v) => v.result === 'valid')).toHaveLength(88);
    expect(vectors.filter((v) => v.result === 'invalid')).toHaveLength(63);
  });

  it.each(vectors.map((v) => [v.tcId, v.result, v.comment || v.flags.join(','), v] as const))('tcId %i is %s (%s)', async (_id, result, _why, v) => {
    expect(await verify(v.signature, v.message, v.publicKey)).toBe(result === 'valid');
  });
});

describe('verify never throws on malformed input', () => {
  it.each([
    ['an empty signature', 0, 32],
    ['a truncated signature', 63, 32],
    ['a signature with a trailing byte', 65, 32],
    ['an empty public key', 64, 0],
    ['a 33-byte public key', 64, 33],
  ])('%s → false', async (_name, sigLength, keyLength) => {
    const { publicKey, secretKey } = await generateSigningKeys();
    const signature = await sign(new Uint8Array([1, 2, 3]), secretKey);
    const sig = new Uint8Array(sigLength);
    sig.set(signature.subarray(0, sigLength));
    const key = new Uint8Array(keyLength);
    key.set(publicKey.subarray(0, keyLength));
    await expect(verify(sig, new Uint8Array([1, 2, 3]), key)).resolves.toBe(false);
  });

  it('a public key that is not a curve point → false', async () => {
    // y = 2^255 - 1 is not canonical (≥ p), so libsodium refuses to decode it.
    const key = new Uint8Array(32).fill(0xff);
    await expect(verify(new Uint8Array(64), new Uint8Array(), key)).resolves.toBe(false);
  });
});

describe('sign', () => {
  it('refuses a secret key of the wrong length with signing/bad-key', async () => {
    await expect(sign(new Uint8Array(1), new Uint8Array(32))).rejects.toMatchObject({ code: 'signing/bad-key' });
  });

  it('fresh keys differ and sign with 64-byte signatures', async () => {
    const a = await generateSigningKeys();
    const b = await generateSigningKeys();
    expect(a.publicKey).toHaveLength(32);
    expect(a.secretKey).toHaveLength(64);
    expect(a.publicKey).not.toEqual(b.publicKey);
    expect(await sign(new Uint8Array(), a.secretKey)).toHaveLength(64);
  });
});

describe('sign/verify properties', () => {
  it('round-trips, and flipping any one bit of the signature or of the message fails', async () => {
    const { publicKey, secretKey } = await generateSigningKeys();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 256 }), fc.nat(), fc.nat(), async (message, sigBit, msgBit) => {
        const signature = await sign(message, secretKey);
        expect(await verify(signature, message, publicKey)).toBe(true);

        const badSig = signature.slice();
        badSig[(sigBit >> 3) % 64]! ^= 1 << (sigBit & 7);
        expect(await verify(badSig, message, publicKey)).toBe(false);

        const badMsg = message.slice();
        badMsg[(msgBit >> 3) % message.length]! ^= 1 << (msgBit & 7);
        expect(await verify(signature, badMsg, publicKey)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('a signature does not verify under another key', async () => {
    const a = await generateSigningKeys();
    const b = await generateSigningKeys();
    const message = new TextEncoder().encode('{"lot":"1724847.1"}');
    expect(await verify(await sign(message, a.secretKey), message, b.publicKey)).toBe(false);
  });
});

describe('fingerprint', () => {
  it('is the first 16 bytes of SHA-256 of the raw key, in groups of four hex digits', async () => {
    // RFC 8032 TEST 1 public key; the digest checked independently with `xxd -r -p | sha256sum`.
    const [first] = rfc8032Vectors();
    const print = await fingerprint(first!.publicKey);
    expect(print).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    expect(print).toBe(EXPECTED_TEST1_FINGERPRINT);
  });

  it('refuses a key of the wrong length', async () => {
    await expect(fingerprint(new Uint8Array(31))).rejects.toMatchObject({ code: 'signing/bad-key' });
  });
});

const EXPECTED_TEST1_FINGERPRINT = '21fe 31df a154 a261 626b f854 046f d227';
