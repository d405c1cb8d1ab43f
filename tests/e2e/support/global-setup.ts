import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/free-port';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Starts Atlas exactly as a person does with `npm start` (src-main/launch.ts): the server on
 * embedded PGlite in a child process and, with no Electron binary here, the browser shell.
 * The printed URL (with its per-launch token) is handed to the tests through ATLAS_E2E_URL.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/launch.ts'], {
    cwd: root,
    env: {
      ...process.env,
      ATLAS_SERVER_URL: `http://127.0.0.1:${port}`,
      ATLAS_DATA_DIR: join(dir, 'server'),
      ATLAS_DESKTOP_DATA: join(dir, 'desktop'),
      ATLAS_KEYCHAIN_SERVICE: `atlas-e2e-${port}`,
      // launch.ts starts the server with this environment. Every spec signs in from 127.0.0.1, so
      // the per-IP sign-in bucket (10/min in development, issue 6) would throttle the suites'
      // own sign-ins and registrations; rate limiting has its own integration tests.
      ATLAS_RATE_LIMIT_AUTH_PER_MIN: '600',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`npm start did not print a URL within 90 s:\n${out}`)), 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  });
  process.env['ATLAS_E2E_URL'] = url;
  process.env['ATLAS_E2E_SERVER_URL'] = `http://127.0.0.1:${port}`;
  return async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    rmSync(dir, { recursive: true, force: true });
  };
}
