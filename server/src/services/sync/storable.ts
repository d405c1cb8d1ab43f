import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * The batch keeps rows in memory that the per-mutation path wrote to Postgres and read back, so
 * it must see values as Postgres would have stored them — and refuse what Postgres would refuse.
 */

/**
 * A uuid is stored (and read back) in lower case; the shared schemas accept upper case too.
 * Every id the batch keys on or keeps goes through this, or "A1…" and "a1…" would be two rows.
 */
export const canonicalId = (id: string): string => id.toLowerCase();

const uuidKeys = new Map<PgTable, string[]>();

/** `row` with its uuid columns in the form Postgres stores them. */
export function asStored<R extends Record<string, unknown>>(table: PgTable, row: R): R {
  let keys = uuidKeys.get(table);
  if (!keys) uuidKeys.set(table, (keys = Object.entries(getTableColumns(table)).flatMap(([key, column]) => (column.getSQLType() === 'uuid' ? [key] : []))));
  const out: Record<string, unknown> = { ...row };
  for (const key of keys) if (typeof out[key] === 'string') out[key] = canonicalId(out[key] as string);
  return out as R;
}

/*
 * Values Postgres would refuse. The per-mutation path found out when its INSERT failed inside the
 * mutation's savepoint, and the mutation was rejected as unexpected; a batch writes only at the
 * end, where a refusal would fail every mutation of the batch on every retry. So the batch checks
 * first and throws a plain Error, which is rejected (and logged) the same way.
 */
const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;

/** `stock_movements.quantity` is an integer: a count's variance against a huge level can overflow it. */
export function assertStorableQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < INT4_MIN || quantity > INT4_MAX) {
    throw new Error(`value "${quantity}" is out of range for type integer`);
  }
}

/** A `date` has no year 0 (the shared schema accepts `0000-…`; Postgres does not). */
export function assertStorableDates(...dates: (string | null)[]): void {
  for (const d of dates) if (d !== null && d.startsWith('0000-')) throw new Error(`date/time field value out of range: "${d}"`);
}
