import type Database from 'better-sqlite3';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * Writes pulled rows with one prepared `INSERT … ON CONFLICT(id) DO UPDATE` per table. An initial
 * sync brings hundreds of thousands of rows; building each statement through the query builder
 * costs more than SQLite's write itself, so the statement is built once from the drizzle table
 * definition (so it cannot drift from the schema) and reused.
 */
export class RowUpserter {
  private readonly statements = new Map<SQLiteTable, { stmt: Database.Statement; keys: string[] }>();

  constructor(private readonly sqlite: Database.Database) {}

  upsert(table: SQLiteTable, row: Record<string, unknown>): void {
    const { stmt, keys } = this.prepared(table);
    stmt.run(keys.map((k) => toSqlite(row[k])));
  }

  private prepared(table: SQLiteTable): { stmt: Database.Statement; keys: string[] } {
    let entry = this.statements.get(table);
    if (!entry) {
      const config = getTableConfig(table);
      const columns = config.columns.map((c) => c.name);
      // drizzle keys (camelCase) in column order: the table object maps key → column.
      const byName = new Map(Object.entries(table).flatMap(([key, col]) => (col && typeof col === 'object' && 'name' in col ? [[(col as { name: string }).name, key]] : [])));
      const keys = columns.map((name) => byName.get(name) ?? name);
      const quoted = columns.map((c) => `"${c}"`);
      const stmt = this.sqlite.prepare(
        `INSERT INTO "${config.name}" (${quoted.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ` +
          `ON CONFLICT("id") DO UPDATE SET ${quoted.filter((c) => c !== '"id"').map((c) => `${c} = excluded.${c}`).join(', ')}`,
      );
      entry = { stmt, keys };
      this.statements.set(table, entry);
    }
    return entry;
  }
}

function toSqlite(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
