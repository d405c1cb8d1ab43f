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

  it('refuses to start in production without the field-encryption keys (issue 6)', () => {
    const r = atlas(['server'], { NODE_ENV: 'production', ATLAS_JWT_SECRET: 'ab'.repeat(32), ATLAS_LEDGER_SIGNING_KEY: 'cd'.repeat(32), ATLAS_DATA_KEYS: '', ATLAS_DATA_KEY: '', ATLAS_BLIND_INDEX_KEY: '' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ATLAS_DATA_KEYS is required when NODE_ENV=production/);
    expect(r.stderr).toMatch(/ATLAS_BLIND_INDEX_KEY is required when NODE_ENV=production/);
  });

  it('re-encrypts under the active key with `atlas keys reencrypt`, printing counts', () => {
    const data = mkdtempSync(join(tmpdir(), 'atlas-cli-keys-'));
    dirs.push(data);
    const keys = `k2:${Buffer.alloc(32, 2).toString('base64')},k1:${Buffer.alloc(32, 1).toString('base64')}`;
    const r = atlas(['keys', 'reencrypt', '--data', data, '--batch', '50'], { DATABASE_URL: '', ATLAS_DATA_KEYS: keys });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Re-encrypting under the active key "k2" \(configured: k2, k1\)/);
    expect(r.stdout).toMatch(/users\.email\s+0 re-encrypted/);
    expect(r.stdout).toMatch(/Done: 0 values re-encrypted/);
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
