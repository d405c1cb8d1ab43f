import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import type { ServerConfig } from '../../server/src/config';
import { openDatabase, type OpenDatabase } from '../../server/src/db/client';
import { createServerDeps } from '../../server/src/server-deps';
import { startServer, type RunningServer } from '../../server/src/start';
import { keychainAvailable } from '../support/keychain';
import { backends, type Backend, skippedHere } from './support/backends';
import { TestDesktop } from './support/desktop';

/**
 * Rate limits over real HTTP on BOTH databases (issue 6), with TWO server instances sharing one
 * database: the buckets live in Postgres, so a client cannot double its allowance by alternating
 * instances. PostgreSQL: two real `startServer`s on one database. PGlite cannot be opened by two
 * processes, so there: two complete server instances (deps, app, HTTP listener) on one database object.
 *
 * Every client but the first test's is a distinct address behind a trusted proxy (127.0.0.1 is
 * configured in ATLAS_TRUSTED_PROXIES and the test sends X-Forwarded-For), so tests do not share buckets.
 */
const AUTH_PER_MIN = 10;
const API_PER_MIN = 20;
const SYNC_PER_MIN = 120;

interface Instance {
  url: string;
  close(): Promise<void>;
}

async function twoInstances(config: ServerConfig): Promise<{ a: Instance; b: Instance; database: OpenDatabase; close(): Promise<void> }> {
  if (config.databaseUrl) {
    const servers: RunningServer[] = [await startServer(config), await startServer(config)];
    const database = await openDatabase(config); // for reading what the servers wrote
    return {
      a: servers[0] as RunningServer,
      b: servers[1] as RunningServer,
      database,
      close: async () => {
        await Promise.all(servers.map((s) => s.close()));
        await database.close();
      },
    };
  }
  const database = await openDatabase(config);
  const instances: (Instance & { pokes: () => Promise<void> })[] = [];
  for (let i = 0; i < 2; i++) {
    const { deps } = await createServerDeps(database, config);
    const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
      const s = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server: s, port: info.port }));
    });
    instances.push({
      url: `http://127.0.0.1:${port}`,
      pokes: () => deps.pokes.close(),
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) server.closeAllConnections();
        }),
    });
  }
  return {
    a: instances[0] as Instance,
    b: instances[1] as Instance,
    database,
    close: async () => {
      for (const instance of instances) {
        await instance.pokes();
        await instance.close();
      }
      await database.close();
    },
  };
}

let clients = 0;
const newClient = () => `198.51.100.${++clients}`;

