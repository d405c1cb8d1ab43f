import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../../shared/errors';

/** The file electron-vite emits for read-worker.ts (a second `main` entry, electron.vite.config.ts). */
export const BUNDLED_WORKER_FILE = 'import-read-worker.js';
const SOURCE_WORKER_FILE = 'read-worker.ts';

export interface WorkerTarget {
  url: URL;
  execArgv: string[];
}

/**
 * How to start the reader thread, from wherever this module runs:
 *
 * - From source (vitest, `npx tsx`): this module's URL ends in .ts. Node 20 does not apply
 *   `--import tsx` passed in a Worker's execArgv to the worker's own entry module (it fails with
 *   "Unknown file extension .ts"; checked on 20.20 under both vitest and tsx), so the worker
 *   starts from a two-line data: module that registers tsx's ESM hooks inside the new thread
 *   (`tsx/esm/api` register()) and then imports read-worker.ts. tsx is located with
 *   import.meta.resolve, unflagged since Node 20.6.
 * - Bundled (electron-vite, dev or production): src-main becomes out/main/index.js (plus shared
 *   chunks in out/main/chunks/) and the worker its own entry, out/main/import-read-worker.js; it
 *   is looked up beside this module, then one folder up in case this code landed in a chunk.
 */
export function readWorkerTarget(moduleUrl: string = import.meta.url): WorkerTarget {
  if (moduleUrl.endsWith('.ts')) {
    const worker = new URL(`./${SOURCE_WORKER_FILE}`, moduleUrl).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    const bootstrap = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(worker)});`;
    return { url: new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), execArgv: [] };
  }
  for (const relative of [`./${BUNDLED_WORKER_FILE}`, `../${BUNDLED_WORKER_FILE}`]) {
    const url = new URL(relative, moduleUrl);
    if (existsSync(fileURLToPath(url))) return { url, execArgv: [] };
  }
  throw new AppError('internal/unexpected', `The spreadsheet reader (${BUNDLED_WORKER_FILE}) is missing beside ${moduleUrl}; the app build is incomplete.`);
}
