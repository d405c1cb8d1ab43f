import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { AUDIT_SEVERITIES, type AuditKind } from '../../../../shared/auth/mfa-schemas';
import { companies, users } from './accounts';

const severities = AUDIT_SEVERITIES.map((s) => `'${s}'`).join(', ');

/**
 * Security audit events (issue 6): authentication, security, access to personal data, exports.
 * Append-only by use (no code path updates or deletes them); kept per company for the admin
 * screen. `company_id` is null for events with no company yet (a failed sign-in of an unknown
 * email). Personal data in `details` is avoided: who is `user_id`, never an email in clear.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').references(() => companies.id),
    userId: uuid('user_id').references(() => users.id),
    kind: text('kind').$type<AuditKind>().notNull(),
    severity: text('severity').$type<(typeof AUDIT_SEVERITIES)[number]>().notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_events_company_created_idx').on(t.companyId, t.createdAt),
    index('audit_events_user_created_idx').on(t.userId, t.createdAt),
    check('audit_events_severity_check', sql.raw(`"severity" in (${severities})`)),
  ],
);

/**
 * Token buckets for rate limiting, shared by every server instance (issue 6: limits must hold
 * across instances, so they live in Postgres, not process memory). `key` is e.g. `ip:auth:1.2.3.4`
 * or `user:api:<uuid>`; a request takes a token in one UPDATE that also refills by elapsed time.
 */
export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  key: text('key').primaryKey(),
  tokens: doublePrecision('tokens').notNull(),
  refilledAt: timestamp('refilled_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Repeated violators: violations counted in a window; past a threshold the key is blocked until `blocked_until`. */
export const rateLimitBlocks = pgTable('rate_limit_blocks', {
  key: text('key').primaryKey(),
  violations: integer('violations').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true, mode: 'date' }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true, mode: 'date' }),
});
