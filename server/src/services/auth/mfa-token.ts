import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import { ACCESS_TOKEN_ISSUER } from './tokens';

/**
 * The token that carries a sign-in from the password step to the MFA step (issue 6). A JWT of its
 * own type and audience (RFC 8725 §3.11 explicit typing, §3.9 audience), signed with the access-token
 * key but never accepted as an access token (`typ` differs) nor the other way round. It lives
 * 5 minutes and names the person, the company and what it allows: `verify` (enter a code) or
 * `enrol` (the company requires MFA and the person has none yet). It need not be single-use: the
 * code it is exchanged with is (RFC 6238 §5.2), and the MFA throttle counts per person.
 */
export const MFA_TOKEN_TYPE = 'mfa+jwt';
export const MFA_TOKEN_AUDIENCE = 'atlas-mfa';
export const MFA_TOKEN_TTL_SECONDS = 300;
const ALGORITHM = 'HS256';

export type MfaPurpose = 'verify' | 'enrol';
export interface MfaTokenClaims {
  userId: string;
  companyId: string;
  purpose: MfaPurpose;
}

const payloadSchema = z.object({ sub: z.string().uuid(), cid: z.string().uuid(), pur: z.enum(['verify', 'enrol']) });

export async function signMfaToken(claims: MfaTokenClaims, key: Uint8Array, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + MFA_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ cid: claims.companyId, pur: claims.purpose })
    .setProtectedHeader({ alg: ALGORITHM, typ: MFA_TOKEN_TYPE })
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(MFA_TOKEN_AUDIENCE)
    .setSubject(claims.userId)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(crypto.randomUUID())
    .sign(key);
  return { token, expiresAt: new Date(exp * 1000) };
}

/** Verifies an MFA token for one purpose; throws `auth/mfa-token-invalid` (expired, forged, other purpose). */
export async function verifyMfaToken(token: string, key: Uint8Array, purpose: MfaPurpose, now: Date): Promise<MfaTokenClaims> {
  const invalid = (cause?: unknown) =>
    new AppError('auth/mfa-token-invalid', 'This sign-in step has expired or is not valid. Sign in again with your email and password.', { cause });
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: MFA_TOKEN_AUDIENCE,
      typ: MFA_TOKEN_TYPE,
      requiredClaims: ['sub', 'exp', 'iat'],
      currentDate: now,
      clockTolerance: 5,
    }));
  } catch (err) {
    throw invalid(err);
  }
  const claims = payloadSchema.safeParse(payload);
  if (!claims.success || claims.data.pur !== purpose) throw invalid();
  return { userId: claims.data.sub, companyId: claims.data.cid, purpose: claims.data.pur };
}
