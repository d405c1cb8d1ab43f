import { readFileSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gcmDecrypt, gcmEncrypt } from './aes-gcm';
import { hmacSha256 } from './blind-index';

interface AeadCase { tcId: number; comment: string; key: string; iv: string; aad: string; msg: string; ct: string; tag: string; result: 'valid' | 'invalid' | 'acceptable' }
interface MacCase { tcId: number; comment: string; key: string; msg: string; tag: string; result: 'valid' | 'invalid' }
const load = <T>(name: string) =>
  JSON.parse(readFileSync(new URL(`../../../../tests/fixtures/crypto/${name}`, import.meta.url), 'utf8')) as { testGroups: { tagSize: number; tests: T[] }[] };
const hex = (s: string) => Buffer.from(s, 'hex');
/** Measured: Node 20 accepts a 128-byte GCM IV and refuses 256 (Wycheproof's longest is 257). */
const NODE_MAX_GCM_IV_BYTES = 128;

describe('AES-GCM — Wycheproof aes_gcm_test.json (C2SP/wycheproof)', () => {
  const cases = load<AeadCase>('wycheproof-aes-gcm.json').testGroups.flatMap((g) => g.tests.map((t) => ({ ...t, tagSize: g.tagSize })));
  it('covers all 316 cases, 105 of them AES-256', () => {
    expect(cases).toHaveLength(316);
    expect(cases.filter((c) => c.key.length === 64)).toHaveLength(105);
  });
  for (const c of cases) {
    it(`tcId ${c.tcId} (${c.result}${c.comment ? `: ${c.comment}` : ''})`, () => {
      const plain = gcmDecrypt(hex(c.key), hex(c.iv), hex(c.ct), hex(c.tag), hex(c.aad));
      if (c.iv.length / 2 > NODE_MAX_GCM_IV_BYTES) {
        // Node's OpenSSL binding refuses IVs this long ("Invalid initialization vector"); the
        // wrapper must then say "cannot decrypt", never throw. Atlas itself only makes 96-bit IVs.
        expect(plain).toBeNull();
        return;
      }
      if (c.result === 'invalid') {
        expect(plain).toBeNull();
        return;
      }
      expect(Buffer.from(plain ?? []).toString('hex')).toBe(c.msg);
      const sealed = gcmEncrypt(hex(c.key), hex(c.iv), hex(c.msg), hex(c.aad));
      expect(Buffer.from(sealed.ciphertext).toString('hex')).toBe(c.ct);
      expect(Buffer.from(sealed.tag).toString('hex')).toBe(c.tag);
    });
  }
});

describe('HMAC-SHA256 — Wycheproof hmac_sha256_test.json', () => {
  const groups = load<MacCase>('wycheproof-hmac-sha256.json').testGroups;
  it('covers all 174 cases', () => expect(groups.flatMap((g) => g.tests)).toHaveLength(174));
  for (const g of groups) {
    for (const c of g.tests) {
      it(`tcId ${c.tcId} tag ${g.tagSize} bits (${c.result}${c.comment ? `: ${c.comment}` : ''})`, () => {
        const mac = hmacSha256(hex(c.key), hex(c.msg)).subarray(0, g.tagSize / 8);
        const tag = hex(c.tag);
        expect(mac.length === tag.length && timingSafeEqual(mac, tag)).toBe(c.result === 'valid');
      });
    }
  }
});
