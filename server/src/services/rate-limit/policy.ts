import type { RateScope, RateSubject } from './rate-limiter';

/**
 * Which bucket a call draws from (issue 6). Procedures that check a secret — a password, a TOTP
 * or backup code, a refresh token, an invitation token — are where guessing happens, so they get
 * the tight `auth` limit (10/min) per IP and per account where the account is known; everything
 * else is the `api` limit (100/min) per signed-in user, or per IP for a caller not signed in.
 */
export const AUTH_PROCEDURES: ReadonlySet<string> = new Set([
  'auth.register',
  'auth.signIn',
  'auth.refresh',
  'auth.verifyMfa',
  'auth.mfaEnrolBegin',
  'auth.mfaEnrolConfirm',
  'auth.changePassword',
  'auth.mfaDisable',
  'auth.regenerateBackupCodes',
  'company.acceptInvite',
]);

export interface CallerFacts {
  /** Client address as app.ts determined it (TCP peer, or X-Forwarded-For behind a trusted proxy). */
  ip: string | null;
  /** Verified access-token claims, when a valid token was sent. */
  auth: { userId: string; companyId: string } | null;
  /** The raw input, for the account email of sign-in style calls (before validation: never trusted beyond a key). */
  rawInput?: unknown;
}

export function bucketFor(path: string, caller: CallerFacts): { scope: RateScope; subjects: RateSubject[] } {
  const subjects: RateSubject[] = [];
  if (AUTH_PROCEDURES.has(path)) {
    if (caller.ip) subjects.push({ kind: 'ip', ip: caller.ip });
    if (caller.auth) subjects.push({ kind: 'user', ...caller.auth });
    const email = emailOf(caller.rawInput);
    if (email) subjects.push({ kind: 'email', email });
    return { scope: 'auth', subjects };
  }
  if (caller.auth) subjects.push({ kind: 'user', ...caller.auth });
  else if (caller.ip) subjects.push({ kind: 'ip', ip: caller.ip });
  return { scope: 'api', subjects };
}

function emailOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('email' in raw)) return null;
  const email = (raw as { email: unknown }).email;
  // Bounded so a huge string is not hashed (the body limit is 1 MB anyway).
  return typeof email === 'string' && email.length > 0 && email.length <= 320 ? email : null;
}
