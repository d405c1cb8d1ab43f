/**
 * `npm start`: brings up the Atlas server on embedded PGlite (unless ATLAS_SERVER_URL points at
 * one already running) and the desktop app — the Electron window where its binary is installed,
 * otherwise the browser shell, whose URL is printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { AppError } from '../shared/errors';
import { loadDesktopConfig } from './core/config';
import { createDesktopCore } from './core/create-desktop-core';
import { startBrowserShell } from './core/browser-shell';

const root = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
  const config = loadDesktopConfig();
  const server = await ensureServer(config.serverUrl);
  const electron = electronBinary();
  if (electron) {
    console.log('[atlas] starting the desktop window (Electron)…');
    const child = spawn(electron, [root], { stdio: 'inherit', cwd: root });
    child.on('exit', (code) => shutdown(server, code ?? 0));
    return;
  }
  console.log(
    '[atlas] The Electron binary is not installed, so the desktop window cannot open here.\n' +
      '[atlas] (On a machine that reaches GitHub: node node_modules/electron/install.js.) Starting the browser shell instead.',
  );
  const core = createDesktopCore({ config, shell: 'browser' });
  const shell = await startBrowserShell({ core, rendererDir: fileURLToPath(new URL('../out/renderer', import.meta.url)), port: config.shellPort });
  const status = core.status();
  if (!status.replica.open) console.error(`[atlas] ${status.replica.error?.message ?? 'The local replica could not be opened.'}`);
  console.log(`\n  Atlas is running. Open this URL in your browser:\n\n    ${shell.url}\n`);
  const stop = () => {
    void shell.close().then(() => {
      core.close();
      shutdown(server, 0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function electronBinary(): string | null {
  try {
    // The electron package exports its binary path, and throws when the download was skipped.
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' ? path : null;
  } catch {
    return null;
  }
}

/** Starts `atlas server` as a child process when nothing answers at the configured local URL. */
async function ensureServer(serverUrl: string): Promise<ChildProcess | null> {
  if (await healthy(serverUrl)) {
    console.log(`[atlas] using the server already running at ${serverUrl}`);
    return null;
  }
  const url = new URL(serverUrl);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
    console.warn(`[atlas] the server at ${serverUrl} does not answer; the app starts offline and connects when it does.`);
    return null;
  }
  const port = url.port || '80';
  const child = spawn(process.execPath, [fileURLToPath(new URL('../server/bin/atlas.js', import.meta.url)), 'server', '--port', port, '--host', url.hostname], {
    stdio: 'inherit',
  });
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new AppError('server/unreachable', `The Atlas server exited during start-up (exit code ${child.exitCode}).`);
    if (await healthy(serverUrl)) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new AppError('server/unreachable', `The Atlas server did not become healthy at ${serverUrl} within 60 s.`);
}

async function healthy(serverUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${serverUrl}/healthz`, { signal: AbortSignal.timeout(1_000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Lets the server close its database cleanly (PGlite flushes on close) before exiting. */
function shutdown(server: ChildProcess | null, code: number): void {
  if (!server || server.exitCode !== null) process.exit(code);
  server.once('exit', () => process.exit(code));
  server.kill('SIGTERM');
  setTimeout(() => process.exit(code), 10_000).unref();
}

main().catch((err: unknown) => {
  console.error(`[atlas] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
