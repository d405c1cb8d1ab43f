import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The desktop's local replica (encrypted SQLite). The synced tables mirror the server's
 * Postgres tables column for column (server/src/db/schema/inventory.ts); the parity test
 * in src-main/db/schema-parity.test.ts fails when they drift. Dates are `YYYY-MM-DD` text.
 * No foreign keys between synced tables: pulls arrive in version order, so a movement may land
 * before the newer version of its lot; the server is where referential integrity is enforced.
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
    productId: text('product_id').notNull(),
    lotNumber: text('lot_number').notNull(),
    expiry: text('expiry').notNull(),
    manufacturedOn: text('manufactured_on'),
    status: text('status').notNull().default('available'),
  },
  (t) => [
    index('lots_company_version_idx').on(t.companyId, t.version),
    // The stock list reads lots soonest-expiry first and stops at its cap (stock-query.ts); over a
    // million lots, summing every line and sorting them took 4 s, and one product's lines 2 s.
    index('lots_company_expiry_idx').on(t.companyId, t.expiry),
    index('lots_product_idx').on(t.productId),
    // Lots on hold (quarantined, recalled, damaged, expired) are few, so the list filtered by one
    // of those statuses walks these alone; an import, all available lots, never writes to it.
    index('lots_held_expiry_idx').on(t.companyId, t.expiry).where(sql`${t.status} <> 'available'`),
  ],
);

export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: text('id').primaryKey(),
    ...synced,
    lotId: text('lot_id').notNull(),
    locationId: text('location_id').notNull(),
    kind: text('kind').notNull(),
    quantity: integer('quantity').notNull(),
    reason: text('reason'),
    externalRef: text('external_ref'),
    serial: text('serial'),
    discrepancy: integer('discrepancy', { mode: 'boolean' }).notNull().default(false),
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

/**
 * The outbox: every local mutation, written in the same SQLite transaction as its optimistic
 * effect (SYNC.md), so a crash can lose neither one without the other. `seq` is contiguous per
 * client; rows leave only when the server has acknowledged them (applied or rejected).
 */
export const outbox = sqliteTable('outbox', {
  seq: integer('seq').primaryKey(),
  mutationId: text('mutation_id').notNull().unique(),
  companyId: text('company_id').notNull(),
  name: text('name').notNull(),
  args: text('args', { mode: 'json' }).notNull(),
  schemaVersion: integer('schema_version').notNull(),
  createdAt: text('created_at').notNull(),
});

/** Per company on this replica: the sync client id, the pull cursor and the last outcome. */
export const syncState = sqliteTable('sync_state', {
  companyId: text('company_id').primaryKey(),
  clientId: text('client_id').notNull(),
  cursor: integer('cursor').notNull().default(0),
  /** The last seq handed to a mutation; never reused, even after its outbox row is gone. */
  lastSeq: integer('last_seq').notNull().default(0),
  lastSyncAt: text('last_sync_at'),
  lastError: text('last_error', { mode: 'json' }),
});

/** Mutations the server refused, kept so the user sees what was not accepted and why. */
export const syncRejections = sqliteTable('sync_rejections', {
  mutationId: text('mutation_id').primaryKey(),
  companyId: text('company_id').notNull(),
  name: text('name').notNull(),
  args: text('args', { mode: 'json' }).notNull(),
  code: text('code').notNull(),
  message: text('message').notNull(),
  rejectedAt: text('rejected_at').notNull(),
});

/**
 * The server's version of a row this replica changed optimistically, saved before the first
 * local change, so a pull can put the authoritative row back before re-applying what is still
 * pending (a rebase: SYNC.md "drops acknowledged outbox rows and re-applies the rest").
 */
export const rebaseBackup = sqliteTable('rebase_backup', {
  tableName: text('table_name').notNull(),
  id: text('id').notNull(),
  row: text('row', { mode: 'json' }).notNull(),
}, (t) => [primaryKey({ columns: [t.tableName, t.id] })]);

/**
 * Spreadsheet imports made on this device (issue 4): what file, which mapping, how many rows went
 * in or were refused, who and when. Local records (the movements they produced sync with
 * `external_ref = import:<id> row <n>`); `status` is 'committing' while batches are being
 * written, so a crash shows up as 'interrupted' rather than as a finished import; likewise
 * 'undoing' becomes 'undo-interrupted' (import-undo.ts).
 */
