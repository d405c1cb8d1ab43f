import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/client';
import { startServer } from '../server/src/start';
import { TestDesktop } from '../tests/integration/support/desktop';
import { OsKeychain } from '../src-main/core/keystore/os-keychain';
import { openReplica } from '../src-main/core/replica/open-replica';
import type { Figure } from './measure';

const account = { companyName: 'Bench Wholesale', name: 'Bench Admin', email: 'bench@sync.example', password: 'bench password 123' };

/**
 * Sync throughput (issue 3 targets): initial sync of 100,000 lots to an empty replica (≤ 3 s), and
 * draining 10,000 offline mutations — push, apply, acknowledge, pull back (≤ 3 s). Server on
 * embedded PGlite, desktop over loopback HTTP, both in this process.
 */
export async function syncBench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-sync-'));
  const config = loadConfig({ NODE_ENV: 'test' }, { port: 0, dataDir: dir });
  const figures: Figure[] = [];
  let server = await startServer(config);
  const fixed = loadConfig({ NODE_ENV: 'test' }, { port: server.port, dataDir: dir });
  const terminals: TestDesktop[] = [];
  try {
    const seeder = new TestDesktop(server.url);
    terminals.push(seeder);
    const session = await seeder.api.session.register.mutate(account);
    await server.close();
    await seedLots(fixed.pgliteDir, session.company.id, 100_000);
    server = await startServer(fixed);

    const fresh = new TestDesktop(server.url);
    terminals.push(fresh);
    await fresh.api.session.signIn.mutate({ email: account.email, password: account.password });
    let start = performance.now();
    process.stderr.write('sync bench: 100,000 lots seeded; initial sync…\n');
    await fresh.api.sync.now.mutate();
    const initial = performance.now() - start;
    const replica = openReplica({ file: join(fresh.dir, 'replica.db'), keyStore: new OsKeychain(fresh.service) });
    const lots = (replica.sqlite.prepare('SELECT count(*) AS n FROM lots').get() as { n: number }).n;
    replica.close();
    figures.push(single(`sync.initial_100k_lots_ms (${lots} lots + 2,200 products/locations into an empty replica)`, initial));

    // 10,000 changes made offline (network down), then one sync drains them.
    let down = true;
    const offline = new TestDesktop(server.url, { fetch: (input, init) => (down ? Promise.reject(new TypeError('offline')) : fetch(input, init)) });
    terminals.push(offline);
    down = false;
    await offline.api.session.signIn.mutate({ email: account.email, password: account.password });
    await offline.api.stock.upsertLocation.mutate({ warehouse: 'Drain', bin: 'D-1' });
    await offline.api.stock.upsertProduct.mutate({ ndc11: '99999000101', name: 'Drain test product', unit: 'each' });
    await offline.api.sync.now.mutate();
    const productId = (await offline.api.stock.products.query({ search: 'Drain test' }))[0]?.id ?? '';
    const locationId = (await offline.api.stock.locations.query()).find((l) => l.warehouse === 'Drain')?.id ?? '';
    down = true;
    for (let i = 0; i < 10_000; i++) {
      await offline.core.inventory().receive({ productId, lotNumber: `DR${i % 500}`, expiry: '2028-06-30', locationId, quantity: 1 + (i % 7), manufacturedOn: null, serial: null, reference: null });
    }
    const pending = (await offline.api.sync.status.query()).pending;
    down = false;
    start = performance.now();
    await offline.api.sync.now.mutate();
    figures.push(single(`sync.drain_10k_offline_mutations_ms (${pending} queued, push+apply+ack+pull)`, performance.now() - start));
    const after = await offline.api.sync.status.query();
    if (after.pending !== 0) throw new Error(`drain left ${after.pending} changes queued`);
    return figures;
  } finally {
    for (const t of terminals) t.dispose();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function single(name: string, ms: number): Figure {
  const v = Math.round(ms * 100) / 100;
  return { name, unit: 'ms', runs: 1, median: v, p95: v };
}

/** Bulk-loads lots straight into the server's database — set-up, not measured. */
async function seedLots(pgliteDir: string, companyId: string, count: number): Promise<void> {
  const database = await openDatabase({ pgliteDir, databaseUrl: undefined });
  try {
    await database.db.execute(sql`
      insert into locations (id, company_id, version, warehouse, zone, bin)
      select gen_random_uuid(), ${companyId}, 1, 'Main', 'Z' || (g % 10), 'B-' || g from generate_series(1, 200) g`);
    await database.db.execute(sql`
      insert into products (id, company_id, version, ndc11, name, generic_name, manufacturer, unit)
      select gen_random_uuid(), ${companyId}, 1, lpad(g::text, 11, '0'), 'Product ' || g, 'generic ' || (g % 300), 'Maker ' || (g % 40), 'each'
      from generate_series(1, 2000) g`);
    await database.db.execute(sql`
      with p as (select id, row_number() over () as n from products where company_id = ${companyId})
      insert into lots (id, company_id, version, product_id, lot_number, expiry, status)
      select gen_random_uuid(), ${companyId}, 2 + g / 1000, p.id, 'L' || lpad(g::text, 7, '0'), date '2027-01-01' + (g % 900), 'available'
      from generate_series(1, ${count}) g join p on p.n = 1 + (g % 2000)`);
    await database.db.execute(sql`
      insert into company_versions (company_id, version) values (${companyId}, 2 + ${count} / 1000)
      on conflict (company_id) do update set version = excluded.version`);
  } finally {
    await database.close();
  }
}
