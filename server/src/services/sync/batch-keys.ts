import { locationIdFor, lotIdFor, productIdFor } from '../../../../shared/ids';
import { mutationArgs, type MutationName } from '../../../../shared/inventory/mutations';
import type { PushedMutation } from '../../../../shared/sync/protocol';
import { canonicalId } from './storable';

/** A lot at a location: the unit a stock level is summed over. */
export type LevelPair = readonly [lotId: string, locationId: string];

/** Everything a batch's mutations can read, so it is loaded in a handful of queries up front. */
export interface BatchKeys {
  products: string[];
  locations: string[];
  lots: string[];
  pairs: LevelPair[];
  movements: string[];
}

export const pairKey = (lotId: string, locationId: string) => `${lotId}|${locationId}`;

/**
 * The ids the mutators will ask for, derived from each mutation's args exactly as the mutators
 * derive them (parsed with the same schemas: a location's natural key is its trimmed name).
 * Only a prediction for prefetching — a read it misses is loaded on demand, so an incomplete
 * list costs a query, never a wrong answer. Args that do not parse are skipped: that mutation
 * is rejected before it reads anything.
 */
export function batchKeys(companyId: string, mutations: readonly PushedMutation[]): BatchKeys {
  const products = new Set<string>();
  const locations = new Set<string>();
  const lots = new Set<string>();
  const pairs = new Map<string, LevelPair>();
  const movements = new Set<string>();
  for (const m of mutations) {
    if (!Object.hasOwn(mutationArgs, m.name)) continue;
    const parsed = mutationArgs[m.name as MutationName].safeParse(m.args);
    if (!parsed.success) continue;
    const a = parsed.data as Record<string, unknown>;
    const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : null);
    // The batch keys on ids as Postgres stores them; the natural keys are derived from the raw ones.
    const id = (k: string) => (typeof a[k] === 'string' ? canonicalId(a[k] as string) : null);
    const productId = m.name === 'product.upsert' ? productIdFor(companyId, str('ndc11') ?? '') : id('productId');
    if (productId) products.add(productId);
    const places = [id('locationId'), id('fromLocationId'), id('toLocationId')].filter((v): v is string => v !== null);
    if (m.name === 'location.upsert') places.push(locationIdFor(companyId, str('warehouse') ?? '', str('zone'), str('bin')));
    for (const place of places) locations.add(place);
    const rawProductId = str('productId');
    const lotNumber = str('lotNumber');
    const lotId = id('lotId') ?? (m.name === 'stock.receive' && rawProductId && lotNumber !== null ? lotIdFor(companyId, rawProductId, lotNumber) : null);
    if (lotId) {
      lots.add(lotId);
      for (const place of places) pairs.set(pairKey(lotId, place), [lotId, place]);
    }
    for (const movement of [id('movementId'), id('movementInId')]) if (movement) movements.add(movement);
  }
  return { products: [...products], locations: [...locations], lots: [...lots], pairs: [...pairs.values()], movements: [...movements] };
}
