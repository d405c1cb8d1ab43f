import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { pgSchema, text } from 'drizzle-orm/pg-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from './client';
import { MIGRATIONS_DIR, migrateDatabase } from './migrate';
import { companies } from './schema/index';

const infoColumns = pgSchema('information_schema').table('columns', {
  tableSchema: text('table_schema'),
  tableName: text('table_name'),
  columnName: text('column_name'),
});

let database: OpenDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

async function columns(db: OpenDatabase): Promise<Map<string, Set<string>>> {
  const rows = await db.db
    .select({ table: infoColumns.tableName, column: infoColumns.columnName })
    .from(infoColumns)
    .where(eq(infoColumns.tableSchema, 'public'));
  const byTable = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.table || !row.column) continue;
    const set = byTable.get(row.table) ?? new Set<string>();
    set.add(row.column);
    byTable.set(row.table, set);
  }
  return byTable;
}

describe('migrations', () => {
  it('apply to a fresh PGlite and create every table', async () => {
    database = await openDatabase({ pgliteDir: 'memory://', databaseUrl: undefined });
    await migrateDatabase(database);
    const tables = await columns(database);
    expect([...tables.keys()].sort()).toEqual(
      [
        'ai_usage',
        'audit_events',
        'companies',
        'company_versions',
        'instance_secrets',
        'invitations',
        'ledger_entries',
        'ledger_tree_heads',
        'locations',
        'lots',
        'memberships',
        'mfa_backup_codes',
        'mfa_failures',
        'products',
        'qa_documents',
        'qa_ops',
        'qa_policies',
        'rate_limit_blocks',
        'rate_limit_buckets',
        'refresh_tokens',
        'signing_keys',
        'stock_movements',
        'sync_clients',
        'sync_mutations',
        'trusted_devices',
        'user_mfa',
        'users',
      ].sort(),
    );
    expect([...(tables.get('refresh_tokens') ?? [])].sort()).toEqual(
      ['company_id', 'created_at', 'expires_at', 'family_id', 'id', 'parent_id', 'replaced_by', 'revoked_at', 'token_hash', 'used_at', 'user_id'].sort(),
    );
  });

  it('give every tenant table a company_id (users, companies, instance secrets and rate limits are not tenant-owned)', async () => {
    database = await openDatabase({ pgliteDir: 'memory://', databaseUrl: undefined });
    await migrateDatabase(database);
    // Rate limits are keyed by IP or user, before any company is known. MFA, trusted devices and
    // MFA throttling belong to the person (users are global, one sign-in across companies).
    const notTenant = new Set(['companies', 'users', 'instance_secrets', 'rate_limit_buckets', 'rate_limit_blocks', 'user_mfa', 'mfa_backup_codes', 'mfa_failures', 'trusted_devices']);
    for (const [table, cols] of await columns(database)) {
      if (!notTenant.has(table)) expect(cols.has('company_id'), `${table}.company_id`).toBe(true);
    }
  });

  it('are idempotent: a second run (a restart) applies nothing and keeps data', async () => {
    database = await openDatabase({ pgliteDir: 'memory://', databaseUrl: undefined });
    await migrateDatabase(database);
    await database.db.execute(sql`insert into companies (name) values ('Acme')`);
    await migrateDatabase(database);
    expect(await database.db.select({ n: count() }).from(companies)).toEqual([{ n: 1 }]);
  });

  it('enforce the role allow-list and unique emails in the database itself', async () => {
    database = await openDatabase({ pgliteDir: 'memory://', databaseUrl: undefined });
    await migrateDatabase(database);
    const { db } = database;
    await db.execute(sql`insert into companies (id, name) values ('00000000-0000-4000-8000-000000000001', 'Acme')`);
    // Issue 6: the email is ciphertext, so the blind index (email_index) is what is unique.
    await db.execute(sql`insert into users (id, email, email_index, name, password_hash) values ('00000000-0000-4000-8000-000000000002', 'v1.k.a.b', 'idx-a', 'A', 'x')`);
    await expect(db.execute(sql`insert into users (email, email_index, name, password_hash) values ('v1.k.c.d', 'idx-a', 'B', 'x')`)).rejects.toThrow();
    await expect(
      db.execute(sql`insert into memberships (company_id, user_id, role) values ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'superuser')`),
    ).rejects.toThrow();
  });

  it('are generated SQL committed beside the journal (not hand-written)', () => {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'));
    expect(files.sort()).toEqual(journal.entries.map((e) => `${e.tag}.sql`).sort());
  });
});
