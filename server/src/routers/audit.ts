import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { auditListInput, auditListOutput, type AuditEventView } from '../../../shared/auth/mfa-schemas';
import type { Role } from '../../../shared/auth/schemas';
import { AppError } from '../../../shared/errors';
import type { Database } from '../db/client';
import { auditEvents, memberships, users } from '../db/schema/index';
import { authedProcedure, router } from '../trpc';

/** Who may read the company's security audit trail (OWASP ASVS 5.0 7.3: logs protected from unauthorised access). */
const READERS: ReadonlySet<Role> = new Set(['admin', 'auditor']);

/**
 * The admin screen's list of security audit events (issue 6). Only the caller's company is ever
 * read. The role comes from `memberships` at the time of the call, not from the access token, so a
 * demoted or removed member loses access at once rather than when the token expires.
 */
export const auditRouter = router({
  list: authedProcedure
    .input(auditListInput)
    .output(auditListOutput)
    .query(async ({ ctx, input }) => {
      await requireReader(ctx.db, ctx.auth.companyId, ctx.auth.userId);
      const where: (SQL | undefined)[] = [eq(auditEvents.companyId, ctx.auth.companyId)];
      if (input.kinds && input.kinds.length > 0) where.push(inArray(auditEvents.kind, input.kinds));
      if (input.severity) where.push(eq(auditEvents.severity, input.severity));
      if (input.userId) where.push(eq(auditEvents.userId, input.userId));
      if (input.from) where.push(gte(auditEvents.createdAt, new Date(input.from)));
      if (input.to) where.push(lte(auditEvents.createdAt, new Date(input.to)));
      if (input.cursor) {
        // Keyset paging on (created_at, id), newest first. The cursor is the id of the last event
        // of the previous page; its timestamp is read back from the row so the comparison keeps
        // the database's microseconds (a JS Date would round them to milliseconds and skip rows).
        const [after] = await ctx.db
          .select({ id: auditEvents.id })
          .from(auditEvents)
          .where(and(eq(auditEvents.id, cursorId(input.cursor)), eq(auditEvents.companyId, ctx.auth.companyId)));
        if (!after) throw new AppError('validation/invalid-input', 'cursor: this cursor is not from this list; start again without a cursor.', { issues: [{ path: 'cursor', message: 'Not a cursor from this list.' }] });
        where.push(sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (select a.created_at, a.id from audit_events a where a.id = ${after.id})`);
      }
      const rows = await ctx.db
        .select({
          id: auditEvents.id,
          createdAt: auditEvents.createdAt,
          kind: auditEvents.kind,
          severity: auditEvents.severity,
          userId: auditEvents.userId,
          name: users.name,
          email: users.email,
          ip: auditEvents.ip,
          userAgent: auditEvents.userAgent,
          requestId: auditEvents.requestId,
          details: auditEvents.details,
        })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.userId))
        .where(and(...where))
        .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
        .limit(input.limit + 1);
      const page = rows.slice(0, input.limit);
      const events: AuditEventView[] = page.map((r) => ({
        id: r.id,
        at: r.createdAt.toISOString(),
        kind: r.kind,
        severity: r.severity,
        actor: { userId: r.userId, name: r.name, email: r.userId && r.email !== null ? ctx.services.pii.open('users.email', r.userId, r.email) : null },
        ip: r.ip,
        userAgent: r.userAgent,
        requestId: r.requestId,
        details: r.details,
      }));
      const last = page.at(-1);
      return { events, nextCursor: rows.length > input.limit && last ? last.id : null };
    }),
});

async function requireReader(db: Database, companyId: string, userId: string): Promise<void> {
  const [membership] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.companyId, companyId), eq(memberships.userId, userId)));
  if (!membership || !READERS.has(membership.role)) {
    throw new AppError('auth/forbidden', 'Only an admin or an auditor of this company can read its audit events.');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function cursorId(cursor: string): string {
  if (!UUID.test(cursor)) throw new AppError('validation/invalid-input', 'cursor: use the nextCursor of the previous page.', { issues: [{ path: 'cursor', message: 'Not a cursor from this list.' }] });
  return cursor;
}