async function signIn(instance: Instance, client: string | null, email = `nobody-${crypto.randomUUID()}@example.com`): Promise<Response> {
  return fetch(`${instance.url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(client ? { 'x-forwarded-for': client } : {}) },
    body: JSON.stringify({ email, password: 'not the right password at all' }),
  });
}

async function appCode(res: Response): Promise<{ code: string; retryAfterSeconds?: number }> {
  const body = (await res.json()) as { error?: { data: { app: { code: string; retryAfterSeconds?: number } } }; code?: string };
  return body.error ? body.error.data.app : { code: body.code ?? '' };
}

describe.each(backends)('rate limits over HTTP on $name (issue 6)', (backend) => {
  if (skippedHere(backend)) return;

  let store: Awaited<ReturnType<Backend['setup']>>;
  let pair: Awaited<ReturnType<typeof twoInstances>>;
  beforeAll(async () => {
    store = await backend.setup();
    const config = store.config();
    pair = await twoInstances({ ...config, rateLimit: { authPerMinute: AUTH_PER_MIN, apiPerMinute: API_PER_MIN, syncPerMinute: SYNC_PER_MIN }, trustedProxies: ['127.0.0.1', '::1'] });
  });
  afterAll(async () => {
    await pair?.close();
    await store?.teardown();
  });

  it('refuses the 11th sign-in attempt within a minute from one address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_PER_MIN; i++) statuses.push((await signIn(pair.a, null)).status);
    expect(statuses).toEqual(Array(AUTH_PER_MIN).fill(401));
    const res = await signIn(pair.a, null);
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60 / AUTH_PER_MIN);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(await appCode(res)).toEqual({ code: 'rate-limit/exceeded', message: expect.stringMatching(/Too many requests from this address/), retryAfterSeconds: retryAfter });
    // /healthz is never limited.
    expect((await fetch(`${pair.a.url}/healthz`)).status).toBe(200);
  });

  it('holds the limit across two server instances on the same database', async () => {
    const client = newClient();
    for (let i = 0; i < AUTH_PER_MIN; i++) expect((await signIn(i % 2 === 0 ? pair.a : pair.b, client)).status).toBe(401);
    expect((await signIn(pair.a, client)).status).toBe(429);
    expect((await signIn(pair.b, client)).status).toBe(429);
    // Another client is unaffected.
    expect((await signIn(pair.b, newClient())).status).toBe(401);
  });

  it('gives out exactly the allowance when one client races both instances at once', async () => {
    const client = newClient();
    const results = await Promise.all(Array.from({ length: 2 * AUTH_PER_MIN }, (_, i) => signIn(i % 2 === 0 ? pair.a : pair.b, client).then((r) => r.status)));
    expect(results.filter((s) => s !== 429)).toHaveLength(AUTH_PER_MIN);
  });

  it('counts attempts at one account across addresses too', async () => {
    const email = `target-${crypto.randomUUID()}@example.com`;
    for (let i = 0; i < AUTH_PER_MIN; i++) expect((await signIn(i % 2 ? pair.a : pair.b, newClient(), email)).status).toBe(401);
    const res = await signIn(pair.a, newClient(), email);
    expect(res.status).toBe(429);
    expect((await appCode(res)).code).toBe('rate-limit/exceeded');
  });

  it('blocks a repeated violator for 15 minutes and records it in the audit events', async () => {
    const client = newClient();
    for (let i = 0; i < AUTH_PER_MIN; i++) await signIn(pair.a, client);
    const refusals: Response[] = [];
    for (let i = 0; i < 5; i++) refusals.push(await signIn(i % 2 ? pair.a : pair.b, client));
    expect(refusals.map((r) => r.status)).toEqual([429, 429, 429, 429, 429]);
    const blocked = await signIn(pair.b, client);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((await appCode(blocked)).code).toBe('rate-limit/exceeded');

    const result = await pair.database.db.execute(sql`select kind, severity from audit_events where ip = ${client} and kind like 'security.%' order by created_at`);
    const rows = (result as unknown as { rows: { kind: string; severity: string }[] }).rows;
    expect(rows).toEqual([
      { kind: 'security.rate-limited', severity: 'warning' },
      { kind: 'security.blocked', severity: 'critical' },
    ]);
  });

  it.runIf(keychainAvailable)('paces a desktop that meets the sync limit: it waits and retries by itself, is never blocked, and catches up', async () => {
    // One address for this terminal (behind the trusted proxy), as a warehouse PC has.
    const address = newClient();
    const viaProxy: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), 'x-forwarded-for': address } });
    const desktop = new TestDesktop(pair.a.url, { fetch: viaProxy, autoSync: true });
    try {
      await desktop.api.session.register.mutate({ companyName: 'Pacing Pharma', name: 'Pia Pace', email: `pace-${crypto.randomUUID()}@example.com`, password: 'a long and memorable passphrase' });
      await desktop.api.stock.upsertLocation.mutate({ warehouse: 'Main', bin: 'P-01' });
      // Every sync run draws several tokens (push, pull, QA documents): soon the bucket is empty.
      let refusal: { code?: string; retryAfterSeconds?: number } | null = null;
      for (let i = 0; i < SYNC_PER_MIN && !refusal; i++) {
        await desktop.api.sync.now.mutate().catch((err: { data?: { app?: { code?: string; retryAfterSeconds?: number } } }) => (refusal = err.data?.app ?? { code: 'unknown' }));
      }
      expect(refusal).toMatchObject({ code: 'rate-limit/exceeded', retryAfterSeconds: expect.any(Number) });
      // 120 a minute refill one every 0.5 s: the runner comes back by itself, later each time it is refused, and gets through.
      for (let i = 0; i < 200 && (await desktop.api.sync.status.query()).lastError; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await desktop.api.sync.status.query()).toMatchObject({ lastError: null, pending: 0 });
      const blocks = await pair.database.db.execute(sql`select count(*)::int as n from rate_limit_blocks where key like 'sync:%' and blocked_until is not null`);
      expect((blocks as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    } finally {
      desktop.dispose();
    }
  });

  it('limits the API per signed-in user, whatever address or instance the calls come from', async () => {
    const email = `api-${crypto.randomUUID()}@example.com`;
    const reg = await fetch(`${pair.a.url}/trpc/auth.register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': newClient() },
      body: JSON.stringify({ companyName: 'Busy Pharmacy', name: 'Busy Bee', email, password: 'a long and memorable passphrase' }),
    });
    expect(reg.status).toBe(200);
    const token = ((await reg.json()) as { result: { data: { accessToken: string } } }).result.data.accessToken;
    const me = (instance: Instance) => fetch(`${instance.url}/trpc/auth.me`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': newClient() } });
    for (let i = 0; i < API_PER_MIN; i++) expect((await me(i % 2 ? pair.a : pair.b)).status).toBe(200);
    const res = await me(pair.a);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await appCode(res)).code).toBe('rate-limit/exceeded');
    // The REST route shares the same per-user API bucket.
    const events = await fetch(`${pair.b.url}/sync/events`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': newClient() } });
    expect(events.status).toBe(429);
    expect(events.headers.get('retry-after')).toBeTruthy();
  });
});
