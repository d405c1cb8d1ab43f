import type { RateScope, RateSubject } from './rate-limiter';

/**
 * Which bucket a call draws from (issue 6). Procedures that check a secret — a password, a TOTP
 * or backup code, a refresh token, an invitation token — are where guessing happens, so they get
 * the tight `auth` limit (10/min) per IP and per account where the account is known; everything
 * else is the `api` limit (100/min) per signed-in user, or per IP for a caller not signed in —
 * except sync, which has its own (SYNC_PROCEDURES).
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

/**
 * Sync's own bucket: a desktop uploading a 100,000-row import sends 200+ pushes back to back.
 * Refusals there slow the client down (it waits out Retry-After) but never block the account:
 * the caller is signed in and sending its own company's work, not guessing anything.
 */
export const SYNC_PROCEDURES: ReadonlySet<string> = new Set(['sync.push', 'sync.pull', 'qa.push', 'qa.pull']);

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
  // Only a signed-in caller syncs; without a valid token the call is counted as any other.
  return { scope: SYNC_PROCEDURES.has(path) && caller.auth ? 'sync' : 'api', subjects };
}

function emailOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('email' in raw)) return null;
  const email = (raw as { email: unknown }).email;
  // Bounded so a huge string is not hashed (the body limit is 1 MB anyway).
  return typeof email === 'string' && email.length > 0 && email.length <= 320 ? email : null;
}
