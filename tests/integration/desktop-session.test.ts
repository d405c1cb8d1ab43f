import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, unstable_localLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode } from '../../server/src/services/security/base32';
import { timeStep, totp } from '../../server/src/services/security/totp';
import { startServer, type RunningServer } from '../../server/src/start';
import { loadDesktopConfig, type DesktopConfig } from '../../src-main/core/config';
import { createDesktopCore, type RunningDesktopCore } from '../../src-main/core/create-desktop-core';
import { SEARCH_CANDIDATES } from '../../src-main/core/inventory/stock-query';
import { OsKeychain } from '../../src-main/core/keystore/os-keychain';
import { openReplica, replicaKeyName } from '../../src-main/core/replica/open-replica';
import { ReplicaWriter } from '../../src-main/core/replica/replica-writer';
import { desktopRouter, type DesktopRouter } from '../../src-main/core/router';
import { createServerClient } from '../../src-main/core/session/server-client';
import { SessionManager } from '../../src-main/core/session/session-manager';
import { keychainAvailable } from '../support/keychain';
import { backends, skippedHere } from './support/backends';

/**
 * The vertical slice through real processes: the desktop core (encrypted replica, OS keychain)
 * registers and signs in against a real server over HTTP, on PGlite and on PostgreSQL.
 */
