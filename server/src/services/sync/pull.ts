import { and, eq, sql } from 'drizzle-orm';
import type { PullOutput } from '../../../../shared/sync/protocol';
import type { Database, Transaction } from '../../db/client';
import { syncClients } from '../../db/schema/index';
import type { AccessClaims } from '../auth/tokens';
import { currentCompanyVersion } from './company-version';
import { changedRows } from './pull-rows';

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
      const rows = await changedRows(tx, auth.companyId, input.cursor, upTo);
      const client = await tx
        .select({ lastSeq: syncClients.lastSeq })
        .from(syncClients)
        .where(and(eq(syncClients.clientId, input.clientId), eq(syncClients.companyId, auth.companyId)));
      return {
        ...rows,
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
