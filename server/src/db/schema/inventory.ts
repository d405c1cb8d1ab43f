import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from './accounts';

/**
 * Synced inventory tables (server side). Every row carries `company_id` (tenant key, ready for
 * Citus distribution), `version` (from the per-company counter, see ../../../../shared sync design)
 * and a tombstone flag. Stock quantities are never stored: they are the sum of `stock_movements`.
 * The desktop replica has the same tables in SQLite (src-main/db/schema.ts); a parity test keeps
 * the two in step.
 */
const synced = {
  companyId: uuid('company_id')
    .notNull()
    .references(() => companies.id),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  deleted: boolean('deleted').notNull().default(false),
};

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey(),
    ...synced,
    ndc11: text('ndc11'),
    gtin: text('gtin'),
    name: text('name').notNull(),
    genericName: text('generic_name'),
    manufacturer: text('manufacturer'),
    strength: text('strength'),
    dosageForm: text('dosage_form'),
    category: text('category'),
    schedule: text('schedule'),
    coldChain: boolean('cold_chain').notNull().default(false),
    unit: text('unit').notNull().default('each'),
  },
  (t) => [index('products_company_version_idx').on(t.companyId, t.version)],
);

export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey(),
    ...synced,
    warehouse: text('warehouse').notNull(),
    zone: text('zone'),
    bin: text('bin'),
  },
  (t) => [index('locations_company_version_idx').on(t.companyId, t.version)],
);

export const lots = pgTable(
  'lots',
  {
    id: uuid('id').primaryKey(),
    ...synced,
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    // Kept exactly as written: leading zeros and slashes are significant on a label.
    lotNumber: text('lot_number').notNull(),
    // Date-only columns: an expiry is a calendar date, no time zone may shift it a day.
    expiry: date('expiry', { mode: 'string' }).notNull(),
    manufacturedOn: date('manufactured_on', { mode: 'string' }),
    status: text('status').notNull().default('available'),
  },
  (t) => [index('lots_company_version_idx').on(t.companyId, t.version)],
);

export const stockMovements = pgTable(
  'stock_movements',
  {
    id: uuid('id').primaryKey(),
    ...synced,
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    kind: text('kind').notNull(),
    // Signed delta in the product's unit; levels are derived, never written.
    quantity: integer('quantity').notNull(),
    reason: text('reason'),
    // Reference in an outside system (ERP document, supplier ASN) so connectors post idempotently.
    externalRef: text('external_ref'),
    // GS1 AI (21) serial of the pack scanned at receipt (DSCSA product identifier).
    serial: text('serial'),
    // The movement took the level below zero: accepted (the boxes moved) and flagged for a supervisor.
    discrepancy: boolean('discrepancy').notNull().default(false),
    createdBy: uuid('created_by'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index('stock_movements_company_version_idx').on(t.companyId, t.version),
    index('stock_movements_lot_location_idx').on(t.lotId, t.locationId),
  ],
);
