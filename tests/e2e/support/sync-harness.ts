import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/free-port';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The offline-sync e2e's world: one Atlas server (a child process that can be stopped and
 * started again on the same data directory and port) and two desktop terminals, each a browser
 * shell over its own replica and keychain service (tests/e2e/support/start-shell.ts).
 */
export interface SyncHarness {
  dir: string;
  serverUrl: string;
  server: AtlasServer;
  terminals: [Terminal, Terminal];
  close(): Promise<void>;
}

export interface SyncHarnessOptions {
  /** Extra environment for the server process, e.g. `ATLAS_RATE_LIMIT_AUTH_PER_MIN`. */
  serverEnv?: Record<string, string>;
  /** Extra environment for both terminals, e.g. `ATLAS_IMPORT_PREVIEW_ROWS`. */
  terminalEnv?: Record<string, string>;
}

export async function startSyncHarness(options: SyncHarnessOptions = {}): Promise<SyncHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-sync-'));
  const port = await freePort();
  const server = new AtlasServer(port, join(dir, 'server'), options.serverEnv);
  await server.start();
  // Unique per run: keychain entries of one run never meet another's.
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const a = await Terminal.start(server.url, join(dir, 'terminal-a'), `atlas-e2e-sync-${run}-a`, options.terminalEnv);
  const b = await Terminal.start(server.url, join(dir, 'terminal-b'), `atlas-e2e-sync-${run}-b`, options.terminalEnv);
  return {
    dir,
    serverUrl: server.url,
    server,
    terminals: [a, b],
    close: async () => {
      await Promise.all([a.stop(), b.stop(), server.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export class AtlasServer {
  private child: ChildProcess | null = null;
  readonly url: string;

  constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly env: Record<string, string> = {},
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** `atlas server --port P --data DIR`, resolved once /healthz answers. */
  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(process.execPath, ['server/bin/atlas.js', 'server', '--port', String(this.port), '--data', this.dataDir], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let log = '';
    child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`atlas server exited with ${child.exitCode}:\n${log}`);
      if (await healthy(this.url)) return;
      await sleep(250);
    }
    throw new Error(`atlas server did not answer /healthz within 90 s:\n${log}`);
  }

  /** SIGTERM, as an operator stopping the service; resolves when the process has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
  }
}

export class Terminal {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    /** The terminal's OS keychain service (its replica key, refresh token, trusted-device tokens). */
    readonly keychain: string,
  ) {}

  static async start(serverUrl: string, dataDir: string, keychain: string, env: Record<string, string> = {}): Promise<Terminal> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/e2e/support/start-shell.ts', '--server', serverUrl, '--data', dataDir, '--keychain', keychain, '--forget-key-on-exit'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`start-shell printed no URL within 60 s:\n${out}`)), 60_000);
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const match = /ATLAS_SHELL_URL=(\S+)/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`start-shell exited with ${code}:\n${out}`));
      });
    });
    return new Terminal(child, url, keychain);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000).then(() => this.child.kill('SIGKILL'))]);
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
