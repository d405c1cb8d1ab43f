// Electron's own postinstall downloads its binary from GitHub, which this build
// environment cannot reach, so installs run with ELECTRON_SKIP_BINARY_DOWNLOAD=1.
// Say plainly how to get the desktop window; `npm start` falls back to the browser shell.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let binary = false;
try {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  binary = existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()));
} catch {
  binary = false;
}
if (!binary) {
  console.log(
    '\n[atlas] The Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no access to GitHub).\n' +
      '[atlas] `npm start` will run the browser shell instead. For the desktop window, on a machine that can\n' +
      '[atlas] reach GitHub run:  node node_modules/electron/install.js\n' +
      '[atlas] then rebuild the native modules for Electron:  npx @electron/rebuild -f -w better-sqlite3\n',
  );
}
