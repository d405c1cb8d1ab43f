import type { AuditKind } from '../../../../shared/auth/mfa-schemas';
import type { Executor } from '../../db/client';
import { auditEvents } from '../../db/schema/index';

/** Where a request came from, as the HTTP layer saw it (tRPC context carries it). */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AuditEventInput {
  kind: AuditKind;
  severity?: 'info' | 'warning' | 'critical';
  companyId?: string | null;
  userId?: string | null;
  origin?: Partial<RequestOrigin>;
  /** No secrets and no personal data in clear (ASVS 7.1.1): ids, counts, reasons. */
  details?: Record<string, unknown>;
}

/** Default severity per kind: failures and lockouts stand out on the admin screen. */
const SEVERITY: Partial<Record<AuditKind, 'warning' | 'critical'>> = {
  'auth.sign-in.failed': 'warning',
  'auth.mfa.failed': 'warning',
  'auth.mfa.locked': 'critical',
  'auth.refresh-reused': 'critical',
  'auth.mfa.disabled': 'warning',
  'security.rate-limited': 'warning',
  'security.blocked': 'critical',
};

/**
 * Records one security audit event (issue 6, OWASP ASVS 7.2). Written in the caller's transaction
 * when there is one, so an event exists exactly when what it records happened; a failure to
 * record fails the operation rather than letting it pass unrecorded.
 */
export async function recordAudit(db: Executor, event: AuditEventInput): Promise<void> {
  await db.insert(auditEvents).values({
    kind: event.kind,
    severity: event.severity ?? SEVERITY[event.kind] ?? 'info',
    companyId: event.companyId ?? null,
    userId: event.userId ?? null,
    ip: truncate(event.origin?.ip, 64),
    userAgent: truncate(event.origin?.userAgent, 300),
    requestId: truncate(event.origin?.requestId, 100),
    details: event.details ?? {},
  });
}

function truncate(value: string | null | undefined, max: number): string | null {
  return value ? value.slice(0, max) : null;
}
