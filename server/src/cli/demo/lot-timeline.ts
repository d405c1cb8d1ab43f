import type { LocationIndex } from './demo-plan';
import type { LocationRole } from './demo-locations';
import type { SeededRandom } from './seeded-random';

type AdjustReason = 'damaged' | 'expired' | 'lost' | 'found' | 'sample' | 'data-correction' | 'other';

/** One stock command of the demo, on lots and locations given by their index in the plan. */
export type DemoStep =
  | { kind: 'receive'; lot: number; location: number; quantity: number; reference: string }
  | { kind: 'pick'; lot: number; location: number; quantity: number; reference: string }
  | { kind: 'transfer'; lot: number; from: number; to: number; quantity: number; reference: string }
  | { kind: 'adjust'; lot: number; location: number; delta: number; reasonCode: AdjustReason; note: string | null }
  | { kind: 'count'; lot: number; location: number; countedQuantity: number }
  | { kind: 'quarantine' | 'release' | 'recall'; lot: number; location: number; reason: string; reference: string | null };

// Steps run phase by phase (all receipts, then transfers, then picks…); within a lot, in order.
const PHASE = { receive: 0, transfer: 1, pick: 2, returns: 3, adjust: 4, expired: 5, count: 6, hold: 7, release: 8, recall: 9, overPick: 10 } as const;

const QA_HOLDS = [
  'Damaged outer cartons on receipt — pending inspection',
  'Pending QA review of the certificate of analysis',
  'Label mix-up reported by a customer — investigating',
  'Suspect product: DSCSA verification request from a dispenser',
];
const SHELF_ROLES = new Set<LocationRole>(['ambient', 'cold', 'vault', 'controlled', 'returns']);
const EXCURSION = 'Temperature excursion: data logger shows 9.4 °C for 3 h in transit';
const ADJUSTMENTS: readonly (readonly [readonly [AdjustReason, number, number, string | null], number])[] = [
  [['damaged', -3, -1, 'Carton crushed by a forklift at the dock'], 20],
  [['damaged', -2, -1, 'Dropped during picking — units broken'], 15],
  [['found', 1, 2, 'Found behind racking during a bin audit'], 15],
  [['lost', -2, -1, null], 10],
  [['sample', -1, -1, 'QA retain sample'], 10],
  [['data-correction', -6, 6, 'Receipt keyed in cases instead of units'], 20],
  [['other', -2, -1, 'Water damage from the sprinkler test in aisle B'], 10],
];

/** The life of one lot, simulated so picks and transfers never take more than is there (except on purpose). */
export class LotTimeline {
  readonly steps: { phase: number; step: DemoStep }[] = [];
  private readonly levels = new Map<number, number>();
  private held = false;
  private readonly expired: boolean;

  constructor(
    readonly lot: number,
    private readonly random: SeededRandom,
    private readonly where: LocationIndex,
    private readonly today: string,
    private readonly expiry: string,
  ) {
    this.expired = expiry < today;
  }

  receive(location: number, quantity: number, phase: number = PHASE.receive, reference = `PO-${4_500_000_000 + this.random.int(0, 999_999)}`): void {
    this.add(phase, { kind: 'receive', lot: this.lot, location, quantity, reference });
  }

  /** Everything that happens to the lot between receipt and today. */
  work(home: number): void {
    const { random: r, where } = this;
    const site = where.site(home);
    const role = where.role(home);
    if (!this.expired && r.chance(0.12)) {
      const otherSite = site === 'newark' ? 'memphis' : 'newark';
      const targets = [...where.at(otherSite, role === 'controlled' ? 'vault' : role), ...where.at(site, role)].filter((l) => l !== home);
      if (targets.length > 0) this.transfer(PHASE.transfer, home, r.pick(targets), this.share(home, 0.2, 0.5));
    }
    const picks = this.expired ? r.int(0, 2) : r.weighted([[0, 20], [1, 30], [2, 25], [3, 15], [4, 10]]);
    for (let i = 0; i < picks; i++) {
      const from = this.stocked();
      if (from === null) break;
      const quantity = r.int(1, Math.max(1, Math.floor((this.levels.get(from) ?? 0) * 0.3)));
      this.add(PHASE.pick, { kind: 'pick', lot: this.lot, location: from, quantity, reference: salesOrder(r) });
    }
    if (!this.expired && r.chance(0.05)) this.customerReturn();
    if (!this.expired && r.chance(0.04)) this.adjust();
    if (this.expired) this.handleExpired();
    if (!this.expired && r.chance(0.12)) this.count();
    if (!this.expired && r.chance(0.03)) this.qaHold(home);
  }

  /** Still available, unexpired stock on a shelf: a candidate for the recall or a discrepancy. */
  inOrdinaryStock(): boolean {
    return !this.expired && !this.held && this.shelves().length > 0;
  }

  recall(reason: string): void {
    const { where } = this;
    const at = this.stocked();
    if (at === null) return;
    this.add(PHASE.recall, { kind: 'recall', lot: this.lot, location: at, reason, reference: 'RCL-DEMO-0001' });
    const cage = where.at(where.site(at), 'quarantine')[0];
    if (cage !== undefined) this.transfer(PHASE.recall, at, cage, this.levels.get(at) ?? 0);
  }

