import { and, asc, eq, gt, lte } from 'drizzle-orm';
import { locationRow, lotRow, movementRow, productRow } from '../../../../shared/inventory/rows';
import type { PullOutput } from '../../../../shared/sync/protocol';
import type { Database } from '../../db/client';
import { locations, lots, products, stockMovements, syncClients } from '../../db/schema/index';
import type { AccessClaims } from '../auth/tokens';
import { currentCompanyVersion } from './company-version';

/**
 * Rows of the caller's company with version above the cursor, in pages of whole versions (a
 * version is never split, so a client never sees half a mutation), read in one REPEATABLE READ
 * snapshot so the page and its cursor agree. Only the company in the access token is replicated.
 */
export async function pull(db: Database, auth: AccessClaims, input: { clientId: string; cursor: number; limit: number }): Promise<PullOutput> {
  return db.transaction(
    async (tx) => {
      const head = await currentCompanyVersion(tx, auth.companyId);
      // The first limit+1 versions above the cursor across the synced tables decide the page end.
      const firstVersions = (t: typeof products | typeof locations | typeof lots | typeof stockMovements) =>
        tx.select({ v: t.version }).from(t).where(and(eq(t.companyId, auth.companyId), gt(t.version, input.cursor))).orderBy(asc(t.version)).limit(input.limit + 1);
      const lists = await Promise.all([firstVersions(products), firstVersions(locations), firstVersions(lots), firstVersions(stockMovements)]);
      const vs = lists
        .flat()
        .map((r) => r.v)
        .sort((a, b) => a - b)
        .slice(0, input.limit + 1);
      let upTo = head;
      if (vs.length > input.limit) {
        const first = vs[0] ?? head;
        const cut = vs[input.limit] ?? head;
        // Stop before the version that overflows the page, unless one version alone fills it.
        upTo = cut > first ? cut - 1 : cut;
      }
      const range = <T extends typeof products | typeof locations | typeof lots | typeof stockMovements>(t: T) =>
        and(eq(t.companyId, auth.companyId), gt(t.version, input.cursor), lte(t.version, upTo));
      const [p, l, lt, m, client] = await Promise.all([
        tx.select().from(products).where(range(products)).orderBy(asc(products.version), asc(products.id)),
        tx.select().from(locations).where(range(locations)).orderBy(asc(locations.version), asc(locations.id)),
        tx.select().from(lots).where(range(lots)).orderBy(asc(lots.version), asc(lots.id)),
        tx.select().from(stockMovements).where(range(stockMovements)).orderBy(asc(stockMovements.version), asc(stockMovements.id)),
        tx.select({ lastSeq: syncClients.lastSeq }).from(syncClients).where(and(eq(syncClients.clientId, input.clientId), eq(syncClients.companyId, auth.companyId))),
      ]);
      return {
        products: p.map((r) => productRow.parse(r)),
        locations: l.map((r) => locationRow.parse(r)),
        lots: lt.map((r) => lotRow.parse(r)),
        movements: m.map((r) => movementRow.parse({ ...r, occurredAt: new Date(r.occurredAt).toISOString() })),
        cursor: Math.max(input.cursor, upTo),
        hasMore: upTo < head,
        lastAppliedSeq: client[0]?.lastSeq ?? 0,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
