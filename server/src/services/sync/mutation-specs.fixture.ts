import fc from 'fast-check';
import { locationIdFor, lotIdFor, productIdFor } from '../../../../shared/ids';
import type { AccessClaims } from '../auth/tokens';

/**
 * Random inventory mutations over a deliberately tiny, skewed world (3 products, 3 bins, 3 lot
 * numbers, movement ids from a pool shared by two companies), so that a batch keeps colliding
 * with itself and with history: repeated receipts, counts after movements, reused and foreign
 * movement ids, transfers refused half-way, lots of the other company, invalid args.
 * Test support for batch-equivalence.test.ts.
 */
export interface World {
  us: AccessClaims;
  them: AccessClaims;
  movementIds: string[];
}

const NDCS = ['00000000001', '00000000002', '00000000003'];
const BINS = ['A-1', 'A-2', 'A-3'];
const LOTS = ['L1', 'L2', '0012/A'];
// Year 0 passes the shared date rule but not Postgres (see storable.ts).
const EXPIRIES = ['2028-06-30', '2029-01-31', '0000-01-01'];

/**
 * Movement ids: 0–3 are "hot" (drawn often, and always already used: the other company's prelude
 * takes them), 4 up to the last PRELUDE_IDS form the random pool, and the last PRELUDE_IDS are
 * our prelude's own.
 */
export const MOVEMENT_IDS = 64;
const PRELUDE_IDS = 4;
const POOL = MOVEMENT_IDS - PRELUDE_IDS;

const i3 = fc.integer({ min: 0, max: 2 });
const mv = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }), weight: 1 }, { arbitrary: fc.integer({ min: 4, max: POOL - 1 }), weight: 3 });
/** Mostly our own rows; sometimes ids derived in the other company's namespace. */
const foreign = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
/**
 * Skewed to index 0, so that mutations of one batch often meet at the same lot and bin; product
 * and lot 2 are rarest (the prelude stocks products 0–1 × lots 0–1 only).
 */
const skewed = fc.constantFrom<number>(0, 0, 0, 1, 1, 2);
/** Sometimes ids in upper case: a valid uuid (zod accepts it) that Postgres stores in lower case. */
const shout = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
const at = { ndc: skewed, lot: skewed, bin: skewed, foreign, shout };

export const genMutation = fc.oneof(
  fc.record({ kind: fc.constant('product' as const), ndc: i3, name: fc.constantFrom('Insulin', 'Aspirin'), coldChain: fc.boolean() }),
  // A padded name must land on the same location (the id comes from the trimmed name).
  fc.record({ kind: fc.constant('location' as const), bin: i3, pad: fc.boolean() }),
  fc.record({ kind: fc.constant('receive' as const), ...at, expiry: fc.constantFrom(0, 0, 0, 1, 1, 2), qty: fc.integer({ min: 0, max: 20 }), mv }),
  fc.record({ kind: fc.constant('pick' as const), ...at, qty: fc.integer({ min: 0, max: 20 }), mv }),
  fc.record({ kind: fc.constant('adjust' as const), ...at, delta: fc.integer({ min: -5, max: 5 }), other: fc.boolean(), note: fc.boolean(), mv }),
  fc.record({ kind: fc.constant('transfer' as const), ...at, to: i3, qty: fc.integer({ min: 1, max: 20 }), mv, mvIn: fc.oneof(mv, fc.integer({ min: 0, max: 3 })) }),
  fc.record({ kind: fc.constant('count' as const), ...at, counted: fc.integer({ min: 0, max: 30 }), mv }),
  fc.record({ kind: fc.constant('status' as const), ...at, name: fc.constantFrom('lot.quarantine', 'lot.release', 'lot.recall'), mv }),
  fc.record({ kind: fc.constant('junk' as const), which: fc.constantFrom('unknown-name', 'bad-args', 'string-args', 'future-schema') }),
);
export type Spec = typeof genMutation extends fc.Arbitrary<infer S> ? S : never;

