import type { AuditKind } from '../../../shared/auth/mfa-schemas';

/** What each audit event kind means, in words for the "Security events" screen. */
export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  'auth.sign-in.succeeded': 'Signed in',
  'auth.sign-in.failed': 'Sign-in failed',
  'auth.sign-out': 'Signed out',
  'auth.sign-out-everywhere': 'Signed out everywhere',
  'auth.refresh-reused': 'Old session token reused (session ended)',
  'auth.password-changed': 'Password changed',
  'auth.mfa.enrolled': 'Two-step verification set up',
  'auth.mfa.verified': 'Two-step code accepted',
  'auth.mfa.failed': 'Two-step code refused',
  'auth.mfa.locked': 'Two-step locked (too many codes)',
  'auth.mfa.backup-code-used': 'Backup code used',
  'auth.mfa.disabled': 'Two-step verification turned off',
  'auth.device.trusted': 'Computer trusted',
  'auth.device.revoked': 'Trusted computer removed',
  'company.member-invited': 'Member invited',
  'company.member-joined': 'Member joined',
  'company.role-changed': 'Role changed',
  'company.member-removed': 'Member removed',
  'company.mfa-required-changed': 'Company MFA rule changed',
  'security.rate-limited': 'Rate limit hit',
  'security.blocked': 'Blocked for repeated violations',
  'data.pii-read': 'Personal data read',
  'data.export': 'Data exported',
  'data.pii-changed': 'Personal data changed',
};

/** A compact "key: value" line of an event's details, for the table (the full JSON is in the row's title). */
export function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

/** A local calendar date (yyyy-mm-dd from a date input) as the UTC instant it starts or ends at. */
export function dayBoundary(date: string, edge: 'start' | 'end'): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = edge === 'start' ? new Date(y, m - 1, d, 0, 0, 0, 0) : new Date(y, m - 1, d, 23, 59, 59, 999);
  return Number.isNaN(local.getTime()) ? undefined : local.toISOString();
}
