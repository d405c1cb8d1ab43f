/**
 * One Atlas desktop "terminal" for the e2e tests: a desktop core on its own data directory and
 * keychain service, served by the browser shell. Run with `node --import tsx`; prints
 * `ATLAS_SHELL_URL=<url>` once listening and shuts down cleanly on SIGTERM/SIGINT.
 *
 *   node --import tsx tests/e2e/support/start-shell.ts --server http://127.0.0.1:4000 \
 *     --data /tmp/terminal-a --keychain atlas-e2e-a [--forget-key-on-exit]
 *
 * `--forget-key-on-exit` removes the replica key and refresh token from the keychain when the
 * shell stops, so a run outside the throwaway test keyring leaves nothing behind.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startBrowserShell } from '../../../src-main/core/browser-shell';
import { loadDesktopConfig } from '../../../src-main/core/config';
import { createDesktopCore } from '../../../src-main/core/create-desktop-core';
import { OsKeychain } from '../../../src-main/core/keystore/os-keychain';
import { replicaKeyName } from '../../../src-main/core/replica/open-replica';

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    data: { type: 'string' },
    keychain: { type: 'string' },
    'forget-key-on-exit': { type: 'boolean', default: false },
  },
});
const { server, data, keychain } = values;
if (!server || !data || !keychain) {
  console.error('usage: start-shell.ts --server URL --data DIR --keychain SERVICE [--forget-key-on-exit]');
  process.exit(2);
}

const root = fileURLToPath(new URL('../../..', import.meta.url));
// The environment gives the remaining settings (e.g. ATLAS_IMPORT_PREVIEW_ROWS); these three are the terminal's own.
const config = loadDesktopConfig(process.env, { serverUrl: server, dataDir: data, keychainService: keychain });
const core = createDesktopCore({ config, shell: 'browser' });
const shell = await startBrowserShell({ core, rendererDir: join(root, 'out', 'renderer') });
console.log(`ATLAS_SHELL_URL=${shell.url}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await shell.close();
  core.close();
  if (values['forget-key-on-exit']) {
    const keys = new OsKeychain(keychain as string);
    keys.delete(replicaKeyName(join(config.dataDir, 'replica.db')));
    // The session manager's refresh-token entry (src-main/core/session/session-manager.ts).
    keys.delete(`refresh-token:${config.serverUrl}`);
  }
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
