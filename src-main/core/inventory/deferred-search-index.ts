import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

/**
 * The same row as the `stock_search_lot_insert` trigger writes (migration 0004), for every lot
 * above a rowid: one top-level statement instead of one trigger run per lot. The expression for
 * `codes` must stay the trigger's (deferred-search-index.test.ts compares the two).
 */
const INDEX_NEW_LOTS = `
  INSERT INTO stock_search (rowid, product_name, generic_name, manufacturer, lot_number, codes)
  SELECT l.rowid, p.name, coalesce(p.generic_name, ''), coalesce(p.manufacturer, ''), l.lot_number,
    trim(coalesce(p.ndc11, '') || ' ' || coalesce(p.gtin, '') || ' ' || lower(replace(replace(replace(replace(l.lot_number, '-', ''), '/', ''), '.', ''), ' ', '')))
  FROM lots l JOIN products p ON p.id = l.product_id
  WHERE l.rowid > ?`;

/**
 * Defers the stock search index for the lots one bulk writer inserts inside its transaction:
 * the per-row trigger stands aside (an FTS5 insert from a trigger costs about five times a
 * top-level one) and `finish()` indexes them all at once, before the transaction commits. Should
 * the transaction roll back, the flag row goes with it and nothing is left half-indexed.
 *
 * Only lots inserted after `defer` are indexed by `finish`; lots are never inserted with a rowid
 * below the table's largest (SQLite picks max(rowid) + 1 while it is below 2^63).
 */
export function deferSearchIndex(sqlite: Database.Database): { finish(): void } {
  if (!sqlite.inTransaction) throw new AppError('internal/unexpected', 'The search index can only be deferred inside the writer’s transaction.');
  const { above } = sqlite.prepare('SELECT coalesce(max(rowid), 0) AS above FROM lots').get() as { above: number };
  sqlite.prepare("INSERT INTO stock_search_deferred (by) VALUES ('bulk')").run();
  return {
    finish() {
      sqlite.prepare("DELETE FROM stock_search_deferred WHERE by = 'bulk'").run();
      sqlite.prepare(INDEX_NEW_LOTS).run(above);
    },
  };
}
