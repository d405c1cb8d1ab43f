import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/start';
import { keychainAvailable } from '../support/keychain';
import { backends, skippedHere } from './support/backends';
import { TestDesktop } from './support/desktop';

const BIN = fileURLToPath(new URL('../../server/bin/atlas.js', import.meta.url));

/**
 * `atlas import FILE` for automation: it commits into this computer's replica, the one the desktop
 * app signed in with (same data directory and keychain), and pushes at once — on both databases.
 */
describe.runIf(keychainAvailable).each(backends)('atlas import into the signed-in replica on $name', (backend) => {
  if (skippedHere(backend)) return;
  let server: RunningServer;
  let teardown: () => Promise<void>;
  let lead: TestDesktop;
  let other: TestDesktop;
  const account = { email: 'ops@kestrel-pharma.example', password: 'import via cron nightly' };

  beforeAll(async () => {
    const setup = await backend.setup();
    teardown = setup.teardown;
    server = await startServer(setup.config());
    lead = new TestDesktop(server.url);
    await lead.api.session.register.mutate({ companyName: 'Kestrel Pharma', name: 'Ops Robot', ...account });
    lead.core.close(); // the desktop app is closed while the nightly job runs
    other = new TestDesktop(server.url);
    await other.api.session.signIn.mutate(account);
  });
  afterAll(async () => {
    lead?.dispose();
    other?.dispose();
    await server?.close();
    await teardown?.();
  });

  const atlas = (...args: string[]) => run(args, { ATLAS_DESKTOP_DATA: lead.dir, ATLAS_KEYCHAIN_SERVICE: lead.service, ATLAS_SERVER_URL: server.url });

  it('imports all or nothing, pushes, and another terminal sees the stock', async () => {
    const file = join(lead.dir, 'nightly.csv');
    writeFileSync(file, ['NDC,Product,Lot,Expiry,Qty,Bin', ...Array.from({ length: 40 }, (_, i) => `67457-153-03,Oxaliplatin 50 mg,NK${i},2028-0${(i % 9) + 1}-15,${i + 1},B-${i % 3}`), '67457-153-03,Oxaliplatin 50 mg,NK99,2028-02-30,5,B-1'].join('\n'));
    const refused = await atlas(file, '--json');
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout).outcome.refusal).toMatch(/1 row has errors; nothing was imported/);
    // In words, the refusal names the option that imports the valid rows.
    expect((await atlas(file)).stdout).toContain('Nothing imported: 1 row has errors; nothing was imported. Import only the valid rows to leave it out. (--valid-only does that)');

    const r = await atlas(file, '--json', '--valid-only', '--warehouse', 'Nachtlager');
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.rows).toEqual({ total: 41, valid: 40, invalid: 1 });
    expect(report.outcome).toMatchObject({ imported: 40, skipped: 0, failed: [], sync: 'sent to the server' });
    expect(r.status).toBe(1); // one row was left out

    await other.api.sync.now.mutate();
    const { rows } = await other.api.stock.list.query({ search: 'NK7' });
    expect(rows.find((s) => s.lotNumber === 'NK7')).toMatchObject({ quantity: 8, expiry: '2028-08-15' });
    const locations = await other.api.stock.locations.query();
    expect(locations.map((l) => l.label)).toEqual(['Nachtlager / B-0', 'Nachtlager / B-1', 'Nachtlager / B-2']);

    // The same file a second time (a re-run job) would receive its stock twice: refused, unless --again.
    const repeat = await atlas(file, '--valid-only', '--warehouse', 'Nachtlager');
    expect(repeat.status).toBe(1);
    expect(repeat.stdout).toMatch(/Nothing imported: This file was already imported on \d{4}-\d{2}-\d{2} at \d{2}:\d{2} UTC by Ops Robot \(40 rows, as “nightly\.csv”\): importing it again would receive its stock a second time\. Add --again to do so on purpose/);
    const again = await atlas(file, '--json', '--valid-only', '--again', '--warehouse', 'Nachtlager');
    expect(JSON.parse(again.stdout).outcome).toMatchObject({ imported: 40 });
    await other.api.sync.now.mutate();
    expect((await other.api.stock.list.query({ search: 'NK7' })).rows.find((s) => s.lotNumber === 'NK7')).toMatchObject({ quantity: 16 });
  });

  it('tells a person who never signed in on this computer what to do', async () => {
    const r = await run([join(lead.dir, 'nightly.csv')], { ATLAS_DESKTOP_DATA: join(lead.dir, 'elsewhere'), ATLAS_KEYCHAIN_SERVICE: lead.service, ATLAS_SERVER_URL: server.url });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^atlas import: Sign in/);
  });
});

/** The CLI as a child process, without blocking this process (the server under test runs in it). */
function run(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'import', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
