import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { LocationRow, LotRow, MovementRow, ProductRow } from '../../../../shared/inventory/rows';
import type { Transaction } from '../../db/client';
import { locations, lots, products, stockMovements } from '../../db/schema/index';

type SyncedTable = typeof products | typeof locations | typeof lots | typeof stockMovements;

export interface ChangedRows {
  products: ProductRow[];
  locations: LocationRow[];
  lots: LotRow[];
  movements: MovementRow[];
}

/**
 * The rows of a company with cursor < version ≤ upTo, each table ordered by (version, id), in ONE
 * statement that hands back each table as a single JSON text. Measured on PGlite, a page of 5,000
 * lots took ~40 ms to come back as rows (the driver decodes every field of every row in JS) and
 * ~3 ms to find; as one JSON text, built by Postgres, the same page costs ~15 ms all told.
 * Each object has the protocol's own keys (the drizzle property names), and the JSON types
 * Postgres gives exactly what the row path gave: uuid/text/date → string, bigint/integer →
 * number, boolean → boolean, null → null. Only a timestamp needs reshaping (see `movements`).
 */
export async function changedRows(tx: Transaction, companyId: string, cursor: number, upTo: number): Promise<ChangedRows> {
  const page = (table: SyncedTable) => sql`(
    select coalesce(json_agg(r order by r.version, r.id), '[]')::text from (
      select ${columnsAsKeys(table)} from ${table} where company_id = ${companyId} and version > ${cursor} and version <= ${upTo}
    ) r)`;
  const result = await tx.execute(sql`select ${page(products)} as p, ${page(locations)} as l, ${page(lots)} as lt, ${page(stockMovements)} as m`);
  const row = (result as unknown as { rows: { p: string; l: string; lt: string; m: string }[] }).rows[0];
  if (!row) throw new Error('pull: the page query returned no row');
  const movements = JSON.parse(row.m) as MovementRow[];
  // A timestamptz arrives in Postgres's JSON form (2026-03-01T12:00:00.123+00:00); the protocol
  // carries the ISO form JavaScript writes, the same value.
  for (const m of movements) m.occurredAt = new Date(m.occurredAt).toISOString();
  return { products: JSON.parse(row.p) as ProductRow[], locations: JSON.parse(row.l) as LocationRow[], lots: JSON.parse(row.lt) as LotRow[], movements };
}

/** `"id", "company_id" as "companyId", …`: a row of these turns into JSON with the protocol's keys. */
function columnsAsKeys(table: SyncedTable): SQL {
  return sql.join(
    Object.entries(getTableColumns(table)).map(([key, column]) => sql`${sql.identifier(column.name)} as ${sql.identifier(key)}`),
    sql`, `,
  );
}
