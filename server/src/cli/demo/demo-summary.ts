import type { DemoStats } from './demo-data';
import type { DemoQaSummary } from './demo-qa';
import type { SeedResult } from './seed-demo';

export interface DemoSummary {
  company: { id: string; name: string; created: boolean };
  account: { name: string; email: string; password: string };
  server: { url: string; embedded: boolean; dataDir: string | null };
  desktop: { dataDir: string; keychainService: string; serverUrl: string };
  seed: number;
  /** 0 for the first seeding, 1, 2… for each `--again`. */
  round: number;
  today: string;
  warehouses: string[];
  locations: number;
  products: { total: number; added: number; coldChain: number; controlled: number };
  lots: { added: number; skipped: number; expiry: DemoStats['expiry'] };
  movements: SeedResult['commands'] & { discrepancies: number };
  /** QA staff and CoAs seeded with the company (null on an --again round). */
  qa: DemoQaSummary | null;
  synced: number;
  syncMs: number;
  durationMs: number;
  /** Environment for `npm start` when this profile is not the default one. */
  startWith: Record<string, string>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The closing text: what was loaded, and how a person signs in and opens it. */
export function formatSummary(s: DemoSummary): string {
  const m = s.movements;
  const e = s.lots.expiry;
  const seconds = (s.durationMs / 1000).toFixed(1);
  const env = Object.entries(s.startWith).map(([k, v]) => `${k}=${/^[\w./:@-]+$/.test(v) ? v : JSON.stringify(v)}`);
  const lines = [
    `Demo company "${s.company.name}" ${s.round === 0 ? 'seeded' : `topped up (round ${s.round})`} in ${seconds} s (seed ${s.seed}).`,
    `  Warehouses  ${s.warehouses.join(', ')} (${plural(s.locations, 'bin')})`,
    `  Products    ${s.products.total} (${s.products.coldChain} cold chain 2–8 °C, ${s.products.controlled} controlled CII–CV)${s.products.added < s.products.total ? `, ${s.products.added} new` : ''}`,
    `  Lots        ${s.lots.added} added: ${e.expired} expired, ${e.le7} expire within 7 days, ${e.le14} within 14, ${e.le30} within 30, ${e.ok} later`,
    `  Movements   ${plural(m.receive, 'receipt')}, ${plural(m.pick, 'pick')}, ${plural(m.transfer, 'transfer')}, ${plural(m.adjust, 'adjustment')}, ${plural(m.count, 'cycle count')},`,
    `              ${plural(m.quarantine, 'quarantine')}, ${plural(m.release, 'release')}, ${plural(m.recall, 'recall')}; ${plural(m.discrepancies, 'discrepancy', 'discrepancies')} (picks beyond stock)`,
    `  Synced      ${plural(s.synced, 'change')} to ${s.server.url} in ${(s.syncMs / 1000).toFixed(1)} s: none pending, none refused`,
    ...(s.qa
      ? [
          `  QA          ${plural(s.qa.approved.length, 'approved CoA')} (authored, reviewed, approved; every signature in the ledger), ${s.qa.inReview.length} in review`,
          `              signers ${s.qa.people.map((p) => `${p.name} <${p.email}>`).join(', ')} (same password)`,
        ]
      : []),
    '',
    'Sign in with',
    `  email     ${s.account.email}`,
    `  password  ${s.account.password}`,
    '',
    `The local profile in ${s.desktop.dataDir} (keychain service "${s.desktop.keychainService}") is signed in to it.`,
    env.length === 0 ? 'Open the app with `npm start`: it opens on the demo stock.' : `Open the app with \`${env.join(' ')} npm start\`: it opens on the demo stock.`,
  ];
  if (s.lots.skipped > 0) lines.splice(4, 0, `              (${s.lots.skipped} lots of this round were already there and left alone)`);
  if (s.server.embedded) lines.push(`The server was started here for the seed and has stopped; \`npm start\` or \`atlas server\` serves the same data (${s.server.dataDir}).`);
  return lines.join('\n');
}
