import { expiryBand, type ExpiryBand } from '../../../../shared/inventory/expiry';
import { generateCatalog, type DemoProduct } from './demo-catalog';
import { demoLocations, WAREHOUSES, type DemoLocation } from './demo-locations';
import { generateStockPlan, type DemoLot, type DemoStep } from './demo-plan';

export type { DemoProduct } from './demo-catalog';
export type { DemoLocation } from './demo-locations';
export type { DemoLot, DemoStep } from './demo-plan';

export interface DemoDataOptions {
  seed: number;
  products: number;
  lots: number;
  /** Local calendar date `YYYY-MM-DD`; expiry dates are spread around it. */
  today: string;
  /** 0 the first time; `--again` uses 1, 2… for fresh lots over the same catalogue. */
  round?: number;
}

export interface DemoData {
  products: DemoProduct[];
  locations: DemoLocation[];
  lots: DemoLot[];
  steps: DemoStep[];
}

/** The whole demo company as data: pure, and the same for the same options. */
export function generateDemoData(o: DemoDataOptions): DemoData {
  const products = generateCatalog(o.seed, o.products);
  const locations = demoLocations();
  const plan = generateStockPlan({ seed: o.seed, round: o.round ?? 0, today: o.today, products, locations, lots: o.lots });
  return { products, locations, ...plan };
}

export interface DemoStats {
  warehouses: string[];
  locations: number;
  products: number;
  coldChainProducts: number;
  controlledProducts: number;
  lots: number;
  expiry: Record<ExpiryBand, number>;
  commands: Record<DemoStep['kind'], number>;
  discrepancies: number;
}

/**
 * What a plan contains, for the summary, leaving out the lots in `skip` (already there) and their
 * movements; `discrepancies` are the picks planned beyond stock.
 */
export function demoStats(data: DemoData, today: string, skip: ReadonlySet<number> = new Set()): DemoStats {
  const expiry: Record<ExpiryBand, number> = { expired: 0, le7: 0, le14: 0, le30: 0, ok: 0 };
  const lots = data.lots.filter((_, i) => !skip.has(i));
  for (const lot of lots) expiry[expiryBand(lot.expiry, today)]++;
  const commands: Record<DemoStep['kind'], number> = { receive: 0, pick: 0, transfer: 0, adjust: 0, count: 0, quarantine: 0, release: 0, recall: 0 };
  for (const step of data.steps) if (!skip.has(step.lot)) commands[step.kind]++;
  const { discrepancies } = plannedStock(data, skip);
  const warehouseNames = new Set(data.locations.map((l) => l.args.warehouse));
  return {
    warehouses: WAREHOUSES.map((w) => w.name).filter((n) => warehouseNames.has(n)),
    locations: data.locations.length,
    products: data.products.length,
    coldChainProducts: data.products.filter((p) => p.args.coldChain).length,
    controlledProducts: data.products.filter((p) => p.args.schedule).length,
    lots: lots.length,
    expiry,
    commands,
    discrepancies,
  };
}

export interface PlannedStock {
  /** Quantity by `lot@location` (plan indexes) after every step. */
  levels: Map<string, number>;
  /** Lot status (by lot index) after every step. */
  status: Map<number, 'available' | 'quarantine' | 'recalled'>;
  /** Movements that took a level below zero. */
  discrepancies: number;
}

/** The stock a plan leaves behind, replayed the way the ledger sums it. */
export function plannedStock(data: Pick<DemoData, 'steps'>, skip: ReadonlySet<number> = new Set()): PlannedStock {
  const levels = new Map<string, number>();
  const status = new Map<number, 'available' | 'quarantine' | 'recalled'>();
  let discrepancies = 0;
  const move = (lot: number, location: number, delta: number) => {
    const key = `${lot}@${location}`;
    const after = (levels.get(key) ?? 0) + delta;
    if (delta < 0 && after < 0) discrepancies++;
    levels.set(key, after);
  };
  for (const s of data.steps) {
    if (skip.has(s.lot)) continue;
    if (s.kind === 'receive') {
      move(s.lot, s.location, s.quantity);
      if (!status.has(s.lot)) status.set(s.lot, 'available');
    } else if (s.kind === 'pick') move(s.lot, s.location, -s.quantity);
    else if (s.kind === 'adjust') move(s.lot, s.location, s.delta);
    else if (s.kind === 'count') levels.set(`${s.lot}@${s.location}`, s.countedQuantity);
    else if (s.kind === 'transfer') {
      move(s.lot, s.from, -s.quantity);
      move(s.lot, s.to, s.quantity);
    } else status.set(s.lot, s.kind === 'quarantine' ? 'quarantine' : s.kind === 'recall' ? 'recalled' : 'available');
  }
  return { levels, status, discrepancies };
}
