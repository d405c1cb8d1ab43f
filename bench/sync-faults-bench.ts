import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadConfig } from '../server/src/config';
import { startServer } from '../server/src/start';
import { opArbitrary, runSchedule } from '../tests/integration/support/sync-schedule';
import type { Figure } from './measure';

/**
 * `npm run bench -- sync-faults`: ≥ 1,000 random fault schedules (SYNC.md) against the real server
 * on PGlite; prints how many ran, the faults injected and any invariant violation (exit 1).
 */
export async function syncFaultsBench(): Promise<Figure[]> {
  const runs = Number(process.env['ATLAS_SYNC_SCHEDULES'] ?? 1_000);
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-faults-'));
  let server = await startServer(loadConfig({ NODE_ENV: 'test' }, { port: 0, dataDir: dir }));
  const config = loadConfig({ NODE_ENV: 'test' }, { port: server.port, dataDir: dir });
  const totals = { schedules: 0, ops: 0, changes: 0, rejected: 0, refused: 0, responseLost: 0, duplicated: 0 };
  const start = performance.now();
  try {
    const env = { server: () => server, restartServer: async () => (await server.close(), (server = await startServer(config))) && undefined, allowServerRestart: true };
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary(3), { minLength: 5, maxLength: 40 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (ops, seed) => {
        const r = await runSchedule(env, [{ t: 'net', c: 0, mode: 'chaos' }, ...ops, { t: 'sync', c: 0 }, { t: 'sync', c: 0 }], seed);
        totals.schedules++;
        totals.ops += r.ops;
        totals.changes += r.issued;
        totals.rejected += r.rejected;
        totals.refused += r.faults.refused;
        totals.responseLost += r.faults.responseLost;
        totals.duplicated += r.faults.duplicated;
        if (totals.schedules % 50 === 0) process.stderr.write(`sync-faults: ${totals.schedules}/${runs} schedules, no violation\n`);
      }),
      { numRuns: runs },
    );
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ name: 'sync-faults', violations: 0, ...totals, seconds: Math.round((performance.now() - start) / 1000) }));
  return [];
}
