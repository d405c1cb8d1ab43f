import { getTableConfig as pgTableConfig } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as server from '../../server/src/db/schema/inventory';
import * as replica from './schema';

// The replica mirrors the server's synced tables column for column (STYLE.md: one schema per
// dialect plus a parity test), so a pulled row always has somewhere to go.
const synced = ['products', 'locations', 'lots', 'stockMovements'] as const;
// Indexes for the desktop's own screens (the stock list walks lots by expiry, stock-query.ts);
// the server answers other questions and does not carry them.
const replicaOnlyIndexes: Partial<Record<(typeof synced)[number], string[]>> = {
  lots: ['lots_company_expiry_idx', 'lots_held_expiry_idx', 'lots_product_idx'],
};

describe('replica ↔ server schema parity', () => {
  it.each(synced)('%s has the same table name, columns, nullability and indexes on both sides (plus the replica\'s own)', (name) => {
    const pg = pgTableConfig(server[name]);
    const lite = sqliteTableConfig(replica[name]);
    expect(lite.name).toBe(pg.name);
    const shape = (cols: { name: string; notNull: boolean; primary: boolean }[]) =>
      cols.map((c) => ({ name: c.name, notNull: c.notNull, primary: c.primary })).sort((a, b) => a.name.localeCompare(b.name));
    expect(shape(lite.columns)).toEqual(shape(pg.columns));
    expect(lite.indexes.map((i) => i.config.name).sort()).toEqual([...pg.indexes.map((i) => i.config.name), ...(replicaOnlyIndexes[name] ?? [])].sort());
  });

  it('every synced table carries company_id, version and the tombstone flag', () => {
    for (const name of synced) {
      const cols = sqliteTableConfig(replica[name]).columns.map((c) => c.name);
      expect(cols).toEqual(expect.arrayContaining(['company_id', 'version', 'deleted']));
    }
  });
});
