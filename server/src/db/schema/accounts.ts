import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { roleSchema, type Role } from '../../../../shared/auth/schemas';

const createdAt = timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** The plan a company is on; it sets monthly allowances such as AI calls (config `ai.monthlyQuota`). */
export const COMPANY_TIERS = ['free', 'team', 'enterprise'] as const;
export type CompanyTier = (typeof COMPANY_TIERS)[number];
const tiers = COMPANY_TIERS.map((t) => `'${t}'`).join(', ');

/** A tenant. Every tenant-owned row elsewhere carries `company_id` (Citus distribution key). */
export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    tier: text('tier').$type<CompanyTier>().notNull().default('free'),
    /** Admins can require MFA for everyone in the company (issue 6); sign-in then forces enrolment. */
    mfaRequired: boolean('mfa_required').notNull().default(false),
    /** Postal address, AES-256-GCM ciphertext (services/privacy/pii.ts); a sole trader's is personal data. */
    address: text('address'),
    /** Pharmacy / wholesale licence, DEA registration or EU WDA number, AES-256-GCM ciphertext. */
    licenceNumber: text('licence_number'),
    createdAt,
  },
  () => [check('companies_tier_check', sql.raw(`"tier" in (${tiers})`))],
);

/**
 * A person. Users are global (one sign-in across companies, joined through `memberships`), so
 * this is a reference table rather than a tenant table.
 *
 * Issue 6, Data protection: `email` holds AES-256-GCM ciphertext (`v1.<keyId>.<iv>.<ct‖tag>`, AAD
 * = column + user id), never the address in clear; `email_index` is its keyed blind index
 * (HMAC-SHA256 of the lower-cased address under a separate key), through which every lookup goes,
 * and its unique constraint is what decides a duplicate, not a prior SELECT. It is nullable only
 * so the migration can add it to existing rows: server start fills it (services/privacy/backfill.ts)
 * before serving, and every write sets it.
 */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  emailIndex: text('email_index').unique('users_email_index_unique'),
  name: text('name').notNull(),
  /** Optional phone number, AES-256-GCM ciphertext (auth.updateProfile). */
  phone: text('phone'),
  // PHC string from argon2id (RFC 9106), carries its own salt and parameters.
  passwordHash: text('password_hash').notNull(),
  createdAt,
});

const roles = roleSchema.options.map((r) => `'${r}'`).join(', ');

export const memberships = pgTable(
  'memberships',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').$type<Role>().notNull(),
    createdAt,
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
    check('memberships_role_check', sql.raw(`"role" in (${roles})`)),
  ],
);

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes so a database leak does not hand out
 * sessions. Tokens of one sign-in form a family: each refresh rotates the token (`used_at`,
 * `replaced_by`) and presenting a used token again revokes the whole family
 * (OAuth 2.0 Security BCP, RFC 9700 §4.14.2).
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull().unique('refresh_tokens_token_hash_unique'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt,
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    replacedBy: uuid('replaced_by'),
    /** The token this one was rotated from: retries of a lost refresh give it siblings. */
    parentId: uuid('parent_id'),
  },
  (t) => [
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_company_user_idx').on(t.companyId, t.userId),
    index('refresh_tokens_parent_idx').on(t.parentId),
  ],
);

/**
 * Secrets an instance generates for itself when the operator did not supply one (development
 * only), kept in the database so every server instance on the same Postgres uses the same value.
 */
export const instanceSecrets = pgTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt,
});
