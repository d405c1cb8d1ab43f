import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The desktop's local replica (encrypted SQLite). The synced tables mirror the server's
 * Postgres tables column for column (server/src/db/schema/inventory.ts); the parity test
 * in src-main/db/schema-parity.test.ts fails when they drift. Dates are `YYYY-MM-DD` text.
 */
const synced = {
  companyId: text('company_id').notNull(),
  version: integer('version').notNull().default(0),
  deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
};

export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
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
    coldChain: integer('cold_chain', { mode: 'boolean' }).notNull().default(false),
    unit: text('unit').notNull().default('each'),
  },
  (t) => [index('products_company_version_idx').on(t.companyId, t.version)],
);

export const locations = sqliteTable(
  'locations',
  {
    id: text('id').primaryKey(),
    ...synced,
    warehouse: text('warehouse').notNull(),
    zone: text('zone'),
    bin: text('bin'),
  },
  (t) => [index('locations_company_version_idx').on(t.companyId, t.version)],
);

export const lots = sqliteTable(
  'lots',
  {
    id: text('id').primaryKey(),
    ...synced,
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    lotNumber: text('lot_number').notNull(),
    expiry: text('expiry').notNull(),
    manufacturedOn: text('manufactured_on'),
    status: text('status').notNull().default('available'),
  },
  (t) => [index('lots_company_version_idx').on(t.companyId, t.version)],
);

export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: text('id').primaryKey(),
    ...synced,
    lotId: text('lot_id')
      .notNull()
      .references(() => lots.id),
    locationId: text('location_id')
      .notNull()
      .references(() => locations.id),
    kind: text('kind').notNull(),
    quantity: integer('quantity').notNull(),
    reason: text('reason'),
    externalRef: text('external_ref'),
    createdBy: text('created_by'),
    occurredAt: text('occurred_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    index('stock_movements_company_version_idx').on(t.companyId, t.version),
    index('stock_movements_lot_location_idx').on(t.lotId, t.locationId),
  ],
);

/**
 * The signed-in account on this device. The refresh token is NOT here: it lives in the
 * OS keychain. Keeping the profile lets a warehouse terminal open offline.
 */
export const localSession = sqliteTable('local_session', {
  // A single row: this replica belongs to one account on one server.
  id: integer('id').primaryKey(),
  serverUrl: text('server_url').notNull(),
  userId: text('user_id').notNull(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  companyId: text('company_id').notNull(),
  companyName: text('company_name').notNull(),
  signedInAt: text('signed_in_at').notNull(),
});
