import { and, eq, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { locations, lots, products, stockMovements } from '../../db/schema/index';
import type { RowTable } from './batch-reader';
import { arrayLiteral, bulkInsert, rowCount } from './bulk-insert';

export type TableName = 'products' | 'locations' | 'lots';
type Row = Record<string, unknown> & { id: string };

/**
 * The writes of a push batch, held until the batch has run and then written in a few multi-row
 * statements. Rows are kept by id (the last write wins, as it did row by row: every write of the
 * batch carries the same version); movements in the order they were made.
 */
export class BatchWrites {
  readonly rows = { products: new Map<string, Row>(), locations: new Map<string, Row>(), lots: new Map<string, Row>() };
  readonly movements: Row[] = [];
  /** Rows to re-stamp with the batch version (what refused mutations referenced). */
  readonly touched = { products: new Set<string>(), locations: new Set<string>(), lots: new Set<string>() };

  /** Buffers `row`; the returned function puts back what was buffered for its id before. */
  put(name: TableName, row: Row): () => void {
    const rows = this.rows[name];
    const had = rows.has(row.id);
    const before = rows.get(row.id);
    rows.set(row.id, row);
    return () => {
      if (had) rows.set(row.id, before as Row);
      else rows.delete(row.id);
    };
  }

  /**
   * Writes everything, parents before children (foreign keys are checked per statement).
   * Each statement must write every row it was given: one that does not means another company
   * took an id after the batch read it (a race the reads could not see). That throws and fails
   * the whole transaction — the client retries, and the retry reads the id as taken and refuses
   * that one mutation — rather than commit a batch whose outcomes were decided on a stale read.
   */
  async flush(tx: Transaction, companyId: string, version: number): Promise<void> {
    await upsert(tx, products, [...this.rows.products.values()]);
    await upsert(tx, locations, [...this.rows.locations.values()]);
    await upsert(tx, lots, [...this.rows.lots.values()]);
    if (this.movements.length > 0) {
      // Never merged: a movement id already used (by any company) writes nothing here.
      const result = await tx.execute(sql`${bulkInsert(stockMovements, this.movements)} on conflict (id) do nothing`);
      expectAll(getTableName(stockMovements), rowCount(result), this.movements.length);
    }
    for (const [table, ids] of [
      [products, this.touched.products],
      [locations, this.touched.locations],
      [lots, this.touched.lots],
    ] as const) {
      if (ids.size === 0) continue;
      await tx
        .update(table)
        .set({ version })
        .where(and(eq(table.companyId, companyId), sql`${table.id} = any(${arrayLiteral([...ids])}::uuid[])`));
    }
  }
}

/** Insert or replace every column, but only a row of the same company (`excluded` is the new row). */
async function upsert(tx: Transaction, table: RowTable, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const set = Object.values(getTableColumns(table))
    .filter((column) => column.name !== 'id')
    .map((column) => sql`${sql.identifier(column.name)} = excluded.${sql.identifier(column.name)}`);
  const result = await tx.execute(sql`${bulkInsert(table, rows)}
    on conflict (id) do update set ${sql.join(set, sql`, `)}
    where ${table.companyId} = excluded.company_id`);
  expectAll(getTableName(table), rowCount(result), rows.length);
}

function expectAll(table: string, written: number, given: number): void {
  if (written !== given) throw new Error(`push flush: ${table} wrote ${written} of ${given} rows (an id was taken concurrently); the batch is retried`);
}
