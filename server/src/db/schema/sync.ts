import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies, users } from './accounts';

/**
 * The per-company sync counter: every synced row written for a company takes the next value, and
 * clients pull "everything above my cursor". One row per company, bumped with
 * `UPDATE ... RETURNING` inside the writing transaction so versions are gap-tolerant but ordered.
 */
export const companyVersions = pgTable('company_versions', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

/**
 * One row per sync client (a replica × company): the last `seq` applied, bumped in the same
 * transaction as the mutation it acknowledges, so "applied" and "remembered as applied" cannot
 * disagree after a crash (the Replicache lastMutationID rule).
 */
export const syncClients = pgTable('sync_clients', {
  clientId: uuid('client_id').primaryKey(),
  companyId: uuid('company_id')
    .notNull()
    .references(() => companies.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every pushed mutation and its outcome; a repeat push is answered from here (exactly once). */
export const syncMutations = pgTable(
  'sync_mutations',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => syncClients.clientId),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    // Not unique: a push is idempotent by (client_id, seq) (SYNC.md); the id is the client's label.
    // A database-wide unique id let one company learn, by a 500, that an id exists in another.
    mutationId: uuid('mutation_id').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    args: jsonb('args').notNull(),
    status: text('status', { enum: ['applied', 'rejected'] }).notNull(),
    version: bigint('version', { mode: 'number' }),
    error: jsonb('error'),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.seq] }), index('sync_mutations_company_idx').on(t.companyId)],
);
