import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { startServer, type RunningServer } from '../../server/src/start';
import type { ServerConfig } from '../../server/src/config';
import { keychainAvailable } from '../support/keychain';
import { backends, skippedHere } from './support/backends';
import { TestDesktop } from './support/desktop';

/**
 * Two warehouse terminals and a server: offline work reaches the server and the other terminal,
 * nothing lost, nothing doubled; rejections are kept and shown; counts use the authoritative level.
 */
describe.runIf(keychainAvailable).each(backends)('local-first sync on $name', (backend) => {
  if (skippedHere(backend)) return;
  let config: ServerConfig;
  let server: RunningServer;
  let teardown: () => Promise<void>;
  let a: TestDesktop;
  let b: TestDesktop;
  const account = { companyName: 'Meridian Pharma Logistics', name: 'Ola Berg', email: 'ola.berg@meridian.example', password: 'cold chain 2-8 degrees' };
  let productId = '';
  let shelf = '';
  let quarantineBay = '';

  const levelOf = async (t: TestDesktop, lotNumber: string, locationId: string) => {
    const { rows } = await t.api.stock.list.query({});
    return rows.filter((r) => r.lotNumber === lotNumber && r.locationId === locationId).reduce((s, r) => s + r.quantity, 0);
  };

  beforeAll(async () => {
    const setup = await backend.setup();
    teardown = setup.teardown;
    config = setup.config();
    server = await startServer(config);
    // A fixed port from now on, so the server can be stopped and started again at the same URL.
    config = loadConfig({ NODE_ENV: 'test' }, { port: server.port, dataDir: config.dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
    a = new TestDesktop(server.url);
    b = new TestDesktop(server.url);
    await a.api.session.register.mutate(account);
    await b.api.session.signIn.mutate({ email: account.email, password: account.password });
  });

  afterAll(async () => {
    a?.dispose();
    b?.dispose();
    await server?.close();
    await teardown?.();
  });

  it('creates catalogue and locations on one terminal and the other pulls them', async () => {
    await a.api.stock.upsertProduct.mutate({ ndc11: '67457015303', gtin: '00367457153032', name: 'Cisatracurium Besylate 2 mg/mL', manufacturer: 'Mylan', unit: 'vial', coldChain: true });
    await a.api.stock.upsertLocation.mutate({ warehouse: 'Main', zone: 'A', bin: 'A-01' });
    await a.api.stock.upsertLocation.mutate({ warehouse: 'Main', zone: 'Q', bin: 'QUAR-1' });
    expect((await a.api.sync.status.query()).pending).toBe(3);
    await a.api.sync.now.mutate();
    expect((await a.api.sync.status.query()).pending).toBe(0);

    await b.api.sync.now.mutate();
    const products = await b.api.stock.products.query({});
    expect(products.map((p) => p.name)).toEqual(['Cisatracurium Besylate 2 mg/mL']);
    productId = products[0]?.id ?? '';
    const locs = await b.api.stock.locations.query();
    shelf = locs.find((l) => l.bin === 'A-01')?.id ?? '';
    quarantineBay = locs.find((l) => l.bin === 'QUAR-1')?.id ?? '';
    expect(locs.every((l) => !l.pendingSync)).toBe(true);
  });

  it('keeps work done with the server down and delivers it exactly once when it returns', async () => {
    await server.close();
    // Terminal A receives two lots, B receives one, both offline.
    await a.api.stock.receive.mutate({ productId, lotNumber: '0012/A', expiry: '2027-03-31', locationId: shelf, quantity: 40 });
    await a.api.stock.receive.mutate({ productId, lotNumber: '0013/B', expiry: '2027-06-30', locationId: shelf, quantity: 25 });
    await b.api.stock.receive.mutate({ productId, lotNumber: '0012/A', expiry: '2027-03-31', locationId: shelf, quantity: 10 });
    await expect(a.api.sync.now.mutate()).rejects.toMatchObject({ shape: { data: { app: { code: 'server/unreachable' } } } });
    expect(await a.api.sync.status.query()).toMatchObject({ pending: 2, online: false, lastError: { code: 'server/unreachable' } });
    // The optimistic stock is visible at once, offline.
    expect(await levelOf(a, '0012/A', shelf)).toBe(40);
    // A crash/restart of the app loses nothing queued.
    a.restart();
    expect((await a.api.sync.status.query()).pending).toBe(2);

    server = await startServer(config);
    await a.api.sync.now.mutate();
    await b.api.sync.now.mutate();
    await a.api.sync.now.mutate();
    // Both terminals received lot 0012/A offline: one lot (same natural key), two receipts.
    for (const t of [a, b]) {
      expect(await levelOf(t, '0012/A', shelf)).toBe(50);
      expect(await levelOf(t, '0013/B', shelf)).toBe(25);
      expect((await t.api.sync.status.query()).pending).toBe(0);
    }
    const detail = await a.api.stock.list.query({ search: '0012' });
    expect(detail.rows).toHaveLength(1);
  });

  it('counts against the authoritative level, so two offline counts do not double the variance', async () => {
    const lotId = (await a.api.stock.list.query({ search: '0013' })).rows[0]?.lotId ?? '';
    await server.close();
    await a.api.stock.count.mutate({ lotId, locationId: shelf, countedQuantity: 24 });
    await b.api.stock.count.mutate({ lotId, locationId: shelf, countedQuantity: 24 });
    server = await startServer(config);
    await a.api.sync.now.mutate();
    await b.api.sync.now.mutate();
    await a.api.sync.now.mutate();
    expect(await levelOf(a, '0013/B', shelf)).toBe(24);
    expect(await levelOf(b, '0013/B', shelf)).toBe(24);
    const history = await a.api.stock.lot.query({ id: lotId });
    expect(history.movements.filter((m) => m.kind === 'count').map((m) => m.quantity).sort()).toEqual([-1, 0]);
  });

  it('flags (but keeps) a pick below zero, and transfers and quarantines sync', async () => {
    const lotId = (await a.api.stock.list.query({ search: '0012' })).rows[0]?.lotId ?? '';
    await a.api.stock.pick.mutate({ lotId, locationId: shelf, quantity: 55 });
    await a.api.stock.transfer.mutate({ lotId, fromLocationId: shelf, toLocationId: quarantineBay, quantity: 5 });
    await a.api.stock.quarantine.mutate({ lotId, locationId: quarantineBay, reason: 'Temperature excursion in transit' });
    await a.api.sync.now.mutate();
    await b.api.sync.now.mutate();
    const lines = (await b.api.stock.list.query({ search: '0012' })).rows;
    expect(lines.find((l) => l.locationId === shelf)).toMatchObject({ quantity: -10, discrepancy: true });
    expect(lines.find((l) => l.locationId === quarantineBay)).toMatchObject({ quantity: 5, status: 'quarantine' });
  });

  it('acknowledges a rejected change, keeps it with its reason, and rolls back its optimistic effect', async () => {
    await server.close();
    // Offline, A receives lot 0099 with one expiry and B with another: the second to arrive is refused.
    await a.api.stock.receive.mutate({ productId, lotNumber: '0099', expiry: '2028-01-31', locationId: shelf, quantity: 7 });
    await b.api.stock.receive.mutate({ productId, lotNumber: '0099', expiry: '2028-02-29', locationId: shelf, quantity: 3 });
    expect(await levelOf(b, '0099', shelf)).toBe(3);
    server = await startServer(config);
    await a.api.sync.now.mutate();
    await b.api.sync.now.mutate();
    const rejections = await b.api.sync.rejections.query();
    expect(rejections).toEqual([expect.objectContaining({ name: 'stock.receive', code: 'inventory/invalid-movement', message: expect.stringContaining('already recorded with expiry 2028-01-31') })]);
    // B's optimistic receipt is gone; the server's lot (with A's receipt and expiry) is what it shows.
    expect(await levelOf(b, '0099', shelf)).toBe(7);
    expect((await b.api.stock.list.query({ search: '0099' })).rows[0]?.expiry).toBe('2028-01-31');
    expect((await b.api.sync.status.query()).pending).toBe(0);
    await b.api.sync.dismiss.mutate({ mutationId: rejections[0]?.mutationId ?? '' });
    expect(await b.api.sync.rejections.query()).toEqual([]);
  });
});
