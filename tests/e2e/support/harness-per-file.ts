import { test } from '@playwright/test';
import { startSyncHarness, type SyncHarness, type SyncHarnessOptions } from './sync-harness';

/**
 * Every terminal calls the server from 127.0.0.1, so the per-IP sign-in bucket (10/min by
 * default) would throttle a scenario's own sign-ins, registrations and invitation acceptances.
 * Per-user rules (the MFA lockout) are separate and stay as shipped.
 */
export const MANY_SIGN_INS: SyncHarnessOptions = { serverEnv: { ATLAS_RATE_LIMIT_AUTH_PER_MIN: '120' } };

/**
 * One server and two terminals for a whole spec file, whose tests run in order and build on each
 * other (serial mode): started before the first test, closed after the last. Call at the top of
 * the spec; the returned function gives the harness once it has started. `beforeClose` tidies what
 * the scenario left outside the harness's folder (e.g. OS keychain entries).
 */
export function harnessPerFile(options: SyncHarnessOptions = {}, beforeClose?: (h: SyncHarness) => void): () => SyncHarness {
  let h: SyncHarness | undefined;

  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    h = await startSyncHarness(options);
  });

  test.afterAll(async () => {
    if (!h) return;
    beforeClose?.(h);
    await h.close();
  });

  return () => {
    if (!h) throw new Error('the sync harness has not started (harnessPerFile is set up in beforeAll)');
    return h;
  };
}
