import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './verify-codec';

describe('bundle base64', () => {
  it('round-trips bytes (RFC 4648 §10 vectors)', () => {
    const enc = new TextEncoder();
    for (const [text, b64] of [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foobar', 'Zm9vYmFy']] as const) {
      expect(bytesToBase64(enc.encode(text))).toBe(b64);
      expect(base64ToBytes(b64)).toEqual(enc.encode(text));
    }
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(base64ToBytes(bytesToBase64(big))).toEqual(big);
  });

  it('refuses every text but the one canonical encoding, so no character can change unnoticed', () => {
    expect(base64ToBytes('Zh==')).toBeNull(); // non-zero pad bits would decode to "f" too (RFC 4648 §3.5)
    expect(base64ToBytes('Zg')).toBeNull(); // missing padding
    expect(base64ToBytes('Zm9v\n')).toBeNull();
    expect(base64ToBytes('Zm-v')).toBeNull(); // URL-safe alphabet
    expect(base64ToBytes(42)).toBeNull();
  });
});
