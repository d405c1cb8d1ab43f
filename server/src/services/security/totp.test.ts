import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32';
import { hotp, otpauthUri, totp, verifyTotp } from './totp';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('TOTP — RFC 6238 Appendix B test vectors (8 digits, 30 s steps)', () => {
  // The seeds of Appendix B: the ASCII string "1234567890" repeated to 20, 32 and 64 bytes.
  const seeds = {
    sha1: ascii('12345678901234567890'),
    sha256: ascii('12345678901234567890123456789012'),
    sha512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
  } as const;
  const table: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  for (const [time, sha1, sha256, sha512] of table) {
    it(`T = ${time}`, () => {
      expect(totp(seeds.sha1, time, { digits: 8, algorithm: 'sha1' })).toBe(sha1);
      expect(totp(seeds.sha256, time, { digits: 8, algorithm: 'sha256' })).toBe(sha256);
      expect(totp(seeds.sha512, time, { digits: 8, algorithm: 'sha512' })).toBe(sha512);
    });
  }
});

describe('HOTP — RFC 4226 Appendix D test values', () => {
  it('gives the published codes for counters 0..9', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, i) => hotp(ascii('12345678901234567890'), i))).toEqual(expected);
  });
});

describe('verifyTotp', () => {
  const secret = ascii('12345678901234567890');
  const t = 1_700_000_000;

  it('accepts the current step and one step either side, nothing further', () => {
    for (const drift of [-30, 0, 30]) expect(verifyTotp(secret, totp(secret, t + drift), t)).toBe(Math.floor((t + drift) / 30));
    expect(verifyTotp(secret, totp(secret, t - 60), t)).toBeNull();
    expect(verifyTotp(secret, totp(secret, t + 60), t)).toBeNull();
  });

  it('refuses a code whose step was already used (replay, RFC 6238 §5.2)', () => {
    const code = totp(secret, t);
    const step = verifyTotp(secret, code, t);
    expect(step).not.toBeNull();
    expect(verifyTotp(secret, code, t, { lastUsedStep: step })).toBeNull();
    expect(verifyTotp(secret, code, t + 10, { lastUsedStep: step })).toBeNull();
    expect(verifyTotp(secret, totp(secret, t + 30), t + 30, { lastUsedStep: step })).toBe((step as number) + 1);
  });

  it('refuses malformed codes without throwing', () => {
    for (const bad of ['', '12345', '1234567', 'abcdef', '١٢٣٤٥٦']) expect(verifyTotp(secret, bad, t)).toBeNull();
    expect(verifyTotp(secret, ` ${totp(secret, t).slice(0, 3)} ${totp(secret, t).slice(3)} `, t)).not.toBeNull();
  });
});

describe('base32 (RFC 4648 §10 test vectors) and the otpauth URI', () => {
  it('encodes and decodes the RFC vectors (unpadded)', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(ascii(plain))).toBe(encoded);
      expect(new TextDecoder().decode(base32Decode(`${encoded.toLowerCase()}===`))).toBe(plain);
    }
    expect(() => base32Decode('MZ1W')).toThrow(/not a base32 character/);
  });

  it('builds the URI authenticator apps read', () => {
    expect(otpauthUri({ issuer: 'Atlas', account: 'rosa@harbor.example', secretBase32: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' })).toBe(
      'otpauth://totp/Atlas:rosa%40harbor.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Atlas&algorithm=SHA1&digits=6&period=30',
    );
  });
});
