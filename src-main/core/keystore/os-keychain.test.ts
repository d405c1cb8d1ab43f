import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keychainAvailable, testKeychain } from '../../../tests/support/keychain';

describe.runIf(keychainAvailable)('OS keychain (real Secret Service)', () => {
  it('stores, reads back and deletes a secret', () => {
    const keys = testKeychain();
    expect(keys.get('k')).toBeNull();
    keys.set('k', 'v1');
    keys.set('k', 'v2');
    expect(keys.get('k')).toBe('v2');
    expect(keys.delete('k')).toBe(true);
    expect(keys.get('k')).toBeNull();
    expect(keys.delete('k')).toBe(false);
  });
});

describe('OS keychain without a Secret Service', () => {
  it('says so plainly and refuses, rather than storing the key somewhere else', () => {
    const script = fileURLToPath(new URL('./probe-keychain.fixture.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
      // A session bus address where nothing listens: the keychain is unreachable.
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/atlas-test-bus' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.stdout.trim()).toMatch(/^keychain\/unavailable: No OS keychain is available/);
    expect(result.stdout).toMatch(/will not store them in plaintext/);
  });
});
