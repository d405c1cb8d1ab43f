import { sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { locations, lots, products, stockMovements } from '../../db/schema/index';
import { pairKey, type LevelPair } from './batch-keys';
import { arrayLiteral } from './bulk-insert';

export type RowTable = typeof products | typeof locations | typeof lots;

/** Rows of one table, split by owner: ours in full, another company's only as taken ids. */
export interface OwnedRows<T extends RowTable> {
  own: T['$inferSelect'][];
  otherIds: string[];
}

/** One uuid[] bind parameter, however many ids: a statement's size and plan do not grow with it. */
const uuids = (ids: readonly string[]) => sql`${arrayLiteral(ids)}::uuid[]`;
const anyId = (ids: readonly string[]) => sql`any(${uuids(ids)})`;

/**
 * The bulk reads of a push batch, each one statement for any number of ids. Reads of rows are
 * filtered by company; of another company's rows only the fact that an id is taken comes back
 * (an upsert onto it is refused, SYNC.md tenant isolation), never their contents.
 */
export class BatchReader {
  constructor(
    private readonly tx: Transaction,
    private readonly companyId: string,
  ) {}

  async rows<T extends RowTable>(table: T, ids: readonly string[]): Promise<OwnedRows<T>> {
    if (ids.length === 0) return { own: [], otherIds: [] };
    const own = await this.tx.select().from(this.byId(table, ids)).where(sql`company_id = ${this.companyId}`);
    const found = this.byId(table, ids);
    const other = await this.tx.select({ id: found.id }).from(found).where(sql`company_id <> ${this.companyId}`);
    return { own: own as T['$inferSelect'][], otherIds: other.map((r) => r.id) };
  }

  /**
   * The rows with these ids, found through the primary key. The LIMIT (never reached: ids are
   * unique) keeps Postgres from merging the company filter into this scan: without statistics
   * (PGlite never analyses) it otherwise walked the company index — every row of the company —
   * and filtered by id, 100,000 lots for a 500-mutation batch.
   */
  private byId(table: RowTable, ids: readonly string[]) {
    return this.tx.select().from(table as typeof lots).where(sql`id = ${anyId(ids)}`).limit(ids.length).as('by_id');
  }

  /** The committed level of each pair (0 for a pair with no movement), keyed by `pairKey`. */
  async levels(pairs: readonly LevelPair[]): Promise<Map<string, number>> {
    const levels = new Map<string, number>();
    if (pairs.length === 0) return levels;
    // One sum per pair, each an index range scan on (lot_id, location_id): the cost follows the
    // pairs' own history. A join or IN over the pairs let the planner scan the company's whole
    // ledger instead (seen on PGlite with no statistics).
    const result = await this.tx.execute(sql`
      select p.lot_id, p.location_id,
        (select coalesce(sum(m.quantity), 0) from ${stockMovements} m
          where m.lot_id = p.lot_id and m.location_id = p.location_id and m.company_id = ${this.companyId}) as level
      from unnest(${uuids(pairs.map((p) => p[0]))}, ${uuids(pairs.map((p) => p[1]))}) as p(lot_id, location_id)`);
    for (const row of (result as unknown as { rows: { lot_id: string; location_id: string; level: string | number | bigint }[] }).rows) {
      levels.set(pairKey(row.lot_id, row.location_id), Number(row.level));
    }
    return levels;
  }

  /** Movement ids already used by ANY company: ids come from clients and are never merged. */
  async takenMovementIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.tx.select({ id: stockMovements.id }).from(stockMovements).where(sql`${stockMovements.id} = ${anyId(ids)}`);
    return new Set(rows.map((r) => r.id));
  }
}

