import { randomUUID } from 'node:crypto';
import { OsKeychain } from '../../src-main/core/keystore/os-keychain';

/**
 * The real OS keychain for tests, under a service name of its own so tests never touch a
 * person's entries. `npm test` runs inside a throwaway gnome-keyring session (tests/run.mjs).
 * When no Secret Service is reachable the keychain suites are skipped — loudly, by the runner —
 * except where ATLAS_REQUIRE_KEYCHAIN=1 (CI), where that is a failure.
 */
export function testKeychain(): OsKeychain {
  return new OsKeychain(`atlas-test-${randomUUID()}`);
}

function probe(): boolean {
  try {
    testKeychain().probe();
    return true;
  } catch (err) {
    if (process.env['ATLAS_REQUIRE_KEYCHAIN'] === '1') throw err;
    return false;
  }
}

export const keychainAvailable = probe();
