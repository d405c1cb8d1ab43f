import { bigint, customType, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from './accounts';

/** bytea as Uint8Array on both drivers (node-postgres hands back a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * A company's append-only log (issue 5, Ledger): the leaves of its RFC 6962 Merkle tree, in
 * order. `canonical` is the exact RFC 8785 text that was hashed (jsonb re-orders and re-spaces
 * keys, so it cannot be re-hashed); `entry` is the same value for querying. UPDATE, DELETE and
 * TRUNCATE are refused by triggers (migration `ledger_append_only`).
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** 0-based leaf index in the company's tree. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    entry: jsonb('entry').notNull(),
    canonical: text('canonical').notNull(),
    /** SHA-256(0x00 ‖ canonical UTF-8), RFC 6962 §2.1. */
    leafHash: bytea('leaf_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.seq] })],
);

/** Every tree head the server signed: one per append, so any earlier size a client holds can be proven consistent. */
export const ledgerTreeHeads = pgTable(
  'ledger_tree_heads',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
    rootHash: bytea('root_hash').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Ed25519 over canonicalJson({ companyId, treeSize, rootHash: base64, signedAt }). */
    signature: bytea('signature').notNull(),
    /** Fingerprint of the server key that signed (shared/signing fingerprint). */
    keyId: text('key_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.treeSize] }), index('ledger_tree_heads_signed_at_idx').on(t.companyId, t.signedAt)],
);
