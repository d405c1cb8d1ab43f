import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootOf, leafHash } from '../../shared/ledger';
import { verifyTreeHead } from '../../shared/ledger/tree-head';
import { ledgerEntrySchema } from '../../shared/qa/ledger-entry';
import { QaProjection } from '../../shared/qa/projection';
import { signaturePayload } from '../../shared/qa/signature';
import { verify } from '../../shared/signing/ed25519';
import { createServerClient } from '../../src-main/core/session/server-client';
import { loadConfig } from '../../server/src/config';
import { DEMO_ACCOUNT } from '../../server/src/cli/demo/demo-account-defaults';
import { generateDemoData, plannedStock, type DemoData } from '../../server/src/cli/demo/demo-data';
import type { DemoSummary } from '../../server/src/cli/demo/demo-summary';
import { signedInOrThrow } from '../../server/src/services/auth/sign-in-result';
import { startServer, type RunningServer } from '../../server/src/start';
import { loadDesktopConfig } from '../../src-main/core/config';
import { createDesktopCore } from '../../src-main/core/create-desktop-core';
import { OsKeychain } from '../../src-main/core/keystore/os-keychain';
import { replicaKeyName } from '../../src-main/core/replica/open-replica';
import { freePort } from '../support/free-port';
import { keychainAvailable } from '../support/keychain';
import { TestDesktop } from './support/desktop';

const BIN = fileURLToPath(new URL('../../server/bin/atlas.js', import.meta.url));

