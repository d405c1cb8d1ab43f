import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainAvailable } from '../support/keychain';
import { freePort } from '../support/free-port';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from './support/postgres';
import { skippedHere } from './support/backends';
import { ServerProcess } from './support/server-process';
import { TestDesktop } from './support/desktop';

/**
 * SYNC.md fault: `kill -9` of the server in the middle of a push batch. The batch's transaction
 * dies with the process; after a restart the client resends and every change is applied exactly
 * once — on embedded PGlite (its files recovered from the WAL) and on PostgreSQL.
 */
const cases = [
  { name: 'PGlite on disk', unavailable: null as string | null, database: async () => ({ env: {}, stop: async () => {} }) },
  {
    name: 'PostgreSQL 15',
    unavailable: postgresUnavailableReason(),
    database: async () => {
      const pg: TestPostgres = await startPostgres();
      return { env: { DATABASE_URL: pg.url }, stop: () => pg.stop() };
    },
  },
];

describe.runIf(keychainAvailable).each(cases)('kill -9 of the server mid-push on $name', (c) => {
  if (skippedHere(c)) return;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-kill9-'));
  let server: ServerProcess;
  let stopDb: () => Promise<void>;
  const terminals: TestDesktop[] = [];

  beforeAll(async () => {
    const db = await c.database();
    stopDb = db.stop;
    server = new ServerProcess(await freePort(), { ATLAS_DATA_DIR: dir, NODE_ENV: 'test', ...db.env });
    await server.start();
  });
  afterAll(async () => {
    for (const t of terminals) t.dispose();
    await server?.stop();
    await stopDb?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every queued change exactly once after the crash', async () => {
    let pushes = 0;
    let killing: Promise<void> | null = null;
    const network: typeof fetch = async (input, init) => {
      if (String(input).includes('/trpc/sync.push') && ++pushes === 2) {
        // The second batch is on its way: cut the server off while it applies it.
        killing = new Promise((r) => setTimeout(r, 15)).then(() => server.kill9());
      }
      return fetch(input, init);
    };
    const terminal = new TestDesktop(server.url, { fetch: network });
    terminals.push(terminal);
    const account = { companyName: 'Kill Nine Pharma', name: 'Kai Nine', email: 'kai@kill9.example', password: 'sigkill mid batch' };
    await terminal.api.session.register.mutate(account);
    await terminal.api.stock.upsertProduct.mutate({ ndc11: '00093005801', name: 'Amoxicillin 500 mg', unit: 'bottle' });
    await terminal.api.stock.upsertLocation.mutate({ warehouse: 'Main', bin: 'K-9' });
    await terminal.api.sync.now.mutate();
    pushes = 0;
    const productId = (await terminal.api.stock.products.query({}))[0]?.id ?? '';
    const locationId = (await terminal.api.stock.locations.query())[0]?.id ?? '';

    let expected = 0;
    for (let i = 0; i < 2_000; i++) {
      const quantity = 1 + (i % 5);
      expected += quantity;
      await terminal.core.inventory().receive({ productId, lotNumber: `K${i % 20}`, expiry: '2028-01-31', locationId, quantity, manufacturedOn: null, serial: null, reference: null });
    }
    await expect(terminal.api.sync.now.mutate()).rejects.toMatchObject({ shape: { data: { app: { code: 'server/unreachable' } } } });
    await killing;
    expect((await terminal.api.sync.status.query()).pending).toBeGreaterThan(0);

    await server.start();
    await terminal.api.sync.now.mutate();
    expect((await terminal.api.sync.status.query()).pending).toBe(0);
    expect(await terminal.api.sync.rejections.query()).toEqual([]);

    const check = new TestDesktop(server.url);
    terminals.push(check);
    await check.api.session.signIn.mutate({ email: account.email, password: account.password });
    await check.api.sync.now.mutate();
    const total = (await check.api.stock.list.query({})).rows.reduce((n, r) => n + r.quantity, 0);
    expect(total).toBe(expected);
    expect((await terminal.api.stock.list.query({})).rows.reduce((n, r) => n + r.quantity, 0)).toBe(expected);
  });
});
