import { toAppError } from '../../app/app-error';

/**
 * A refusal that says when to try again: too many MFA attempts (RFC 6238 §5.2 throttling, 5 per
 * 5 minutes) or an empty rate-limit bucket. `until` is a wall-clock time in milliseconds.
 */
export interface Lockout {
  until: number;
  /** The wait as the server gave it, for the one-time spoken announcement. */
  seconds: number;
  message: string;
}

export function lockoutOf(err: unknown, now: number): Lockout | null {
  const app = toAppError(err);
  if (app.code !== 'auth/mfa-locked' && app.code !== 'rate-limit/exceeded') return null;
  // No Retry-After from the server: assume the whole MFA window rather than nothing.
  const seconds = Math.max(1, Math.ceil(app.retryAfterSeconds ?? 300));
  return { until: now + seconds * 1000, seconds, message: app.message };
}

/** "4:32" (minutes and seconds), "1:02:05" past an hour; never negative. */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

/** Spoken form for screen readers, e.g. "4 minutes 32 seconds". */
export function spokenWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const m = Math.floor(s / 60);
  const r = s % 60;
  const parts = [m > 0 ? `${m} minute${m === 1 ? '' : 's'}` : null, r > 0 || m === 0 ? `${r} second${r === 1 ? '' : 's'}` : null];
  return parts.filter(Boolean).join(' ');
}
