import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './nasty-files.fixture';
import { BUNDLED_WORKER_FILE, readWorkerTarget } from './worker-url';

const temp = tempDir();
afterAll(() => temp.cleanup());

describe('readWorkerTarget', () => {
  it('from source, boots read-worker.ts through tsx registered inside the worker', () => {
    const { url, execArgv } = readWorkerTarget(import.meta.url);
    expect(url.protocol).toBe('data:');
    const code = decodeURIComponent(url.href.slice('data:text/javascript,'.length));
    expect(code).toMatch(/import \{ register \} from "file:.*tsx\/dist\/esm\/api\/index\.mjs"; register\(\);/);
    expect(code).toContain(new URL('./read-worker.ts', import.meta.url).href);
    expect(execArgv).toEqual([]);
  });

  it('bundled, finds out/main/import-read-worker.js beside index.js or one folder above a chunk', () => {
    const main = join(temp.dir, 'out', 'main');
    mkdirSync(join(main, 'chunks'), { recursive: true });
    writeFileSync(join(main, BUNDLED_WORKER_FILE), '');
    const worker = pathToFileURL(join(main, BUNDLED_WORKER_FILE)).href;
    expect(readWorkerTarget(pathToFileURL(join(main, 'index.js')).href).url.href).toBe(worker);
    expect(readWorkerTarget(pathToFileURL(join(main, 'chunks', 'read-spreadsheet-abc123.js')).href).url.href).toBe(worker);
  });

  it('says the build is incomplete when the worker file is missing', () => {
    expect(() => readWorkerTarget(pathToFileURL(join(temp.dir, 'nowhere', 'index.js')).href)).toThrow(/import-read-worker\.js\) is missing/);
  });
});
