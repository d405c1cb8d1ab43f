import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSummary, type DemoSummary } from './demo/demo-summary';
import { progressPrinter } from './demo/progress-printer';

const BIN = fileURLToPath(new URL('../../bin/atlas.js', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function atlas(args: string[], env: Record<string, string> = {}) {
  return spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test', ...env }, timeout: 30_000 });
}

describe('atlas demo seed (no keychain needed)', () => {
  it('documents its options in --help', () => {
    const r = atlas(['demo', 'seed', '--help']);
    expect(r.status).toBe(0);
    for (const option of ['--server', '--email', '--password', '--desktop-data', '--keychain-service', '--products', '--lots', '--seed', '--again', '--json']) {
      expect(r.stdout).toContain(option);
    }
  });

  it('refuses a count that is not a whole number, naming the option', () => {
    const r = atlas(['demo', 'seed', '--lots', 'many']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--lots <n>.*must be a whole number/);
  });

  it.runIf(process.platform === 'linux')('stops with the core’s keychain message, before starting any server, when no keychain is reachable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-demo-'));
    dirs.push(dir);
    const r = atlas(['demo', 'seed', '--server', 'http://127.0.0.1:9', '--desktop-data', join(dir, 'desktop'), '--keychain-service', 'atlas-test-no-keychain'], {
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'no-bus')}`,
      ATLAS_DATA_DIR: join(dir, 'server'),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^atlas: No OS keychain is available/);
    expect(r.stderr).not.toMatch(/starting one here/);
    expect(existsSync(join(dir, 'server'))).toBe(false);
  });
});

describe('demo seed output', () => {
  const summary: DemoSummary = {
    company: { id: '0190f7a4-0000-7000-8000-000000000001', name: 'Atlas Demo Pharma Distribution', created: true },
    account: { name: 'Demo Admin', email: 'demo@atlas.example', password: 'welcome to the atlas demo' },
    server: { url: 'http://127.0.0.1:4000', embedded: true, dataDir: '/home/ola/.atlas/server' },
    desktop: { dataDir: '/home/ola/.atlas/desktop', keychainService: 'atlas', serverUrl: 'http://127.0.0.1:4000' },
    seed: 1,
    round: 0,
    today: '2026-03-15',
    warehouses: ['Newark DC', 'Memphis Cold Chain', 'Reno Returns'],
    locations: 54,
    products: { total: 240, added: 240, coldChain: 40, controlled: 36 },
    lots: { added: 1_200, skipped: 0, expiry: { expired: 61, le7: 31, le14: 37, le30: 65, ok: 1_006 } },
    movements: { receive: 1_448, pick: 1_933, transfer: 240, adjust: 53, count: 143, quarantine: 65, release: 15, recall: 1, discrepancies: 2 },
    qa: {
      people: [
        { name: 'Alice Moreno', email: 'demo+author@atlas.example', role: 'qa' },
        { name: 'Rahul Iyer', email: 'demo+reviewer@atlas.example', role: 'qa' },
        { name: 'Grace Okafor', email: 'demo+approver@atlas.example', role: 'qa' },
      ],
      approved: ['CoA Amoxicillin lot A1'],
      inReview: ['CoA Amoxicillin lot A2'],
    },
    synced: 4_192,
    syncMs: 15_400,
    durationMs: 25_012,
    startWith: {},
  };

  it('says what was loaded, how to sign in and how to open it', () => {
    const text = formatSummary(summary);
    expect(text).toContain('Demo company "Atlas Demo Pharma Distribution" seeded in 25.0 s (seed 1).');
    expect(text).toContain('Newark DC, Memphis Cold Chain, Reno Returns (54 bins)');
    expect(text).toContain('1200 added: 61 expired, 31 expire within 7 days, 37 within 14, 65 within 30, 1006 later');
    expect(text).toContain('1 recall; 2 discrepancies (picks beyond stock)');
    expect(text).toContain('1 approved CoA (authored, reviewed, approved; every signature in the ledger), 1 in review');
    expect(text).toContain('Alice Moreno <demo+author@atlas.example>');
    expect(text).toMatch(/email\s+demo@atlas\.example\n\s+password\s+welcome to the atlas demo/);
    expect(text).toContain('Open the app with `npm start`');
    expect(text).toContain('has stopped; `npm start` or `atlas server` serves the same data (/home/ola/.atlas/server)');
  });

  it('gives the environment for npm start when the profile is not the default one', () => {
    const text = formatSummary({ ...summary, startWith: { ATLAS_DESKTOP_DATA: '/tmp/demo profile', ATLAS_KEYCHAIN_SERVICE: 'atlas-demo' } });
    expect(text).toContain('`ATLAS_DESKTOP_DATA="/tmp/demo profile" ATLAS_KEYCHAIN_SERVICE=atlas-demo npm start`');
  });

  it('prints progress one line per report when stderr is not a terminal', () => {
    let out = '';
    const stream = { isTTY: false, write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
    const report = progressPrinter(stream);
    report({ phase: 'products', done: 120, total: 240 });
    report({ phase: 'sync', done: 0, total: 500 });
    report({ phase: 'sync', done: 500, total: 500 });
    report({ phase: 'lots', done: 600, total: 1_200 });
    expect(out).toBe('products 120/240\nsyncing 500 changes…\nlots 600/1200\n');
  });

  it('rewrites one line in place on a terminal', () => {
    let out = '';
    const stream = { isTTY: true, write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
    const report = progressPrinter(stream);
    report({ phase: 'lots', done: 500, total: 1_200 });
    report({ phase: 'sync', done: 0, total: 500 });
    report({ phase: 'sync', done: 500, total: 500 });
    report({ phase: 'lots', done: 1_200, total: 1_200 });
    expect(out).toBe('\r\x1b[Klots 500/1200\r\x1b[Klots 500/1200 · syncing 500 changes…\r\x1b[Klots 500/1200\r\x1b[Klots 1200/1200\n');
  });
});