describe.runIf(keychainAvailable).each(backends)('desktop session against the server on $name', (backend) => {
  if (skippedHere(backend)) return;
  let server: RunningServer;
  let teardown: () => Promise<void>;
  let dir: string;
  let config: DesktopConfig;
  let core: RunningDesktopCore;
  const service = `atlas-test-session-${process.pid}-${backend.name.replace(/\W/g, '')}`;
  const keychain = new OsKeychain(service);
  const account = { companyName: 'Contoso Pharma GmbH', name: 'Jana Novak', email: 'jana.novak@contoso-pharma.example', password: 'lot 4711 passes QA' };

  // The renderer's view: errors arrive formatted by the desktop router, as over IPC or HTTP.
  const desktop = () => createTRPCClient<DesktopRouter>({ links: [unstable_localLink({ router: desktopRouter, createContext: async () => ({ core }) })] });
  const filesUnder = (d: string): string[] =>
    readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

  beforeAll(async () => {
    const setup = await backend.setup();
    teardown = setup.teardown;
    server = await startServer(setup.config());
    dir = mkdtempSync(join(tmpdir(), 'atlas-desktop-'));
    config = loadDesktopConfig({}, { serverUrl: server.url, dataDir: dir, keychainService: service });
    core = createDesktopCore({ config, shell: 'browser' });
  });

  afterAll(async () => {
    core?.close();
    keychain.delete(`refresh-token:${server.url}`);
    keychain.delete(`trusted-device:${server.url}:${account.email}`);
    keychain.delete(replicaKeyName(join(dir, 'replica.db')));
    await server?.close();
    await teardown?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers a company and lands signed in, with the refresh token only in the keychain', async () => {
    const session = await desktop().session.register.mutate(account);
    expect(session).toMatchObject({ user: { email: account.email, name: account.name, role: 'admin' }, company: { name: account.companyName } });
    expect(await desktop().session.current.query()).toEqual(session);

    const refreshToken = keychain.get(`refresh-token:${server.url}`);
    expect(refreshToken).toMatch(/^[\w-]{40,}$/);
    // Not in any file of the desktop's data directory (replica, WAL, anything else)…
    for (const file of filesUnder(dir)) expect(readFileSync(file).includes(Buffer.from(refreshToken ?? ''))).toBe(false);
    // …nor anywhere inside the decrypted replica.
    const replica = openReplica({ file: join(dir, 'replica.db'), keyStore: keychain });
    const dump = JSON.stringify(replica.sqlite.prepare('SELECT * FROM local_session').all());
    replica.close();
    expect(dump).toContain(account.email);
    expect(dump).not.toContain(refreshToken);
    expect(dump).not.toContain(account.password);
  });

  it('shows the empty stock screen from the encrypted replica', async () => {
    expect(await desktop().stock.list.query({})).toEqual({ rows: [], total: 0, truncated: false, searchCapped: false, candidates: SEARCH_CANDIDATES });
    const status = await desktop().app.status.query();
    expect(status).toMatchObject({ keychain: { available: true }, replica: { open: true, cipher: 'ChaCha20-Poly1305' } });
  });

  it('refreshes with the keychain token after a restart, rotating it', async () => {
    core.close();
    core = createDesktopCore({ config, shell: 'browser' });
    expect((await desktop().session.current.query())?.user.email).toBe(account.email);
    const before = keychain.get(`refresh-token:${server.url}`);
    const replica = openReplica({ file: join(dir, 'replica.db'), keyStore: keychain });
    try {
      const manager = new SessionManager({ serverUrl: server.url, db: replica.db, writer: new ReplicaWriter(replica), keyStore: keychain });
      const me = await manager.authed((server) => server.auth.me.query());
      expect(me.user.email).toBe(account.email);
      const after = keychain.get(`refresh-token:${server.url}`);
      expect(after).not.toBe(before);
      // The spent token is only accepted again while its successor is unused (a lost response);
      // here the desktop goes on using its new token, after which the old one is refused.
      const server2 = createServerClient({ serverUrl: server.url });
      const rotated = await server2.auth.refresh.mutate({ refreshToken: after ?? '' });
      keychain.set(`refresh-token:${server.url}`, rotated.refreshToken);
      await expect(server2.auth.refresh.mutate({ refreshToken: before ?? '' })).rejects.toThrow(/used from somewhere else/);
    } finally {
      replica.close();
    }
  });

  it('signs out (token gone from the keychain) and back in; a wrong password gets a clear message', async () => {
    await desktop().session.signIn.mutate({ email: account.email, password: account.password });
    await expect(desktop().session.signOut.mutate()).resolves.toEqual({ ok: true });
    expect(await desktop().session.current.query()).toBeNull();
    expect(keychain.get(`refresh-token:${server.url}`)).toBeNull();
    await expect(desktop().stock.list.query({})).rejects.toMatchObject({ message: 'Sign in to see stock.' });

    await expect(desktop().session.signIn.mutate({ email: account.email, password: 'not the right one' })).rejects.toMatchObject({
      message: expect.stringMatching(/email or password is incorrect/i),
    });
    const again = await desktop().session.signIn.mutate({ email: account.email.toUpperCase(), password: account.password });
    expect(again).toMatchObject({ status: 'signed-in', session: { user: { email: account.email } } });
  });

  it('names the field when input is bad, before anything reaches the server', async () => {
    await expect(desktop().session.register.mutate({ ...account, email: 'not-an-email' })).rejects.toMatchObject({
      shape: { data: { app: { code: 'validation/invalid-input', issues: [expect.objectContaining({ path: 'email' })] } } },
    });
  });

  it('signs in with MFA in two steps: the mfaToken stays in the core, the trusted-device token goes to the keychain', async () => {
    const trustedName = `trusted-device:${server.url}:${account.email}`;
    const enrolment = await desktop().session.mfaEnrolBegin.mutate();
    const secret = base32Decode(enrolment.secret);
    const codeAfter = async (used: number) => {
      while (timeStep(Date.now() / 1000) <= used) await new Promise((r) => setTimeout(r, 250));
      const now = Date.now() / 1000;
      return { code: totp(secret, now), step: timeStep(now) };
    };
    let used = await codeAfter(-1);
    const enrolled = await desktop().session.mfaEnrolConfirm.mutate({ code: used.code, trustDevice: false });
    expect(enrolled.backupCodes).toHaveLength(10);
    expect(enrolled.session).toBeNull();
    await desktop().session.signOut.mutate();

    const challenge = await desktop().session.signIn.mutate({ email: account.email, password: account.password });
    // Only the next step and its deadline reach the renderer, never the mfaToken.
    expect(Object.keys(challenge).sort()).toEqual(['expiresAt', 'status']);
    expect(challenge.status).toBe('mfa-required');
    const valid = new Set([-30, 0, 30].map((d) => totp(secret, Date.now() / 1000 + d)));
    const wrong = ['000000', '111111', '222222', '333333'].find((c) => !valid.has(c)) ?? '444444';
    await expect(desktop().session.verifyMfa.mutate({ code: wrong, trustDevice: false })).rejects.toMatchObject({
      shape: { data: { app: { code: 'auth/mfa-invalid' } } },
    });
    used = await codeAfter(used.step);
    const session = await desktop().session.verifyMfa.mutate({ code: used.code, trustDevice: true });
    expect(session.user.email).toBe(account.email);
    const trusted = keychain.get(trustedName);
    expect(trusted).toMatch(/^\S{32,}$/);
    for (const file of filesUnder(dir)) expect(readFileSync(file).includes(Buffer.from(trusted ?? ''))).toBe(false);

    // Trusted: no second step. A token the server refuses is dropped from the keychain.
    await desktop().session.signOut.mutate();
    expect(await desktop().session.signIn.mutate({ email: account.email, password: account.password })).toMatchObject({ status: 'signed-in' });
    await desktop().session.signOut.mutate();
    keychain.set(trustedName, 'x'.repeat(43));
    expect((await desktop().session.signIn.mutate({ email: account.email, password: account.password })).status).toBe('mfa-required');
    expect(keychain.get(trustedName)).toBeNull();
    used = await codeAfter(used.step);
    await desktop().session.verifyMfa.mutate({ code: used.code, trustDevice: false });
    const status = await desktop().session.mfaStatus.query();
    expect(status).toMatchObject({ enabled: true, backupCodesLeft: 10 });
    used = await codeAfter(used.step);
    await desktop().session.mfaDisable.mutate({ code: used.code });
  }, 120_000);

  it('keeps the signed-in desktop usable offline and says plainly when the server is unreachable', async () => {
    await server.close();
    expect((await desktop().session.current.query())?.user.email).toBe(account.email);
    expect(await desktop().stock.list.query({})).toEqual({ rows: [], total: 0, truncated: false, searchCapped: false, candidates: SEARCH_CANDIDATES });
    await expect(desktop().session.signIn.mutate({ email: account.email, password: account.password })).rejects.toMatchObject({
      shape: { data: { app: { code: 'server/unreachable', message: expect.stringContaining(server.url) } } },
    });
  });
});