/** The real binary, asynchronously: the test's own server must keep answering while it runs. */
function atlas(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.once('error', reject);
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Stock lines `lot number | NDC | location` → quantity, as the stock screen lists them. */
function expectedLines(data: DemoData): Map<string, number> {
  const { levels } = plannedStock(data);
  const lines = new Map<string, number>();
  for (const [key, quantity] of levels) {
    if (quantity === 0) continue;
    const [lot, location] = key.split('@').map(Number) as [number, number];
    const l = data.lots[lot]!;
    const where = data.locations[location]!.args;
    lines.set(`${l.lotNumber} | ${data.products[l.product]!.args.ndc11} | ${where.warehouse} / ${where.zone} / ${where.bin}`, quantity);
  }
  return lines;
}

type StockRows = Awaited<ReturnType<TestDesktop['api']['stock']['list']['query']>>['rows'];
const linesOf = (rows: StockRows) => new Map(rows.map((r) => [`${r.lotNumber} | ${r.ndc11} | ${r.location}`, r.quantity]));

/**
 * `atlas demo seed` end to end: the real CLI with the real OS keychain, an embedded server it
 * starts itself, then a fresh terminal signed in to the demo account checks the server has
 * exactly the planned stock, and the CLI's own profile opens on it as `npm start` would.
 */
describe.runIf(keychainAvailable)('atlas demo seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-demo-seed-'));
  const desktopDir = join(dir, 'desktop');
  const serverDir = join(dir, 'server');
  const service = `atlas-test-demo-${process.pid}-${Date.now()}`;
  const SIZE = ['--products', '25', '--lots', '80', '--seed', '7'];
  let url = '';
  let port = 0;
  let args: string[] = [];
  let server: RunningServer | null = null;
  let viewer: TestDesktop | null = null;
  let summary: DemoSummary;

  beforeAll(async () => {
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    args = ['demo', 'seed', '--server', url, '--desktop-data', desktopDir, '--keychain-service', service, ...SIZE];
  });

  afterAll(async () => {
    viewer?.dispose();
    await server?.close();
    const keys = new OsKeychain(service);
    keys.delete(replicaKeyName(join(desktopDir, 'replica.db')));
    keys.delete(`refresh-token:${url}`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts an embedded server when none answers, seeds, syncs everything and stops it again', async () => {
    const r = await atlas([...args, '--json'], { ATLAS_DATA_DIR: serverDir });
    expect(r.stderr).toContain(`No server answers at ${url}: starting one here on embedded PGlite (${join(serverDir, 'pglite')})`);
    expect(r.status, r.stderr).toBe(0);
    summary = JSON.parse(r.stdout) as DemoSummary;
    expect(summary).toMatchObject({
      company: { name: DEMO_ACCOUNT.companyName, created: true },
      account: { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password },
      server: { url, embedded: true, dataDir: serverDir },
      desktop: { dataDir: desktopDir, keychainService: service },
      round: 0,
      warehouses: ['Newark DC', 'Memphis Cold Chain', 'Reno Returns'],
      products: { total: 25, added: 25 },
      lots: { added: 80, skipped: 0 },
    });
    expect(summary.movements.recall).toBe(1);
    expect(summary.movements.discrepancies).toBe(2);
    expect(r.stderr).toMatch(/products 25\/25\n/);
    expect(r.stderr).toMatch(/lots 80\/80\n/);
    expect(r.stderr).toMatch(/syncing \d+ changes…/);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  }, 120_000);

  it('leaves on the server exactly the planned stock, statuses and discrepancies', async () => {
    server = await startServer(loadConfig({ NODE_ENV: 'test' }, { port, dataDir: serverDir }));
    viewer = new TestDesktop(url);
    await viewer.api.session.signIn.mutate({ email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password });
    await viewer.api.sync.now.mutate();
    const data = generateDemoData({ seed: 7, products: 25, lots: 80, today: summary.today });

    const products = await viewer.api.stock.products.query({});
    expect(new Set(products.map((p) => p.ndc11))).toEqual(new Set(data.products.map((p) => p.args.ndc11)));
    expect(products.find((p) => p.ndc11 === data.products[0]!.args.ndc11)).toMatchObject({ gtin: data.products[0]!.args.gtin, name: data.products[0]!.args.name });
    expect(await viewer.api.stock.locations.query()).toHaveLength(data.locations.length);

    const { rows } = await viewer.api.stock.list.query({});
    expect(linesOf(rows)).toEqual(expectedLines(data));
    expect(rows.filter((r) => r.discrepancy)).toHaveLength(2);
    const { status } = plannedStock(data);
    for (const row of rows) {
      const lot = data.lots.findIndex((l) => l.lotNumber === row.lotNumber && data.products[l.product]!.args.ndc11 === row.ndc11);
      expect(row.status, row.lotNumber).toBe(status.get(lot));
    }
    expect(new Set(rows.filter((r) => r.status === 'recalled').map((r) => r.lotId)).size).toBe(1);
  }, 120_000);

  it('leaves an approved CoA signed by three people, in a ledger whose signed tree head covers every leaf', async () => {
    expect(summary.qa?.approved).toHaveLength(1);
    expect(new Set(summary.qa?.people.map((p) => p.email)).size).toBe(3);
    const session = signedInOrThrow(await createServerClient({ serverUrl: url }).auth.signIn.mutate({ email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password }));
    const api = createServerClient({ serverUrl: url, accessToken: async () => session.accessToken });
    const pulled = await api.qa.pull.query({ from: 0, knownTreeSize: 0, limit: 2000 });
    const b = (s: string) => Uint8Array.from(Buffer.from(s, 'base64'));
    expect(pulled.hasMore).toBe(false);
    expect(pulled.treeHead?.treeSize).toBe(pulled.entries.length);
    expect(await verifyTreeHead(pulled.treeHead!, b(pulled.serverPublicKey))).toBe(true);
    const leaves = pulled.entries.map((e) => leafHash(new TextEncoder().encode(e.canonical)));
    expect(Buffer.from(rootOf(leaves)).toString('base64')).toBe(pulled.treeHead?.rootHash);

    const projection = new QaProjection(summary.company.id);
    for (const e of pulled.entries) projection.apply(ledgerEntrySchema.parse(JSON.parse(e.canonical)), e.seq);
    const approved = projection.documents().filter((d) => d.versions.at(-1)?.status === 'approved');
    expect(approved.map((d) => d.versions.at(-1)?.record.title)).toEqual(summary.qa?.approved);
    const version = approved[0]!.versions.at(-1)!;
    expect(version.signatures.map((s) => s.signature.manifestation.meaning)).toEqual(['authored', 'reviewed', 'approved']);
    expect(new Set(version.signatures.map((s) => s.signature.manifestation.userId)).size).toBe(3);
    for (const { signature } of version.signatures) {
      const key = projection.key(signature.keyId);
      expect(key?.userId).toBe(signature.manifestation.userId);
      expect(await verify(b(signature.signature), signaturePayload(version.record, signature.manifestation), b(key!.publicKey))).toBe(true);
    }
  });

  it('leaves the local profile signed in to the demo with nothing pending, as npm start opens it', async () => {
    const core = createDesktopCore({ config: loadDesktopConfig({}, { serverUrl: url, dataDir: desktopDir, keychainService: service }), shell: 'browser', autoSync: false });
    try {
      expect(core.session.current()).toMatchObject({ user: { email: DEMO_ACCOUNT.email, name: DEMO_ACCOUNT.name }, company: { name: DEMO_ACCOUNT.companyName } });
      expect(core.sync.status()).toMatchObject({ pending: 0, rejected: 0 });
      const data = generateDemoData({ seed: 7, products: 25, lots: 80, today: summary.today });
      expect(linesOf(core.inventory().stock({}).rows)).toEqual(expectedLines(data));
    } finally {
      core.close();
    }
  });

  it('refuses to seed the same company twice, and adds a new round of lots with --again', async () => {
    const twice = await atlas(args, { ATLAS_DATA_DIR: serverDir });
    expect(twice.status).toBe(1);
    expect(twice.stderr).not.toContain('starting one here');
    expect(twice.stderr).toContain(`atlas: The demo company "${DEMO_ACCOUNT.companyName}" is already seeded on ${url}; nothing was added.`);
    expect(twice.stderr).toContain('--again');

    const again = await atlas([...args, '--again', '--json'], { ATLAS_DATA_DIR: serverDir });
    expect(again.status, again.stderr).toBe(0);
    const more = JSON.parse(again.stdout) as DemoSummary;
    expect(more).toMatchObject({ round: 1, company: { created: false }, server: { embedded: false }, products: { added: 0 }, qa: null });
    expect(more.lots.added + more.lots.skipped).toBe(80);
    expect(more.lots.added).toBeGreaterThan(70);

    await viewer!.api.sync.now.mutate();
    const data = generateDemoData({ seed: 7, products: 25, lots: 80, today: summary.today, round: 1 });
    const { rows } = await viewer!.api.stock.list.query({});
    const lots = new Set(rows.map((r) => `${r.ndc11}|${r.lotNumber}`));
    const round1 = data.lots.filter((l) => lots.has(`${data.products[l.product]!.args.ndc11}|${l.lotNumber}`));
    expect(round1.length).toBeGreaterThan(50);
  }, 120_000);
});
