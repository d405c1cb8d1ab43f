import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type ServerConfig } from '../../server/src/config';
import { startServer, type RunningServer } from '../../server/src/start';
import { keychainAvailable } from '../support/keychain';
import { backends, skippedHere } from './support/backends';
import { opArbitrary, runSchedule } from './support/sync-schedule';

/**
 * SYNC.md's invariants under its faults, as property tests: fast-check generates schedules of
 * stock work, syncs, network faults, terminal crashes and server restarts for three terminals
 * with skewed clocks. `npm run bench -- sync-faults` runs ≥ 1,000 schedules.
 */
const RUNS = Number(process.env['ATLAS_SYNC_SCHEDULES'] ?? 60);

describe.runIf(keychainAvailable).each(backends)('sync invariants under faults on $name', (backend) => {
  if (skippedHere(backend)) return;
  let server: RunningServer;
  let config: ServerConfig;
  let teardown: () => Promise<void>;

  beforeAll(async () => {
    const setup = await backend.setup();
    teardown = setup.teardown;
    server = await startServer(setup.config());
    config = loadConfig({ NODE_ENV: 'test' }, { port: server.port, dataDir: setup.config().dataDir, ...(setup.config().databaseUrl ? { databaseUrl: setup.config().databaseUrl } : {}) });
  });
  afterAll(async () => {
    await server?.close();
    await teardown?.();
  });

  it(
    `${RUNS} random schedules converge, apply each change exactly once and lose nothing`,
    async () => {
      const env = {
        server: () => server,
        restartServer: async () => {
          await server.close();
          server = await startServer(config);
        },
        allowServerRestart: true,
      };
      let faults = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(opArbitrary(3), { minLength: 5, maxLength: 30 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (ops, seed) => {
          // Every schedule starts with terminal 0 on a faulty network and ends with it syncing
          // through it, so each run exercises the faults (see the assertion below).
          const chaos = [{ t: 'net', c: 0, mode: 'chaos' } as const, ...ops, { t: 'sync', c: 0 } as const, { t: 'sync', c: 0 } as const, { t: 'sync', c: 0 } as const];
          const report = await runSchedule(env, chaos, seed);
          faults += report.faults.refused + report.faults.responseLost + report.faults.duplicated;
        }),
        { numRuns: RUNS },
      );
      // The schedules did exercise the faults they claim to.
      expect(faults).toBeGreaterThan(0);
    },
    30 * 60_000,
  );
});
