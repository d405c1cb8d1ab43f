import { afterAll, beforeAll, describe, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/start';
import { keychainAvailable } from '../support/keychain';
import { backends, skippedHere } from './support/backends';
import { TestDesktop } from './support/desktop';

/**
 * SYNC.md poke: with both terminals online and syncing by themselves, a change made on one shows
 * on the other promptly — the server NOTIFYs on commit (Postgres LISTEN/NOTIFY, also in PGlite)
 * and pushes a Server-Sent Event that makes the other terminal pull. No test-driven sync here.
 */
describe.runIf(keychainAvailable).each(backends)('poke on $name', (backend) => {
  if (skippedHere(backend)) return;
  let server: RunningServer;
  let teardown: () => Promise<void>;
  const terminals: TestDesktop[] = [];

  beforeAll(async () => {
    const setup = await backend.setup();
    teardown = setup.teardown;
    server = await startServer(setup.config());
  });
  afterAll(async () => {
    for (const t of terminals) t.dispose();
    await server?.close();
    await teardown?.();
  });

  it('another online terminal sees a receipt without anyone pressing sync', async () => {
    const account = { companyName: 'Poke Pharma', name: 'Pia Poke', email: 'pia@poke.example', password: 'server sent events' };
    const a = new TestDesktop(server.url, { autoSync: true });
    const b = new TestDesktop(server.url, { autoSync: true });
    terminals.push(a, b);
    await a.api.session.register.mutate(account);
    await b.api.session.signIn.mutate({ email: account.email, password: account.password });
    await a.api.stock.upsertProduct.mutate({ ndc11: '00093005801', name: 'Amoxicillin 500 mg', unit: 'bottle' });
    await a.api.stock.upsertLocation.mutate({ warehouse: 'Main', bin: 'P-1' });
    const seen = async (predicate: () => Promise<boolean>, what: string) => {
      const start = Date.now();
      while (!(await predicate())) {
        if (Date.now() - start > 10_000) throw new Error(`terminal B did not see ${what} within 10 s`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await seen(async () => (await b.api.stock.locations.query()).length === 1, 'the new location');

    const productId = (await a.api.stock.products.query({}))[0]?.id ?? '';
    const locationId = (await a.api.stock.locations.query())[0]?.id ?? '';
    await a.api.stock.receive.mutate({ productId, lotNumber: 'POKE-1', expiry: '2028-03-31', locationId, quantity: 12 });
    // `seen` gives up after 10 s, well inside the 30 s idle interval: it was the poke, not the timer.
    await seen(async () => (await b.api.stock.list.query({})).rows.some((r) => r.lotNumber === 'POKE-1' && r.quantity === 12), 'the receipt');
  });
});
