import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import { signTypedJwt, verifyTypedJwt } from './typed-jwt';

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
const MFA_TOKEN = { typ: MFA_TOKEN_TYPE, audience: MFA_TOKEN_AUDIENCE };

export type MfaPurpose = 'verify' | 'enrol';
export interface MfaTokenClaims {
  userId: string;
  companyId: string;
  purpose: MfaPurpose;
}

const payloadSchema = z.object({ sub: z.string().uuid(), cid: z.string().uuid(), pur: z.enum(['verify', 'enrol']) });

export async function signMfaToken(claims: MfaTokenClaims, key: Uint8Array, now: Date): Promise<{ token: string; expiresAt: Date }> {
  return signTypedJwt(MFA_TOKEN, claims.userId, { cid: claims.companyId, pur: claims.purpose }, key, MFA_TOKEN_TTL_SECONDS, now);
}

/** Verifies an MFA token for one purpose; throws `auth/mfa-token-invalid` (expired, forged, other purpose). */
export async function verifyMfaToken(token: string, key: Uint8Array, purpose: MfaPurpose, now: Date): Promise<MfaTokenClaims> {
  const invalid = (cause?: unknown) =>
    new AppError('auth/mfa-token-invalid', 'This sign-in step has expired or is not valid. Sign in again with your email and password.', { cause });
  let payload: unknown;
  try {
    payload = await verifyTypedJwt(MFA_TOKEN, token, key, { maxAgeSeconds: MFA_TOKEN_TTL_SECONDS, now });
  } catch (err) {
    throw invalid(err);
  }
  const claims = payloadSchema.safeParse(payload);
  if (!claims.success || claims.data.pur !== purpose) throw invalid();
  return { userId: claims.data.sub, companyId: claims.data.cid, purpose: claims.data.pur };
}
