import type { DemoProduct } from './demo-catalog';
import { lotDates, EXPIRY_SPREAD } from './demo-expiry';
import type { DemoLocation, LocationRole, Site } from './demo-locations';
import { LotTimeline, type DemoStep } from './lot-timeline';
import { lotNumber } from './lot-numbers';
import { SeededRandom } from './seeded-random';

export type { DemoStep } from './lot-timeline';

export interface DemoLot {
  /** Index into the catalogue. */
  product: number;
  lotNumber: string;
  expiry: string;
  manufacturedOn: string;
}

export interface StockPlan {
  lots: DemoLot[];
  /** In the order to run them: receipts first, then the work done on the stock since. */
  steps: DemoStep[];
}

export interface StockPlanOptions {
  seed: number;
  /** 0 for the first seeding; `--again` runs 1, 2… draw new lots over the same catalogue. */
  round: number;
  today: string;
  products: readonly DemoProduct[];
  locations: readonly DemoLocation[];
  lots: number;
}

/**
 * Lots and a movement history for them: receipts into the right kind of bin (cold room, vault,
 * cage, racking), picks against sales orders, inter-DC transfers, customer returns, adjustments
 * with reasons, cycle counts with variances, expired stock moved to quarantine or destroyed,
 * QA holds (some released), one recall and two picks beyond stock (discrepancies).
 */
export function generateStockPlan(o: StockPlanOptions): StockPlan {
  const random = SeededRandom.derive(o.seed, `stock:${o.round}`);
  const where = indexLocations(o.locations);
  const lots = drawLots(random, o);
  const timelines = lots.map((lot, i) => {
    const product = o.products[lot.product] as DemoProduct;
    const t = new LotTimeline(i, random, where, o.today, lot.expiry);
    const home = homeFor(random, product, where);
    const pkg = product.package;
    t.receive(home, pkg.caseSize * random.int(pkg.cases[0], pkg.cases[1]));
    if (random.chance(0.15)) {
      const other = homeFor(random, product, where);
      t.receive(other, pkg.caseSize * random.int(pkg.cases[0], Math.max(pkg.cases[0], Math.ceil(pkg.cases[1] / 2))));
    }
    t.work(home);
    return t;
  });

  // One recall, then two picks beyond stock, on lots that are still in ordinary stock.
  const open = random.shuffle(timelines.filter((t) => t.inOrdinaryStock()));
  const recalled = open[0];
  if (recalled) recalled.recall(recallReason(o.products[lots[recalled.lot]?.product ?? 0]));
  for (const t of open.slice(1, 3)) t.overPick();

  const steps = timelines
    .flatMap((t) => t.steps)
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => a.phase - b.phase || a.order - b.order)
    .map((entry) => entry.step);
  return { lots, steps };
}

function recallReason(product: DemoProduct | undefined): string {
  const finding = product?.args.dosageForm?.startsWith('Tablet') || product?.args.dosageForm?.startsWith('Capsule')
    ? 'out-of-specification dissolution at the 12-month stability point'
    : 'visible particulate matter found in retained samples';
  return `Voluntary recall (demo scenario, not a real recall): ${finding}`;
}

export interface LocationIndex {
  at(site: Site, role: LocationRole): number[];
  site(location: number): Site;
  role(location: number): LocationRole;
}

function indexLocations(locations: readonly DemoLocation[]): LocationIndex {
  return {
    at: (site, role) => locations.flatMap((l, i) => (l.site === site && l.role === role ? [i] : [])),
    site: (i) => locations[i]?.site ?? 'newark',
    role: (i) => locations[i]?.role ?? 'ambient',
  };
}

/** Cold chain to a cold room, CII to a vault, CIII–CV to the cage, the rest to racking. */
function homeFor(random: SeededRandom, product: DemoProduct, where: LocationIndex): number {
  const { coldChain, schedule } = product.args;
  const site: Site = random.chance(coldChain ? 0.7 : 0.3) ? 'memphis' : 'newark';
  let role: LocationRole = 'ambient';
  if (coldChain) role = 'cold';
  else if (schedule === 'CII') role = 'vault';
  else if (schedule) role = site === 'newark' ? 'controlled' : 'vault';
  return random.pick(where.at(site, role));
}

function drawLots(random: SeededRandom, o: StockPlanOptions): DemoLot[] {
  // Every product gets a lot while lots last; the rest go to the fast movers.
  const velocity = o.products.map(() => random.next() ** 2 + 0.05);
  const owners = o.products.map((_, i) => i).slice(0, o.lots);
  const weighted = velocity.map((w, i) => [i, w] as const);
  while (owners.length < o.lots) owners.push(random.weighted(weighted));
  const taken = new Set<string>();
  return random.shuffle(owners).map((product, i) => {
    const p = o.products[product] as DemoProduct;
    const dates = lotDates(random, o.today, p.shelfLifeMonths, i < EXPIRY_SPREAD.length ? i : undefined);
    let number = '';
    for (let attempt = 0; number === '' || taken.has(`${product}|${number}`); attempt++) {
      number = lotNumber(random.pick(p.lotStyles), random, dates.manufacturedOn);
      if (attempt > 20) number = `${number.slice(0, 16)}-${attempt}`;
    }
    taken.add(`${product}|${number}`);
    return { product, lotNumber: number, ...dates };
  });
}
