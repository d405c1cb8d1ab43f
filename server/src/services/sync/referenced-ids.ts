import { and, eq } from 'drizzle-orm';
import { locationIdFor, lotIdFor, productIdFor } from '../../../../shared/ids';
import type { PushedMutation } from '../../../../shared/sync/protocol';
import type { Transaction } from '../../db/client';
import { locations, lots, products } from '../../db/schema/index';

export interface ReferencedIds {
  products: string[];
  lots: string[];
  locations: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ids of rows a mutation names (directly, or through its natural key), read from its raw,
 * unvalidated args: a rejected mutation may well have args its schema refuses. Its rows are
 * re-stamped with the batch version so every client pulls the authoritative rows back over its
 * optimistic guess.
 */
export function referencedIds(companyId: string, m: PushedMutation): ReferencedIds {
  const a = (typeof m.args === 'object' && m.args !== null ? m.args : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : null);
  const ndc11 = str('ndc11');
  const productId = str('productId') ?? (ndc11 ? productIdFor(companyId, ndc11) : null);
  const lotNumber = str('lotNumber');
  const lotId = str('lotId') ?? (productId && lotNumber ? lotIdFor(companyId, productId, lotNumber) : null);
  const warehouse = m.name === 'location.upsert' ? str('warehouse') : null;
  const locationIds = [str('locationId'), str('fromLocationId'), str('toLocationId'), warehouse ? locationIdFor(companyId, warehouse, str('zone'), str('bin')) : null];
  // Only well-formed ids: a malformed one would fail the uuid cast and block the client's queue.
  const present = (list: (string | null)[]) => list.filter((v): v is string => v !== null && UUID.test(v));
  return { products: present([productId]), lots: present([lotId]), locations: present(locationIds) };
}

/**
 * Re-stamps the referenced rows one statement per id: the per-mutation reference path
 * (batch-equivalence.test.ts); a push batch collects the ids and stamps them in bulk at flush.
 */
export async function touchRows(tx: Transaction, companyId: string, m: PushedMutation, version: number): Promise<void> {
  const ids = referencedIds(companyId, m);
  for (const [table, list] of [
    [products, ids.products],
    [lots, ids.lots],
    [locations, ids.locations],
  ] as const) {
    for (const id of list) {
      await tx.update(table).set({ version }).where(and(eq(table.id, id), eq(table.companyId, companyId)));
    }
  }
}
