import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserShell, type BrowserShell } from '../../src-main/core/browser-shell';
import { loadDesktopConfig } from '../../src-main/core/config';
import { createDesktopCore, type RunningDesktopCore } from '../../src-main/core/create-desktop-core';
import { OsKeychain } from '../../src-main/core/keystore/os-keychain';
import { replicaKeyName } from '../../src-main/core/replica/open-replica';
import { keychainAvailable } from '../support/keychain';

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.runIf(keychainAvailable)('browser shell', () => {
  let dir: string;
  let core: RunningDesktopCore;
  let shell: BrowserShell;
  let token: string;
  const service = `atlas-test-shell-${process.pid}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-shell-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Atlas</title><div id="root"></div>');
    // Nothing listens on port 9: the core starts offline, as a terminal without network does.
    const config = loadDesktopConfig({}, { serverUrl: 'http://127.0.0.1:9', dataDir: join(dir, 'data'), keychainService: service });
    core = createDesktopCore({ config, shell: 'browser' });
    shell = await startBrowserShell({ core, rendererDir: dir });
    token = new URL(shell.url).hash.replace('#token=', '');
  });
  afterAll(async () => {
    await shell.close();
    core.close();
    new OsKeychain(service).delete(replicaKeyName(join(dir, 'data', 'replica.db')));
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on loopback only and prints a URL carrying a random per-launch token', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/);
  });

  it('serves the renderer with a strict Content-Security-Policy, and falls back to it for app routes', async () => {
    for (const path of ['/', '/stock']) {
      const res = await get(shell.port, path, { host: `127.0.0.1:${shell.port}` });
      expect(res.status).toBe(200);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('refuses desktop router calls without the token, or with a wrong one', async () => {
    const none = await get(shell.port, '/trpc/app.status', { host: `127.0.0.1:${shell.port}` });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toEqual({ code: 'auth/unauthenticated', message: expect.stringContaining('URL printed at start-up') });
    const wrong = await get(shell.port, '/trpc/app.status', { host: `127.0.0.1:${shell.port}`, authorization: `Bearer ${token.slice(1)}x` });
    expect(wrong.status).toBe(401);
  });

  it('answers the desktop router with the token', async () => {
    const res = await get(shell.port, '/trpc/app.status', { host: `127.0.0.1:${shell.port}`, authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    const status = JSON.parse(res.body).result.data;
    expect(status).toMatchObject({ shell: 'browser', keychain: { available: true }, replica: { open: true, cipher: 'ChaCha20-Poly1305' }, server: { online: false } });
  });

  it('refuses a foreign Host header, so a DNS-rebinding page cannot reach it', async () => {
    const res = await get(shell.port, '/trpc/app.status', { host: `attacker.example:${shell.port}`, authorization: `Bearer ${token}` });
    expect(res.status).toBe(403);
  });
});