  /** A pick of more than the shelf holds: recorded, and flagged as a discrepancy for a supervisor. */
  overPick(): void {
    const at = this.stocked();
    if (at === null) return;
    const quantity = (this.levels.get(at) ?? 0) + this.random.int(2, 12);
    this.add(PHASE.overPick, { kind: 'pick', lot: this.lot, location: at, quantity, reference: salesOrder(this.random) });
  }

  private customerReturn(): void {
    const { random: r, where } = this;
    const intake = r.pick(where.at('reno', 'returns'));
    this.receive(intake, r.int(1, 6), PHASE.returns, `RMA-${r.int(20_000, 99_999)}`);
    const outcome = r.weighted([['restock', 60], ['destroy', 25], ['wait', 15]] as const);
    if (outcome === 'wait') return;
    const to = r.pick(where.at('reno', outcome === 'restock' ? 'ambient' : 'destruction'));
    this.transfer(PHASE.returns, intake, to, this.levels.get(intake) ?? 0);
  }

  private adjust(): void {
    const at = this.stocked();
    if (at === null) return;
    const [reasonCode, min, max, note] = this.random.weighted(ADJUSTMENTS);
    let delta = this.random.int(min, max) || 1;
    delta = Math.max(delta, -(this.levels.get(at) ?? 0));
    if (delta !== 0) this.add(PHASE.adjust, { kind: 'adjust', lot: this.lot, location: at, delta, reasonCode, note });
  }

  private handleExpired(): void {
    const { random: r, where } = this;
    const fate = r.weighted([['quarantine', 55], ['destroy', 25], ['left', 20]] as const);
    if (fate === 'left') return; // still on the shelf: the stock screen shows it red
    for (const [at, level] of [...this.levels]) {
      if (level <= 0 || !SHELF_ROLES.has(where.role(at))) continue;
      if (fate === 'destroy') {
        this.add(PHASE.expired, { kind: 'adjust', lot: this.lot, location: at, delta: -level, reasonCode: 'expired', note: `Sent to the reverse distributor for destruction, manifest RD-${r.int(10_000, 99_999)}` });
        continue;
      }
      const cage = where.at(where.site(at), 'quarantine')[0];
      if (cage === undefined) continue;
      this.transfer(PHASE.expired, at, cage, level);
      if (!this.held) {
        this.held = true;
        this.add(PHASE.expired, { kind: 'quarantine', lot: this.lot, location: cage, reason: `Expired ${this.expiry}: held for the reverse distributor`, reference: null });
      }
    }
  }

  private count(): void {
    const at = this.stocked();
    if (at === null) return;
    const level = this.levels.get(at) ?? 0;
    const variance = this.random.chance(0.7) ? 0 : this.random.pick([-3, -2, -1, -1, 1, 2]);
    this.add(PHASE.count, { kind: 'count', lot: this.lot, location: at, countedQuantity: Math.max(0, level + variance) });
  }

  private qaHold(home: number): void {
    const at = (this.levels.get(home) ?? 0) > 0 ? home : this.stocked();
    if (at === null) return;
    const cold = this.where.role(at) === 'cold';
    const reason = cold && this.random.chance(0.6) ? EXCURSION : this.random.pick(QA_HOLDS);
    const deviation = `DEV-${this.today.slice(0, 4)}-${String(this.random.int(1, 400)).padStart(4, '0')}`;
    this.held = true;
    this.add(PHASE.hold, { kind: 'quarantine', lot: this.lot, location: at, reason, reference: deviation });
    if (this.random.chance(0.5)) {
      this.held = false;
      this.add(PHASE.release, { kind: 'release', lot: this.lot, location: at, reason: `QA review complete, ${deviation} closed: released to stock`, reference: deviation });
    }
  }

  private transfer(phase: number, from: number, to: number, quantity: number): void {
    if (quantity <= 0 || from === to) return;
    this.add(phase, { kind: 'transfer', lot: this.lot, from, to, quantity, reference: `TO-${this.random.int(100_000, 999_999)}` });
  }

  /** A shelf (not a cage or the destruction hold) holding some of the lot, or null. */
  private stocked(): number | null {
    const options = this.shelves();
    return options.length > 0 ? this.random.pick(options) : null;
  }

  private shelves(): number[] {
    return [...this.levels].filter(([at, level]) => level > 0 && SHELF_ROLES.has(this.where.role(at))).map(([at]) => at);
  }

  private share(at: number, min: number, max: number): number {
    const level = this.levels.get(at) ?? 0;
    return Math.max(1, Math.floor(level * (min + this.random.next() * (max - min))));
  }

  private add(phase: number, step: DemoStep): void {
    const change = (at: number, delta: number) => this.levels.set(at, (this.levels.get(at) ?? 0) + delta);
    if (step.kind === 'receive') change(step.location, step.quantity);
    else if (step.kind === 'pick') change(step.location, -step.quantity);
    else if (step.kind === 'adjust') change(step.location, step.delta);
    else if (step.kind === 'count') this.levels.set(step.location, step.countedQuantity);
    else if (step.kind === 'transfer') {
      change(step.from, -step.quantity);
      change(step.to, step.quantity);
    }
    this.steps.push({ phase, step });
  }
}

function salesOrder(random: SeededRandom): string {
  return `SO-${random.int(7_000_000, 7_999_999)}`;
}
