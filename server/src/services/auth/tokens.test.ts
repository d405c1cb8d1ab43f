import { generateKeyPairSync } from 'node:crypto';
import { base64url, importPKCS8, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, signAccessToken, verifyAccessToken } from './tokens';

const key = new Uint8Array(32).fill(1);
const claims = { userId: '6f1c0f5e-9b1a-4c55-9d0e-1b2c3d4e5f60', companyId: '0d7e2f8a-1b2c-4d3e-8f9a-0b1c2d3e4f5a', role: 'warehouse' as const };

async function refusal(token: string, withKey = key): Promise<AppError> {
  try {
    await verifyAccessToken(token, withKey);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('token was accepted');
}

/** A token that is right in every way except what `tweak` changes. */
function forged(tweak: (jwt: SignJWT) => SignJWT, header: { alg: string; typ?: string } = { alg: 'HS256', typ: 'at+jwt' }) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ cid: claims.companyId, role: claims.role })
    .setProtectedHeader(header)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setSubject(claims.userId)
    .setIssuedAt(now)
    .setExpirationTime(now + 600);
  return tweak(jwt).sign(key);
}

describe('access tokens (RFC 8725)', () => {
  it('round-trips the claims with the declared lifetime', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000); // JWT times are whole seconds
    const issued = await signAccessToken(claims, key, 900, now);
    expect(await verifyAccessToken(issued.token, key)).toEqual(claims);
    expect(Math.round((issued.expiresAt.getTime() - now.getTime()) / 1000)).toBe(900);
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(issued.token.split('.')[0] ?? ''))) as Record<string, unknown>;
    expect(header).toEqual({ alg: 'HS256', typ: 'at+jwt' });
  });

  it('accepts a correctly forged-by-us token (control for the attacks below)', async () => {
    expect(await verifyAccessToken(await forged((j) => j), key)).toEqual(claims);
  });

  it('refuses alg "none" (RFC 8725 §2.1)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsecured = new UnsecuredJWT({ cid: claims.companyId, role: claims.role })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(claims.userId)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .encode();
    expect((await refusal(unsecured)).code).toBe('auth/token-invalid');
  });

  it('refuses another HMAC algorithm with the same key (algorithm pinned)', async () => {
    expect((await refusal(await forged((j) => j, { alg: 'HS512', typ: 'at+jwt' }))).code).toBe('auth/token-invalid');
  });

  it('refuses a wrong audience', async () => {
    expect((await refusal(await forged((j) => j.setAudience('some-other-api')))).code).toBe('auth/token-invalid');
  });

  it('refuses a wrong issuer', async () => {
    expect((await refusal(await forged((j) => j.setIssuer('evil')))).code).toBe('auth/token-invalid');
  });

  it('refuses a token without the at+jwt type (RFC 8725 §3.11)', async () => {
    expect((await refusal(await forged((j) => j, { alg: 'HS256', typ: 'JWT' }))).code).toBe('auth/token-invalid');
  });

  it('refuses an expired token with auth/token-expired', async () => {
    const past = new Date(Date.now() - 3_600_000);
    const issued = await signAccessToken(claims, key, 60, past);
    expect((await refusal(issued.token)).code).toBe('auth/token-expired');
  });

  it('refuses a tampered payload (role raised to admin, signature kept)', async () => {
    const [header, payload, signature] = (await signAccessToken(claims, key, 900)).token.split('.');
    const body = JSON.parse(new TextDecoder().decode(base64url.decode(payload ?? ''))) as Record<string, unknown>;
    const raised = base64url.encode(JSON.stringify({ ...body, role: 'admin' }));
    expect((await refusal(`${header}.${raised}.${signature}`)).code).toBe('auth/token-invalid');
  });

  it('refuses a token signed with another key', async () => {
    const issued = await signAccessToken(claims, new Uint8Array(32).fill(2), 900);
    expect((await refusal(issued.token)).code).toBe('auth/token-invalid');
  });

  it('refuses well-signed tokens whose claims are not ours (bad role, missing cid)', async () => {
    expect((await refusal(await forged((j) => j.setSubject('not-a-uuid')))).code).toBe('auth/token-invalid');
    const noCid = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(claims.userId)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);
    expect((await refusal(noCid)).code).toBe('auth/token-invalid');
  });

  // ── Issue 6: the rest of the RFC 8725 attack list ─────────────────────────────────────────
  describe('HS256 / RS256 confusion (RFC 8725 §2.1, §3.1)', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const publicBytes = new TextEncoder().encode(publicPem);
    const rs256 = async () => forgedWith(await importPKCS8(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256'), 'RS256');

    it('refuses an RS256 token, even when the RSA public key bytes are what the verifier holds as its secret', async () => {
      const token = await rs256();
      expect((await refusal(token)).code).toBe('auth/token-invalid');
      // The classic confusion: a verifier that picks the algorithm from the header would check an
      // RS256 token against "the key". Ours is pinned to HS256 whatever key it is handed.
      expect((await refusal(token, publicBytes)).code).toBe('auth/token-invalid');
    });

    it('refuses an HS256 token whose HMAC secret is the (public) RSA key', async () => {
      // An attacker who knows a public key signs with it as an HMAC secret; our secret is not it.
      expect((await refusal(await forgedWith(publicBytes, 'HS256'))).code).toBe('auth/token-invalid');
    });
  });

  it('refuses a tampered signature (one byte changed, and a signature from another token)', async () => {
    const [header, payload, signature = ''] = (await signAccessToken(claims, key, 900)).token.split('.');
    const bytes = base64url.decode(signature);
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    expect((await refusal(`${header}.${payload}.${base64url.encode(bytes)}`)).code).toBe('auth/token-invalid');
    const other = (await signAccessToken({ ...claims, role: 'admin' }, key, 900)).token.split('.')[2];
    expect((await refusal(`${header}.${payload}.${other}`)).code).toBe('auth/token-invalid');
    expect((await refusal(`${header}.${payload}.`)).code).toBe('auth/token-invalid');
  });

  it('refuses a token that is not valid yet (nbf in the future, RFC 7519 §4.1.5)', async () => {
    const later = Math.floor(Date.now() / 1000) + 3_600;
    expect((await refusal(await forged((j) => j.setNotBefore(later).setExpirationTime(later + 600)))).code).toBe('auth/token-invalid');
  });

  it('refuses a token issued in the future (iat beyond the clock tolerance, RFC 7519 §4.1.6)', async () => {
    const later = Math.floor(Date.now() / 1000) + 3_600;
    expect((await refusal(await forged((j) => j.setIssuedAt(later).setExpirationTime(later + 600)))).code).toBe('auth/token-invalid');
  });

  it('refuses a tampered payload that escalates to another company as well as another role', async () => {
    const [header, payload, signature] = (await signAccessToken(claims, key, 900)).token.split('.');
    const body = JSON.parse(new TextDecoder().decode(base64url.decode(payload ?? ''))) as Record<string, unknown>;
    const moved = base64url.encode(JSON.stringify({ ...body, cid: '11111111-1111-4111-8111-111111111111', role: 'admin', exp: Number(body['exp']) + 86_400 }));
    expect((await refusal(`${header}.${moved}.${signature}`)).code).toBe('auth/token-invalid');
  });

  it('refuses a header that points at a key the attacker controls (jwk / jku / kid are not honoured)', async () => {
    const attackerKey = new Uint8Array(32).fill(9);
    const token = await new SignJWT({ cid: claims.companyId, role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'attacker', jku: 'https://evil.example/jwks.json' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(claims.userId)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(attackerKey);
    expect((await refusal(token)).code).toBe('auth/token-invalid');
  });
});

/** A token right in every claim, signed with `signingKey` under `alg`. */
async function forgedWith(signingKey: Parameters<SignJWT['sign']>[0], alg: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ cid: claims.companyId, role: 'admin' })
    .setProtectedHeader({ alg, typ: 'at+jwt' })
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setSubject(claims.userId)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(signingKey);
}
