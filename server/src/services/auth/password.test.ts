import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';

describe('password hashing', () => {
  it('uses argon2id with the OWASP minimum parameters (m=19456 KiB, t=2, p=1) and a random salt', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapl')).toBe(false);
  });

  it('returns false for a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('spends comparable time on an unknown user as on a real check (no account enumeration by timing)', async () => {
    const stored = await hashPassword('correct horse battery staple');
    await verifyAgainstDummy('warm-up');
    const time = async (fn: () => Promise<unknown>) => {
      const start = performance.now();
      for (let i = 0; i < 3; i++) await fn();
      return performance.now() - start;
    };
    const real = await time(() => verifyPassword(stored, 'wrong password here'));
    const dummy = await time(() => verifyAgainstDummy('wrong password here'));
    expect(await verifyAgainstDummy('correct horse battery staple')).toBe(false);
    // Both run a full argon2id with the same parameters; a skipped check would be ~1000x faster.
    expect(dummy).toBeGreaterThan(real * 0.3);
  });
});
