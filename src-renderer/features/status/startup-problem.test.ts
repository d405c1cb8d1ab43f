import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../app/router-types';
import { startupProblem } from './startup-problem';

const healthy: AppStatus = {
  shell: 'browser',
  keychain: { available: true, backend: 'secret-service', error: null },
  replica: { open: true, path: '/home/a/.local/share/atlas/replica.db', cipher: 'sqlcipher', error: null },
  server: { url: 'http://localhost:4000', online: true, checkedAt: null },
};

describe('startupProblem', () => {
  it('is null when the keychain and replica are fine', () => {
    expect(startupProblem(healthy)).toBeNull();
  });

  it('reports the keychain first, with its message', () => {
    const message = 'Atlas needs the OS keychain (Secret Service) to protect the local database key and will not store keys in plaintext.';
    const problem = startupProblem({
      ...healthy,
      keychain: { available: false, backend: 'secret-service', error: { code: 'keychain/unavailable', message } },
      replica: { ...healthy.replica, open: false },
    });
    expect(problem).toMatchObject({ kind: 'keychain', message, code: 'keychain/unavailable' });
    expect(problem?.steps.join(' ')).toMatch(/GNOME Keyring/);
  });

  it('explains a replica that will not open, by code', () => {
    const problem = startupProblem({ ...healthy, replica: { ...healthy.replica, open: false, error: { code: 'replica/wrong-key', message: 'The key does not open the replica.' } } });
    expect(problem).toMatchObject({ kind: 'replica', message: 'The key does not open the replica.' });
    expect(problem?.steps[0]).toMatch(/Do not delete/);
  });
});
