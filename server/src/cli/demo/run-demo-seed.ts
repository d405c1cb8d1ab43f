import { resolve } from 'node:path';
import { AppError } from '../../../../shared/errors';
import { lotIdFor, productIdFor } from '../../../../shared/ids';
import { toIsoDate } from '../../../../shared/inventory/expiry';
import { loadDesktopConfig } from '../../../../src-main/core/config';
import { loadConfig } from '../../config';
import { signInDemo } from './demo-account';
import { DEMO_ACCOUNT } from './demo-account-defaults';
import { demoStats, generateDemoData } from './demo-data';
import { seedDemoQa, type DemoQaSummary } from './demo-qa';
import { openDemoProfile, type DemoProfile } from './demo-profile';
import { ensureDemoServer } from './demo-server';
import type { DemoSummary } from './demo-summary';
import { progressPrinter } from './progress-printer';
import { assertAllAccepted, seedDemo, syncNow } from './seed-demo';

export interface DemoSeedOptions {
  server?: string;
  email: string;
  password: string;
  desktopData?: string;
  keychainService?: string;
  products: number;
  lots: number;
  seed: number;
  again?: boolean;
  json?: boolean;
}

/**
 * `atlas demo seed`: server up (or started here), demo account registered (or signed in), the
 * plan entered through the local profile's stock commands and synced, then a summary.
 */
export async function runDemoSeed(opts: DemoSeedOptions, say: (line: string) => void): Promise<DemoSummary> {
  const started = performance.now();
  const on = today();
  const defaults = loadDesktopConfig({});
  const config = loadDesktopConfig(undefined, {
    ...(opts.server !== undefined ? { serverUrl: serverUrlOf(opts.server) } : {}),
    ...(opts.desktopData !== undefined ? { dataDir: resolve(opts.desktopData) } : {}),
    ...(opts.keychainService !== undefined ? { keychainService: opts.keychainService } : {}),
  });
  const account = { ...DEMO_ACCOUNT, email: opts.email, password: opts.password };
  const profile = openDemoProfile(config);
  const server = await ensureDemoServer(config.serverUrl, say).catch((err: unknown) => {
    profile.close();
    throw err;
  });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      profile.close();
      if (server.embedded) {
        say('Stopping the embedded server…');
        await server.embedded.server.close();
      }
    })());
  const interrupted = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  try {
    const signIn = await signInDemo(profile, account);
    if (signIn.replaced) say(`The local profile was signed in as ${signIn.replaced}; it is now signed in to the demo company.`);
    const companyId = signIn.session.company.id;
    let round = 0;
    if (!signIn.created) {
      say(`The account ${account.email} already exists on ${config.serverUrl} (company "${signIn.session.company.name}"): signed in, fetching its data…`);
      await syncNow(profile);
      const seeded = (await profile.call((api) => api.stock.products.query({}))).length > 0;
      if (seeded && !opts.again) {
        throw new AppError(
          'validation/invalid-input',
          `The demo company "${signIn.session.company.name}" is already seeded on ${config.serverUrl}; nothing was added. ` +
            `The local profile in ${config.dataDir} is signed in to it (${account.email} / ${account.password}). Run with --again to add another round of lots and movements.`,
        );
      }
      if (seeded) round = await nextRound(profile, companyId, opts, on);
    }
    const data = generateDemoData({ seed: opts.seed, products: opts.products, lots: opts.lots, today: on, round });
    const result = await seedDemo(profile, companyId, data, { skipExisting: !signIn.created, onProgress: progressPrinter(process.stderr) });
    await assertAllAccepted(profile);
    // QA documents once, with the company: --again rounds add stock, the QA staff are already there.
    let qa: DemoQaSummary | null = null;
    if (signIn.created) {
      say('Writing and signing demo Certificates of Analysis…');
      qa = await seedDemoQa(config.serverUrl, account, companyId, data);
    }
    const stats = demoStats(data, on, result.skippedLots);
    const embeddedDir = server.embedded?.dataDir ?? null;
    const startWith: Record<string, string> = {};
    if (config.serverUrl !== defaults.serverUrl) startWith['ATLAS_SERVER_URL'] = config.serverUrl;
    if (config.dataDir !== defaults.dataDir) startWith['ATLAS_DESKTOP_DATA'] = config.dataDir;
    if (config.keychainService !== defaults.keychainService) startWith['ATLAS_KEYCHAIN_SERVICE'] = config.keychainService;
    if (embeddedDir !== null && embeddedDir !== loadConfig({}).dataDir) startWith['ATLAS_DATA_DIR'] = embeddedDir;
    await stop();
    return {
      company: { id: companyId, name: signIn.session.company.name, created: signIn.created },
      account: { name: signIn.session.user.name, email: account.email, password: account.password },
      server: { url: config.serverUrl, embedded: embeddedDir !== null, dataDir: embeddedDir },
      desktop: { dataDir: config.dataDir, keychainService: config.keychainService, serverUrl: config.serverUrl },
      seed: opts.seed,
      round,
      today: on,
      warehouses: stats.warehouses,
      locations: stats.locations,
      products: { total: stats.products, added: result.products, coldChain: stats.coldChainProducts, controlled: stats.controlledProducts },
      lots: { added: result.lots, skipped: result.skippedLots.size, expiry: stats.expiry },
      movements: { ...result.commands, discrepancies: stats.discrepancies },
      qa,
      synced: result.synced,
      syncMs: Math.round(result.syncMs),
      durationMs: Math.round(performance.now() - started),
      startWith,
    };
  } catch (err) {
    await stop();
    throw err;
  } finally {
    process.off('SIGINT', interrupted);
  }
}

function serverUrlOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('config/invalid', `--server must be a URL such as http://127.0.0.1:4000, not "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('config/invalid', `--server must be an http:// or https:// URL, not "${value}".`);
  return value.replace(/\/+$/, '');
}

/** Today on this computer's calendar: expiry bands are counted in local days, as the app does. */
function today(): string {
  const now = new Date();
  return toIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** The first `--again` round whose lots are not there yet (each round draws new lots). */
async function nextRound(profile: DemoProfile, companyId: string, opts: DemoSeedOptions, on: string): Promise<number> {
  for (let round = 1; round < 100; round++) {
    const data = generateDemoData({ seed: opts.seed, products: opts.products, lots: opts.lots, today: on, round });
    const firstLots = data.lots.slice(0, 5).map((l) => lotIdFor(companyId, productIdFor(companyId, data.products[l.product]?.args.ndc11 ?? ''), l.lotNumber));
    const found = await Promise.all(firstLots.map((id) => profile.call((api) => api.stock.lot.query({ id })).then(() => true, () => false)));
    if (!found.some(Boolean)) return round;
  }
  throw new AppError('validation/invalid-input', 'The demo company has had 99 rounds of --again already; use another --seed.');
}
