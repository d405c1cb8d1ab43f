import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { LotStatus, MovementKind } from '../../../../shared/inventory/stock-row';
import type { PullOutput } from '../../../../shared/sync/protocol';
import type { Database, Transaction } from '../../db/client';
import { locations, lots, products, stockMovements, syncClients } from '../../db/schema/index';
import type { AccessClaims } from '../auth/tokens';
import { currentCompanyVersion } from './company-version';

/**
 * Rows of the caller's company with version above the cursor, in pages of whole versions (a
 * version is never split, so a client never sees half a push), read in one REPEATABLE READ
 * snapshot so the page and its cursor agree. Only the company in the access token is replicated.
 */
export async function pull(db: Database, auth: AccessClaims, input: { clientId: string; cursor: number; limit: number }): Promise<PullOutput> {
  return db.transaction(
    async (tx) => {
      const head = await currentCompanyVersion(tx, auth.companyId);
      const upTo = await pageEnd(tx, auth.companyId, input.cursor, input.limit, head);
      const range = <T extends typeof products | typeof locations | typeof lots | typeof stockMovements>(t: T) =>
        and(eq(t.companyId, auth.companyId), gt(t.version, input.cursor), lte(t.version, upTo));
      // One query at a time: a transaction holds a single connection (node-postgres forbids overlap).
      const p = await tx.select().from(products).where(range(products)).orderBy(asc(products.version), asc(products.id));
      const l = await tx.select().from(locations).where(range(locations)).orderBy(asc(locations.version), asc(locations.id));
      const lt = await tx.select().from(lots).where(range(lots)).orderBy(asc(lots.version), asc(lots.id));
      const m = await tx.select().from(stockMovements).where(range(stockMovements)).orderBy(asc(stockMovements.version), asc(stockMovements.id));
      const client = await tx
        .select({ lastSeq: syncClients.lastSeq })
        .from(syncClients)
        .where(and(eq(syncClients.clientId, input.clientId), eq(syncClients.companyId, auth.companyId)));
      // The rows come from our own typed tables; only the two text-typed enums need narrowing.
      return {
        products: p,
        locations: l,
        lots: lt.map((r) => ({ ...r, status: r.status as LotStatus })),
        movements: m.map((r) => ({ ...r, kind: r.kind as MovementKind, occurredAt: new Date(r.occurredAt).toISOString() })),
        cursor: Math.max(input.cursor, upTo),
        hasMore: upTo < head,
        lastAppliedSeq: client[0]?.lastSeq ?? 0,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * The last version of this page: the (limit+1)-th row above the cursor, across the synced tables,
 * marks where the page would overflow; stop just before its version — unless one version alone
 * fills the page, which is then sent whole.
 */
async function pageEnd(tx: Transaction, companyId: string, cursor: number, limit: number, head: number): Promise<number> {
  const result = await tx.execute(sql`
    select min(v) as first, max(v) as cut, count(*) as n from (
      select v from (
        (select version as v from products where company_id = ${companyId} and version > ${cursor} order by version limit ${limit + 1})
        union all (select version from locations where company_id = ${companyId} and version > ${cursor} order by version limit ${limit + 1})
        union all (select version from lots where company_id = ${companyId} and version > ${cursor} order by version limit ${limit + 1})
        union all (select version from stock_movements where company_id = ${companyId} and version > ${cursor} order by version limit ${limit + 1})
      ) u order by v limit ${limit + 1}
    ) t`);
  const row = (result as unknown as { rows: { first: string | number | null; cut: string | number | null; n: string | number }[] }).rows[0];
  if (!row || Number(row.n) <= limit) return head;
  const first = Number(row.first);
  const cut = Number(row.cut);
  return cut > first ? cut - 1 : cut;
}
