import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { MFA_TOKEN_AUDIENCE, MFA_TOKEN_TYPE, signMfaToken, verifyMfaToken } from './mfa-token';
import { ACCESS_TOKEN_ISSUER, signAccessToken } from './tokens';

const key = new Uint8Array(32).fill(3);
const who = { userId: '6f1c0f5e-9b1a-4c55-9d0e-1b2c3d4e5f60', companyId: '0d7e2f8a-1b2c-4d3e-8f9a-0b1c2d3e4f5a' };
const now = new Date(Math.floor(Date.now() / 1000) * 1000);

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'accepted';
}

describe('MFA step tokens (RFC 8725 §3.11 explicit typing)', () => {
  it('round-trips user, company and purpose, and lives 5 minutes', async () => {
    const issued = await signMfaToken({ ...who, purpose: 'verify' }, key, now);
    expect(issued.expiresAt.getTime() - now.getTime()).toBe(300_000);
    expect(await verifyMfaToken(issued.token, key, 'verify', now)).toEqual({ ...who, purpose: 'verify' });
    expect(await code(verifyMfaToken(issued.token, key, 'verify', new Date(now.getTime() + 306_000)))).toBe('auth/mfa-token-invalid');
  });

  it('refuses the other purpose, another key, an access token and a token of another type', async () => {
    const enrol = await signMfaToken({ ...who, purpose: 'enrol' }, key, now);
    expect(await code(verifyMfaToken(enrol.token, key, 'verify', now))).toBe('auth/mfa-token-invalid');
    expect(await code(verifyMfaToken(enrol.token, new Uint8Array(32).fill(4), 'enrol', now))).toBe('auth/mfa-token-invalid');
    const access = await signAccessToken({ ...who, role: 'admin' }, key, 900, now);
    expect(await code(verifyMfaToken(access.token, key, 'verify', now))).toBe('auth/mfa-token-invalid');
    const untyped = await new SignJWT({ cid: who.companyId, pur: 'verify' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(MFA_TOKEN_AUDIENCE)
      .setSubject(who.userId)
      .setIssuedAt(now)
      .setExpirationTime(new Date(now.getTime() + 60_000))
      .sign(key);
    expect(await code(verifyMfaToken(untyped, key, 'verify', now))).toBe('auth/mfa-token-invalid');
    expect(MFA_TOKEN_TYPE).toBe('mfa+jwt');
  });
});
