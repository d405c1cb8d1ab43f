import { errors } from 'jose';
import { z } from 'zod';
import { roleSchema, type Role } from '../../../../shared/auth/schemas';
import { AppError } from '../../../../shared/errors';
import { JWT_ISSUER, signTypedJwt, verifyTypedJwt } from './typed-jwt';

/**
 * Access tokens: short-lived HS256 JWTs following the JWT BCP (RFC 8725) and the access-token
 * profile (RFC 9068). Every check that RFC 8725 asks for is explicit on verify:
 * - §3.1/§2.1 the algorithm is pinned to HS256, so `alg: none` and algorithm swaps are refused;
 * - §3.9 issuer and audience are checked;
 * - §3.11 explicit typing: the `typ` header must be `at+jwt` (RFC 9068 §2.1), so another kind of
 *   JWT signed with the same key cannot be replayed as an access token.
 */
export const ACCESS_TOKEN_ISSUER = JWT_ISSUER;
export const ACCESS_TOKEN_AUDIENCE = 'atlas-api';
export const ACCESS_TOKEN_TYPE = 'at+jwt';
const ACCESS_TOKEN = { typ: ACCESS_TOKEN_TYPE, audience: ACCESS_TOKEN_AUDIENCE };

export interface AccessClaims {
  userId: string;
  companyId: string;
  role: Role;
  /**
   * The sign-in (refresh-token family) the token belongs to, as the `sid` claim: authenticate()
   * refuses a token whose sign-in was ended, so sign-out and "sign out everywhere" take effect at
   * once rather than when the access token expires (issue 6).
   */
  sessionId?: string;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

const payloadSchema = z.object({
  sub: z.string().uuid(),
  cid: z.string().uuid(),
  role: roleSchema,
  sid: z.string().uuid().optional(),
});

export async function signAccessToken(claims: AccessClaims, key: Uint8Array, ttlSeconds: number, now = new Date()): Promise<IssuedAccessToken> {
  return signTypedJwt(ACCESS_TOKEN, claims.userId, { cid: claims.companyId, role: claims.role, ...(claims.sessionId ? { sid: claims.sessionId } : {}) }, key, ttlSeconds, now);
}

/** Verifies an access token; throws `auth/token-expired` or `auth/token-invalid`. */
export async function verifyAccessToken(token: string, key: Uint8Array): Promise<AccessClaims> {
  let payload: unknown;
  try {
    // The longest lifetime config allows (ATLAS_ACCESS_TOKEN_TTL_SECONDS ≤ 86,400).
    payload = await verifyTypedJwt(ACCESS_TOKEN, token, key, { maxAgeSeconds: 86_400 });
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new AppError('auth/token-expired', 'Your session has expired. Sign in again.', { cause: err });
    throw new AppError('auth/token-invalid', 'The access token is not valid. Sign in again.', { cause: err });
  }
  const claims = payloadSchema.safeParse(payload);
  if (!claims.success) throw new AppError('auth/token-invalid', 'The access token is not valid. Sign in again.');
  const { sub, cid, role, sid } = claims.data;
  return sid ? { userId: sub, companyId: cid, role, sessionId: sid } : { userId: sub, companyId: cid, role };
}
