import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { roleSchema, type Role } from '../../../../shared/auth/schemas';
import { companies, users } from './accounts';

/**
 * Identity (issue 6): MFA, trusted devices, MFA throttling and invitations. MFA belongs to the
 * person (users are global, one sign-in across companies), so the MFA tables are keyed by user,
 * not by company; invitations belong to a company.
 */
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One TOTP authenticator per person (RFC 6238). The secret is encrypted with field-crypto
 * (AES-256-GCM, key id, bound to this column and row) because it is a shared secret: whoever reads
 * it can compute codes (NIST SP 800-63B §5.1.4.2: secrets protected against disclosure).
 * `confirmed_at` is null while enrolment waits for its first code; `last_used_step` is the time
 * step of the last accepted code, and a code for that step or an earlier one is refused, so each
 * code works once only (RFC 6238 §5.2).
 */
export const userMfa = pgTable('user_mfa', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  totpSecret: text('totp_secret').notNull(),
  confirmedAt: at('confirmed_at'),
  lastUsedStep: integer('last_used_step'),
  createdAt: at('created_at').notNull().defaultNow(),
});

/**
 * Ten single-use recovery codes per person, kept only as a keyed hash (HMAC-SHA-256 under a key
 * derived from the data key, see services/auth/mfa.ts for why a fast hash suffices here).
 */
export const mfaBackupCodes = pgTable(
  'mfa_backup_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: at('used_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('mfa_backup_codes_user_idx').on(t.userId)],
);

/**
 * Computers a person chose to trust for 30 days: the MFA step is skipped there. The token is
 * 256 random bits held by the device; only its SHA-256 is stored (as for refresh tokens).
 */
export const trustedDevices = pgTable(
  'trusted_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull().unique('trusted_devices_token_hash_unique'),
    label: text('label').notNull(),
    expiresAt: at('expires_at').notNull(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('trusted_devices_user_idx').on(t.userId)],
);

/**
 * Failed MFA attempts, for the throttle (RFC 6238 §5.2, NIST SP 800-63B §5.2.2): at most 5 per
 * 5 minutes per person. In the database, not process memory, so it holds across server instances.
 */
export const mfaFailures = pgTable(
  'mfa_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    failedAt: at('failed_at').notNull(),
  },
  (t) => [index('mfa_failures_user_failed_idx').on(t.userId, t.failedAt)],
);

const roles = roleSchema.options.map((r) => `'${r}'`).join(', ');

/**
 * An admin's invitation to join the company with a role. The link's token is shown once to the
 * admin; only its SHA-256 is stored. Valid 7 days, once; revocable.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** AES-256-GCM ciphertext (AAD = column + invitation id); `email_index` is its blind index (see users). */
    email: text('email').notNull(),
    emailIndex: text('email_index'),
    role: text('role').$type<Role>().notNull(),
    tokenHash: text('token_hash').notNull().unique('invitations_token_hash_unique'),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    expiresAt: at('expires_at').notNull(),
    acceptedAt: at('accepted_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    revokedAt: at('revoked_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('invitations_company_idx').on(t.companyId, t.createdAt), index('invitations_email_index_idx').on(t.emailIndex), check('invitations_role_check', sql.raw(`"role" in (${roles})`))],
);
