import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SerializedError } from '../../../../shared/errors';
import type { DocumentType } from '../../../../shared/qa/content';
import type { VersionStatus } from '../../../../shared/qa/ledger-entry';
import type { Policy } from '../../../../shared/qa/policy';
import type { DocumentState } from '../../../../shared/qa/state';
import { companies, users } from './accounts';

/**
 * QA documents (issue 5). The ledger (`ledger_entries`) is the record; these tables are
 * projections of it, written in the same transaction as each append, so the server can decide the
 * next op and answer queries without folding the whole ledger. They can always be rebuilt from it.
 */

/**
 * Every pushed QA op and its outcome, keyed by the client-made opId: a repeated push (lost
 * response, retry) is answered from here and applies nothing twice.
 */
export const qaOps = pgTable(
  'qa_ops',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    opId: uuid('op_id').notNull(),
    status: text('status', { enum: ['applied', 'rejected'] }).notNull(),
    /** The ledger index of the entry it produced (applied only). */
    seq: bigint('seq', { mode: 'number' }),
    /** The AppError it was refused with (rejected only). */
    error: jsonb('error').$type<SerializedError>(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.opId] }),
    check('qa_ops_outcome_check', sql`("status" = 'applied' and "seq" is not null and "error" is null) or ("status" = 'rejected' and "seq" is null and "error" is not null)`),
  ],
);

/**
 * Registered signing keys (projection of `key.registered` / `key.revoked`). Only public keys:
 * private keys never leave the signer's computer (21 CFR 11.300: controls for identification codes).
 */
export const signingKeys = pgTable(
  'signing_keys',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** shared/signing fingerprint() of the public key. */
    keyId: text('key_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    printedName: text('printed_name').notNull(),
    /** Raw 32-byte Ed25519 public key, standard base64 (as in the ledger entry). */
    publicKey: text('public_key').notNull(),
    registeredSeq: bigint('registered_seq', { mode: 'number' }).notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }).notNull(),
    retiredSeq: bigint('retired_seq', { mode: 'number' }),
    revokedSeq: bigint('revoked_seq', { mode: 'number' }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.keyId] }), index('signing_keys_user_idx').on(t.companyId, t.userId)],
);

/** One row per document: its folded state (shared/qa/state.ts DocumentState) plus columns to list by. */
export const qaDocuments = pgTable(
  'qa_documents',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    documentId: uuid('document_id').notNull(),
    type: text('type').$type<DocumentType>().notNull(),
    title: text('title').notNull(),
    /** Status of the current (latest) version. */
    status: text('status').$type<VersionStatus>().notNull(),
    currentVersion: integer('current_version').notNull(),
    state: jsonb('state').$type<DocumentState>().notNull(),
    /** Ledger index of the last entry folded in. */
    updatedSeq: bigint('updated_seq', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.documentId] }), index('qa_documents_status_idx').on(t.companyId, t.type, t.status)],
);

/** The company's signature policy (projection of `policy.set`); no row means DEFAULT_POLICY. */
export const qaPolicies = pgTable('qa_policies', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  policy: jsonb('policy').$type<Policy>().notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
});
