import { AppError } from '../errors';
import { locationIdFor, lotIdFor, productIdFor } from '../ids';
import type { InventoryTx } from './inventory-tx';
import { mutationArgs, type MutationName, type ParsedMutationArgs } from './mutations';
import type { LotRow, MovementRow } from './rows';
import type { LotStatus, MovementKind } from './stock-row';

type Mutator<N extends MutationName> = (tx: InventoryTx, args: ParsedMutationArgs<N>) => Promise<void>;

/**
 * Every stock change, written once and run twice (SYNC.md): optimistically on the replica and
 * authoritatively on the server. They read through the InventoryTx, so a count's variance and a
 * discrepancy flag are recomputed on the server against the authoritative level.
 */
export const mutators: { [N in MutationName]: Mutator<N> } = {
  'product.upsert': async (tx, a) => {
    const id = productIdFor(tx.companyId, a.ndc11);
    // Last write wins per field in server arrival order (SYNC.md): the whole row is replaced.
    await tx.putProduct({ id, ...a });
  },

  'location.upsert': async (tx, a) => {
    const id = locationIdFor(tx.companyId, a.warehouse, a.zone, a.bin);
    await tx.putLocation({ id, ...a });
  },

  'stock.receive': async (tx, a) => {
    if (!(await tx.getProduct(a.productId))) throw unknown('product', a.productId);
    await requireLocation(tx, a.locationId);
    const lotId = lotIdFor(tx.companyId, a.productId, a.lotNumber);
    const lot = await tx.getLot(lotId);
    if (!lot) {
      await tx.putLot({ id: lotId, productId: a.productId, lotNumber: a.lotNumber, expiry: a.expiry, manufacturedOn: a.manufacturedOn, status: 'available' });
    } else if (lot.expiry !== a.expiry) {
      // The same lot of the same product has one expiry; a different one on a later receipt is a
      // labelling or keying error that must not silently rewrite what is on the shelf.
      throw new AppError(
        'inventory/invalid-movement',
        `Lot ${a.lotNumber} is already recorded with expiry ${lot.expiry}; this receipt says ${a.expiry}. Check the label.`,
        { issues: [{ path: 'expiry', message: `lot ${a.lotNumber} expires ${lot.expiry}` }] },
      );
    }
    await move(tx, { id: a.movementId, lotId, locationId: a.locationId, kind: 'receive', quantity: a.quantity, externalRef: a.reference, serial: a.serial });
  },

  'stock.pick': async (tx, a) => {
    await requireLotAt(tx, a.lotId, a.locationId);
    await move(tx, { id: a.movementId, lotId: a.lotId, locationId: a.locationId, kind: 'pick', quantity: -a.quantity, externalRef: a.reference });
  },

  'stock.adjust': async (tx, a) => {
    await requireLotAt(tx, a.lotId, a.locationId);
    const reason = a.note ? `${a.reasonCode}: ${a.note}` : a.reasonCode;
    await move(tx, { id: a.movementId, lotId: a.lotId, locationId: a.locationId, kind: 'adjust', quantity: a.delta, reason });
  },

  'stock.transfer': async (tx, a) => {
    await requireLotAt(tx, a.lotId, a.fromLocationId);
    await requireLocation(tx, a.toLocationId);
    await move(tx, { id: a.movementId, lotId: a.lotId, locationId: a.fromLocationId, kind: 'transfer-out', quantity: -a.quantity, externalRef: a.reference });
    await move(tx, { id: a.movementInId, lotId: a.lotId, locationId: a.toLocationId, kind: 'transfer-in', quantity: a.quantity, externalRef: a.reference });
  },

  'stock.count': async (tx, a) => {
    await requireLotAt(tx, a.lotId, a.locationId);
    // The variance is computed where the mutation runs: on the server against the authoritative
    // level, so two counts of the same shelf made offline do not add up their variances twice.
    const variance = a.countedQuantity - (await tx.stockLevel(a.lotId, a.locationId));
    await move(tx, { id: a.movementId, lotId: a.lotId, locationId: a.locationId, kind: 'count', quantity: variance, reason: `counted ${a.countedQuantity}` });
  },

  'lot.quarantine': (tx, a) => setStatus(tx, a, 'quarantine', 'quarantine'),
  'lot.release': (tx, a) => setStatus(tx, a, 'available', 'release'),
  'lot.recall': (tx, a) => setStatus(tx, a, 'recalled', 'recall'),
};

/** Validates the arguments and runs the named mutator; unknown names are rejected, never ignored. */
export async function runMutation(tx: InventoryTx, name: string, args: unknown): Promise<void> {
  if (!Object.hasOwn(mutators, name)) throw new AppError('sync/unknown-mutation', `Unknown change "${name}".`);
  const key = name as MutationName;
  await applyMutation(tx, key, mutationArgs[key].parse(args) as never);
}

/**
 * Runs a mutator on arguments already in their parsed form. Only for arguments built from data
 * that was validated to the same rules, and proven to be by a test (the spreadsheet import's
 * receive-args.test.ts): everything a person or a peer sends goes through `runMutation`.
 */
export function applyMutation<N extends MutationName>(tx: InventoryTx, name: N, args: ParsedMutationArgs<N>): Promise<void> {
  return (mutators[name] as Mutator<N>)(tx, args);
}

async function setStatus(
  tx: InventoryTx,
  a: ParsedMutationArgs<'lot.quarantine'>,
  status: LotStatus,
  kind: Extract<MovementKind, 'quarantine' | 'release' | 'recall'>,
): Promise<void> {
  const lot = await requireLotAt(tx, a.lotId, a.locationId);
  if (kind === 'release' && lot.status === 'recalled') {
    throw new AppError('inventory/invalid-movement', `Lot ${lot.lotNumber} is recalled and cannot be released back to available stock.`);
  }
  await tx.putLot({ ...lot, status });
  // A zero-quantity movement keeps the status change in the lot's history (who, when, why).
  await move(tx, { id: a.movementId, lotId: a.lotId, locationId: a.locationId, kind, quantity: 0, reason: a.reason, externalRef: a.reference });
}

type MoveInput = Pick<MovementRow, 'id' | 'lotId' | 'locationId' | 'kind' | 'quantity'> & Partial<Pick<MovementRow, 'reason' | 'externalRef' | 'serial'>>;

/**
 * Appends a movement. One that takes the level below zero is still recorded — the boxes moved —
 * and flagged as a discrepancy for a supervisor (SYNC.md: stock ≥ 0 is not enforced offline).
 */
async function move(tx: InventoryTx, m: MoveInput): Promise<void> {
  // Only a decrease can take the level below zero; skipping the sum for receipts keeps a
  // 100,000-row import from summing 100,000 lot histories.
  const discrepancy = m.quantity < 0 && (await tx.stockLevel(m.lotId, m.locationId)) + m.quantity < 0;
  await tx.insertMovement({
    reason: null,
    externalRef: null,
    serial: null,
    ...m,
    discrepancy,
    createdBy: tx.userId,
    occurredAt: tx.now,
  });
}

async function requireLocation(tx: InventoryTx, id: string): Promise<void> {
  if (!(await tx.getLocation(id))) throw unknown('location', id);
}

async function requireLotAt(tx: InventoryTx, lotId: string, locationId: string): Promise<LotRow> {
  const lot = await tx.getLot(lotId);
  if (!lot) throw unknown('lot', lotId);
  await requireLocation(tx, locationId);
  return lot;
}

function unknown(what: 'product' | 'lot' | 'location', id: string): AppError {
  return new AppError(`inventory/unknown-${what}`, `That ${what} (${id}) does not exist in this company.`);
}