/** Every product and location, and stock of four lots: so that random mutations mostly find their rows. */
export function prelude(owner: 'us' | 'them'): Spec[] {
  const specs: Spec[] = [];
  for (let i = 0; i < 3; i++) specs.push({ kind: 'product', ndc: i, name: 'Insulin', coldChain: false }, { kind: 'location', bin: i, pad: false });
  for (let i = 0; i < PRELUDE_IDS; i++) {
    specs.push({ kind: 'receive', ndc: Math.floor(i / 2) % 2, lot: i % 2, bin: i % 2, foreign: false, shout: false, expiry: 0, qty: 10, mv: (owner === 'us' ? POOL : 0) + i });
  }
  return specs;
}

/** The pushed name, args and schema version a spec stands for, made by `owner`. */
export function materialise(w: World, s: Spec, owner: 'us' | 'them'): { name: string; args: unknown; schemaVersion: number } {
  const self = w[owner].companyId;
  const other = w[owner === 'us' ? 'them' : 'us'].companyId;
  if (s.kind === 'product') return { name: 'product.upsert', args: { ndc11: NDCS[s.ndc], name: s.name, coldChain: s.coldChain }, schemaVersion: 1 };
  if (s.kind === 'location') return { name: 'location.upsert', args: { warehouse: 'Main', bin: s.pad ? ` ${BINS[s.bin]} ` : BINS[s.bin] }, schemaVersion: 1 };
  if (s.kind === 'junk') {
    if (s.which === 'unknown-name') return { name: 'stock.explode', args: { lotId: productIdFor(self, NDCS[0]!) }, schemaVersion: 1 };
    if (s.which === 'string-args') return { name: 'stock.pick', args: 'pick everything', schemaVersion: 1 };
    if (s.which === 'future-schema') return { name: 'product.upsert', args: { ndc11: NDCS[0], name: 'Next' }, schemaVersion: 99 };
    return { name: 'stock.receive', args: { productId: 'not-a-uuid', lotNumber: ' padded ' }, schemaVersion: 1 };
  }
  const company = s.foreign ? other : self;
  const id = (v: string) => (s.shout ? v.toUpperCase() : v);
  const productId = productIdFor(company, NDCS[s.ndc]!);
  const lotNumber = LOTS[s.lot]!;
  const lotId = id(lotIdFor(company, productId, lotNumber));
  const locationId = id(locationIdFor(company, 'Main', null, BINS[s.bin]!));
  const movementId = id(w.movementIds[s.mv]!);
  switch (s.kind) {
    case 'receive':
      return {
        name: 'stock.receive',
        args: { productId: id(productId), lotNumber, expiry: EXPIRIES[s.expiry], manufacturedOn: null, locationId, quantity: s.qty, serial: null, reference: null, movementId },
        schemaVersion: 1,
      };
    case 'pick':
      return { name: 'stock.pick', args: { lotId, locationId, quantity: s.qty, reference: 'SO-1', movementId }, schemaVersion: 1 };
    case 'adjust':
      return { name: 'stock.adjust', args: { lotId, locationId, delta: s.delta, reasonCode: s.other ? 'other' : 'damaged', note: s.note ? 'dropped' : null, movementId }, schemaVersion: 1 };
    case 'transfer': {
      const toLocationId = id(locationIdFor(company, 'Main', null, BINS[s.to]!));
      return { name: 'stock.transfer', args: { lotId, fromLocationId: locationId, toLocationId, quantity: s.qty, reference: null, movementId, movementInId: id(w.movementIds[s.mvIn]!) }, schemaVersion: 1 };
    }
    case 'count':
      return { name: 'stock.count', args: { lotId, locationId, countedQuantity: s.counted, movementId }, schemaVersion: 1 };
    case 'status':
      return { name: s.name, args: { lotId, locationId, reason: 'inspection', reference: null, movementId }, schemaVersion: 1 };
  }
}
