import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The real binary, as a person or a script runs it.
const BIN = fileURLToPath(new URL('../../bin/atlas.js', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function atlas(args: string[], env: Record<string, string> = {}) {
  return spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test', ...env }, timeout: 30_000 });
}

describe('atlas CLI', () => {
  it('lists its commands in --help', () => {
    const r = atlas(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: atlas/);
    expect(r.stdout).toMatch(/server \[options\]/);
  });

  it('prints a configuration error without a stack and exits 1', () => {
    const r = atlas(['server'], { PORT: 'abc' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('atlas: Invalid server configuration: PORT must be a number (got "abc").');
  });

  it('refuses a bad --port naming the option', () => {
    const r = atlas(['server', '--port', 'lots']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--port/);
  });

  it('starts on PGlite, prints where it listens, serves /healthz and stops cleanly on SIGTERM', async () => {
    const data = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    dirs.push(data);
    const child = spawn(BIN, ['server', '--port', '0', '--data', data], { env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: '' } });
    let out = '';
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /Atlas server listening on \S+ \(PGlite at .*\)/.exec(out);
        if (m) resolve(m[0]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(line).toContain(`(PGlite at ${join(data, 'pglite')})`);
    const url = /listening on (\S+)/.exec(line)?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', db: 'pglite' });
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out).toContain('Atlas server stopped.');
  });
});
