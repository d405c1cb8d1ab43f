import { getTableConfig as pgTableConfig } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as server from '../../server/src/db/schema/inventory';
import * as replica from './schema';

// The replica mirrors the server's synced tables column for column (STYLE.md: one schema per
// dialect plus a parity test), so a pulled row always has somewhere to go.
const synced = ['products', 'locations', 'lots', 'stockMovements'] as const;

describe('replica ↔ server schema parity', () => {
  it.each(synced)('%s has the same table name, columns and nullability on both sides', (name) => {
    const pg = pgTableConfig(server[name]);
    const lite = sqliteTableConfig(replica[name]);
    expect(lite.name).toBe(pg.name);
    const shape = (cols: { name: string; notNull: boolean; primary: boolean }[]) =>
      cols.map((c) => ({ name: c.name, notNull: c.notNull, primary: c.primary })).sort((a, b) => a.name.localeCompare(b.name));
    expect(shape(lite.columns)).toEqual(shape(pg.columns));
    expect(lite.indexes.map((i) => i.config.name).sort()).toEqual(pg.indexes.map((i) => i.config.name).sort());
  });

  it('every synced table carries company_id, version and the tombstone flag', () => {
    for (const name of synced) {
      const cols = sqliteTableConfig(replica[name]).columns.map((c) => c.name);
      expect(cols).toEqual(expect.arrayContaining(['company_id', 'version', 'deleted']));
    }
  });
});
