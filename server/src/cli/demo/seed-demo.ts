import { AppError, isAppError } from '../../../../shared/errors';
import { locationIdFor, lotIdFor, productIdFor } from '../../../../shared/ids';
import type { DemoData, DemoStep } from './demo-data';
import type { DesktopApi, DemoProfile } from './demo-profile';

export type SeedPhase = 'locations' | 'products' | 'lots' | 'movements' | 'sync';

export interface SeedProgress {
  phase: SeedPhase;
  done: number;
  total: number;
}

export interface SeedOptions {
  /** Look for products, locations and lots already there and leave them alone (`--again`). */
  skipExisting: boolean;
  /** Sync after this many commands (the outbox is pushed in batches of 500). */
  syncEvery?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedResult {
  locations: number;
  products: number;
  lots: number;
  /** Lots (by index) that were already there and left alone, with their movements. */
  skippedLots: Set<number>;
  commands: Record<DemoStep['kind'], number>;
  /** Changes pushed to the server. */
  synced: number;
  syncMs: number;
}

/**
 * Enters the demo data through the desktop router's stock commands, exactly as a person at the
 * app would: each lands on the encrypted replica and in the outbox, and `sync.now()` every few
 * hundred commands pushes them to the server — so what the server holds went through the same
 * mutators, validation and exactly-once push as real work.
 */
export async function seedDemo(profile: DemoProfile, companyId: string, data: DemoData, options: SeedOptions): Promise<SeedResult> {
  const progress = options.onProgress ?? (() => undefined);
  const syncEvery = options.syncEvery ?? 500;
  const result: SeedResult = { locations: 0, products: 0, lots: 0, skippedLots: new Set(), commands: { receive: 0, pick: 0, transfer: 0, adjust: 0, count: 0, quarantine: 0, release: 0, recall: 0 }, synced: 0, syncMs: 0 };
  let sinceSync = 0;
  const sync = async () => {
    const started = performance.now();
    const { pending } = await profile.call((api) => api.sync.status.query());
    if (pending > 0) progress({ phase: 'sync', done: 0, total: pending });
    await syncNow(profile);
    if (pending > 0) progress({ phase: 'sync', done: pending, total: pending });
    result.synced += pending;
    result.syncMs += performance.now() - started;
    sinceSync = 0;
  };
  const run = async (fn: (api: DesktopApi) => Promise<unknown>) => {
    await profile.call(fn);
    if (++sinceSync >= syncEvery) await sync();
  };

  const locationIds = data.locations.map((l) => locationIdFor(companyId, l.args.warehouse, l.args.zone, l.args.bin));
  const knownLocations = options.skipExisting ? new Set((await profile.call((api) => api.stock.locations.query())).map((l) => l.id)) : new Set<string>();
  for (const [i, location] of data.locations.entries()) {
    if (knownLocations.has(locationIds[i] ?? '')) continue;
    await run((api) => api.stock.upsertLocation.mutate(location.args));
    result.locations++;
  }
  progress({ phase: 'locations', done: data.locations.length, total: data.locations.length });

  const productIds = data.products.map((p) => productIdFor(companyId, p.args.ndc11));
  for (const [i, product] of data.products.entries()) {
    const id = productIds[i] ?? '';
    if (options.skipExisting && (await profile.call((api) => api.stock.products.query({ search: product.args.ndc11 }))).some((p) => p.id === id)) continue;
    await run((api) => api.stock.upsertProduct.mutate(product.args));
    result.products++;
    if ((i + 1) % 20 === 0 || i + 1 === data.products.length) progress({ phase: 'products', done: i + 1, total: data.products.length });
  }
  await sync();

  const lotIds = data.lots.map((lot) => lotIdFor(companyId, productIds[lot.product] ?? '', lot.lotNumber));
  const skip = result.skippedLots;
  if (options.skipExisting) {
    for (const [i, id] of lotIds.entries()) if (await lotExists(profile, id)) skip.add(i);
  }
  const lotTotal = data.lots.length - skip.size;
  const movementTotal = data.steps.filter((s) => !skip.has(s.lot)).length - lotTotal;
  const received = new Set<number>();
  let movements = 0;
  for (const step of data.steps) {
    if (skip.has(step.lot)) continue;
    const lot = data.lots[step.lot];
    const lotId = lotIds[step.lot] ?? '';
    const at = (index: number) => locationIds[index] ?? '';
    if (!lot) continue;
    switch (step.kind) {
      case 'receive': {
        const productId = productIds[lot.product] ?? '';
        const { lotNumber, expiry, manufacturedOn } = lot;
        await run((api) => api.stock.receive.mutate({ productId, lotNumber, expiry, manufacturedOn, locationId: at(step.location), quantity: step.quantity, reference: step.reference }));
        break;
      }
      case 'pick':
        await run((api) => api.stock.pick.mutate({ lotId, locationId: at(step.location), quantity: step.quantity, reference: step.reference }));
        break;
      case 'transfer':
        await run((api) => api.stock.transfer.mutate({ lotId, fromLocationId: at(step.from), toLocationId: at(step.to), quantity: step.quantity, reference: step.reference }));
        break;
      case 'adjust':
        await run((api) => api.stock.adjust.mutate({ lotId, locationId: at(step.location), delta: step.delta, reasonCode: step.reasonCode, note: step.note }));
        break;
      case 'count':
        await run((api) => api.stock.count.mutate({ lotId, locationId: at(step.location), countedQuantity: step.countedQuantity }));
        break;
      case 'quarantine':
      case 'release':
      case 'recall': {
        const input = { lotId, locationId: at(step.location), reason: step.reason, reference: step.reference };
        await run((api) => api.stock[step.kind].mutate(input));
        break;
      }
    }
    result.commands[step.kind]++;
    if (step.kind === 'receive' && !received.has(step.lot)) {
      received.add(step.lot);
      if (received.size % 100 === 0 || received.size === lotTotal) progress({ phase: 'lots', done: received.size, total: lotTotal });
    } else if (++movements % 250 === 0 || movements === movementTotal) {
      progress({ phase: 'movements', done: movements, total: movementTotal });
    }
  }
  result.lots = received.size;
  await sync();
  return result;
}

/**
 * `sync.now()`, tried again after a short pause when the server did not answer: a keep-alive
 * connection the server has just closed fails the first request on it, and a push is safe to
 * repeat (the server applies each change exactly once).
 */
export async function syncNow(profile: DemoProfile): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await profile.call((api) => api.sync.now.mutate());
      return;
    } catch (err) {
      if (!isAppError(err) || err.code !== 'server/unreachable' || attempt === 3) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

async function lotExists(profile: DemoProfile, lotId: string): Promise<boolean> {
  try {
    await profile.call((api) => api.stock.lot.query({ id: lotId }));
    return true;
  } catch (err) {
    if (isAppError(err) && err.code === 'not-found') return false;
    throw err;
  }
}

/** Fails when the server refused any of the demo's changes, naming the first few reasons. */
export async function assertAllAccepted(profile: DemoProfile): Promise<void> {
  const status = await profile.call((api) => api.sync.status.query());
  if (status.pending > 0) throw new AppError('internal/unexpected', `${status.pending} demo changes are still waiting to reach the server; run the app to finish syncing them.`);
  const rejections = await profile.call((api) => api.sync.rejections.query());
  if (rejections.length > 0) {
    const first = rejections.slice(0, 3).map((r) => `${r.name}: ${r.message}`);
    throw new AppError('inventory/invalid-movement', `The server refused ${rejections.length} demo changes, e.g. ${first.join('; ')}.`);
  }
}