export const imports = sqliteTable(
  'imports',
  {
    id: text('id').primaryKey(),
    companyId: text('company_id').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileBytes: integer('file_bytes').notNull(),
    format: text('format').notNull(),
    sheet: text('sheet'),
    headerRow: integer('header_row').notNull(),
    mapping: text('mapping', { mode: 'json' }).notNull(),
    mappingPath: text('mapping_path').notNull(),
    mode: text('mode').notNull(),
    rowsTotal: integer('rows_total').notNull(),
    rowsValid: integer('rows_valid').notNull(),
    rowsInvalid: integer('rows_invalid').notNull(),
    rowsImported: integer('rows_imported').notNull().default(0),
    rowsSkipped: integer('rows_skipped').notNull().default(0),
    status: text('status').notNull(),
    createdBy: text('created_by').notNull(),
    /** The person's name when they imported (a shared terminal's history says who, offline too). */
    createdByName: text('created_by_name'),
    createdAt: text('created_at').notNull(),
    finishedAt: text('finished_at'),
    undoneAt: text('undone_at'),
    undoneBy: text('undone_by'),
    undoneByName: text('undone_by_name'),
  },
  (t) => [index('imports_company_created_idx').on(t.companyId, t.createdAt)],
);

/**
 * The movements one committed batch of an import produced, as JSON `[[row, movementId], …]`, so
 * an undo can compensate them (the lot, location and quantity are read back from the movement),
 * one batch per transaction.
 * One row per replica transaction, not per line: a 100,000-row import wrote 100,000 index
 * entries here for data it already holds in stock_movements. Keyed by the batch's first row.
 */
export const importBatches = sqliteTable(
  'import_batches',
  {
    importId: text('import_id').notNull(),
    firstRow: integer('first_row').notNull(),
    lines: text('lines').notNull(),
    /** Set in the transaction that takes this batch back: an undo stopped part way resumes after it. */
    undoneAt: text('undone_at'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.firstRow] })],
);

/** Mapping memory: the same header set from the same company maps the same way next time. */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    companyId: text('company_id').notNull(),
    headerKey: text('header_key').notNull(),
    mapping: text('mapping', { mode: 'json' }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.headerKey] })],
);

/**
 * QA documents (issue 5): desktop-only tables, no server twin (the server keeps its ledger in
 * ledger_entries and its own projections). `qa_ledger` is this computer's VERIFIED copy of the
 * company's RFC 6962 ledger: rows enter only after the signed tree head and the consistency proof
 * from the last verified head have been checked (src-main/core/qa/ledger-verifier.ts), and are
 * never changed afterwards. `canonical` is the exact RFC 8785 JSON that was hashed; `leaf_hash`
 * is SHA-256(0x00 ‖ canonical) (RFC 6962 §2.1), kept so the tree is rebuilt without re-hashing.
 */
export const qaLedger = sqliteTable(
  'qa_ledger',
  {
    companyId: text('company_id').notNull(),
    seq: integer('seq').notNull(),
    canonical: text('canonical').notNull(),
    leafHash: blob('leaf_hash', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.seq] })],
);

/**
 * The last tree head this computer verified, per company, and the server ledger key pinned on
 * first use: a later head signed by another key, a smaller tree (rollback) or one that is not an
 * extension of this one (fork) is refused and this row stays as it was.
 */
export const qaTreeHead = sqliteTable('qa_tree_head', {
  companyId: text('company_id').primaryKey(),
  treeHead: text('tree_head', { mode: 'json' }).notNull(),
  serverPublicKey: text('server_public_key').notNull(),
  serverKeyId: text('server_key_id').notNull(),
  verifiedAt: text('verified_at').notNull(),
});

/**
 * A ledger the server sent that failed verification (fork, rollback, re-signed head, changed server
 * key), per company. Kept on disk so a restart does not forget it: until a pull verifies again,
 * this computer hands no signature to that server (qa-sync.ts).
 */
export const qaLedgerProblems = sqliteTable('qa_ledger_problems', {
  companyId: text('company_id').primaryKey(),
  error: text('error', { mode: 'json' }).notNull(),
  detectedAt: text('detected_at').notNull(),
});

/**
 * QA ops made on this computer and not yet accepted into the server's ledger (key registrations,
 * new versions, signatures), pushed in `local_seq` order. An op the server refuses stays here as
 * 'rejected' with the server's error so the person sees it. Holds public keys and signatures only:
 * the private signing key never enters the replica (issue 5, Keys).
 */
export const qaPendingOps = sqliteTable(
  'qa_pending_ops',
  {
    opId: text('op_id').primaryKey(),
    companyId: text('company_id').notNull(),
    /** Whose op it is: on a shared terminal each person's queue is pushed only under their own session. */
    userId: text('user_id').notNull(),
    localSeq: integer('local_seq').notNull(),
    op: text('op', { mode: 'json' }).notNull(),
    status: text('status').notNull().default('pending'),
    error: text('error', { mode: 'json' }),
    summary: text('summary').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('qa_pending_ops_company_seq_idx').on(t.companyId, t.localSeq)],
);
