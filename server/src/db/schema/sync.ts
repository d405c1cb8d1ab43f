import { bigint, pgTable, uuid } from 'drizzle-orm/pg-core';
import { companies } from './accounts';

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
