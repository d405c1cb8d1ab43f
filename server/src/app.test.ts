import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from './app';
import { logInfo, withRequestId } from './log';
import { createTestDeps, type TestDeps } from './testing/test-deps';

let t: TestDeps;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await createTestDeps({ ATLAS_CORS_ORIGINS: 'https://app.atlas.example' });
  app = createApp(t.deps);
});
afterAll(() => t.close());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('createApp', () => {
  it('answers /healthz after checking the database', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'pglite' });
  });

  it('puts a request id and security headers on every response, tRPC included', async () => {
    for (const res of [await app.request('/healthz'), await app.request('/nowhere'), await post('/trpc/auth.signIn', '{}')]) {
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
    const echoed = await app.request('/healthz', { headers: { 'x-request-id': 'lb-1234' } });
    expect(echoed.headers.get('x-request-id')).toBe('lb-1234');
  });

  it('answers unknown paths with {code, message} JSON', async () => {
    const res = await app.request('/nowhere');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'not-found', message: 'Nothing here: GET /nowhere' });
  });

  it('refuses bodies over 1 MB before parsing them', async () => {
    const res = await post('/trpc/auth.signIn', JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ code: 'validation/invalid-input', message: 'The request body is larger than 1 MB.' });
  });

  it('reports a body that is not JSON as a client error, not an internal one', async () => {
    const res = await post('/trpc/auth.signIn', '{not json');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { data: { app: { code: string } } } };
    expect(body.error.data.app.code).toBe('validation/invalid-input');
  });

  it('allows CORS only for configured origins', async () => {
    const preflight = (origin: string) =>
      app.request('/trpc/auth.signIn', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const allowed = await preflight('https://app.atlas.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.atlas.example');
    const denied = await preflight('https://evil.example');
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('hides unexpected failures behind a reference: no stack, no SQL', async () => {
    const broken = await createTestDeps();
    const brokenApp = createApp(broken.deps);
    await broken.close(); // every query now fails inside the driver
    const res = await brokenApp.request('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.co', password: 'whatever-password' }),
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toMatch(/Something went wrong \(reference [0-9a-f]{10}\)/);
    expect(text).toContain('internal/unexpected');
    expect(text).not.toMatch(/select|users|stack|at .*\.ts/i);

    const health = await brokenApp.request('/healthz');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'error', db: 'pglite', code: 'server/unreachable' });
  });
});

/** What @hono/node-server hands the app for a real connection: the socket's peer address. */
const fromPeer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remotePort: 50_000, remoteFamily: remoteAddress.includes(':') ? 'IPv6' : 'IPv4' } } });

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

describe('createApp: hardening on every response (issue 6)', () => {
  let limited: TestDeps;
  let limitedApp: ReturnType<typeof createApp>;
  beforeAll(async () => {
    limited = await createTestDeps({ ATLAS_RATE_LIMIT_AUTH_PER_MIN: '2', ATLAS_RATE_LIMIT_API_PER_MIN: '2', ATLAS_TRUSTED_PROXIES: '10.0.0.0/8', ATLAS_CORS_ORIGINS: 'https://app.atlas.example' });
    limitedApp = createApp(limited.deps);
  });
  afterAll(() => limited.close());

  const signIn = (email: string, env?: object, headers: Record<string, string> = {}) =>
    limitedApp.request('/trpc/auth.signIn', { method: 'POST', body: JSON.stringify({ email, password: 'not the password at all' }), headers: { 'content-type': 'application/json', ...headers } }, env);

  it('puts the request id and security headers on 200, 400, 401, 404, 413 and 429 alike', async () => {
    const responses: Response[] = [
      await app.request('/healthz'),
      await post('/trpc/auth.signIn', '{not json'),
      await app.request('/trpc/auth.me'),
      await app.request('/nowhere'),
      await post('/trpc/auth.signIn', JSON.stringify({ password: 'x'.repeat(1_100_000) })),
    ];
    for (let i = 0; i < 3; i++) responses.push(await signIn('headers@example.com'));
    expect(responses.map((r) => r.status)).toEqual([200, 400, 401, 404, 413, 401, 401, 429]);
    for (const res of responses) {
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
    }
  });

  it('answers a tRPC 429 with Retry-After and retryAfterSeconds in the error', async () => {
    for (let i = 0; i < 2; i++) expect((await signIn('retry@example.com')).status).toBe(401);
    const res = await signIn('retry@example.com', undefined, { origin: 'https://app.atlas.example' });
    expect(res.status).toBe(429);
    // A browser client can read the refusal (CORS headers on errors too) and its Retry-After.
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.atlas.example');
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30); // 2/min: one token every 30 s
    const body = (await res.json()) as { error: { data: { app: { code: string; retryAfterSeconds: number } } } };
    expect(body.error.data.app).toMatchObject({ code: 'rate-limit/exceeded', retryAfterSeconds: retryAfter });
  });

  it('limits REST routes other than /healthz per address, with Retry-After', async () => {
    const peer = fromPeer('198.51.100.20');
    for (let i = 0; i < 2; i++) expect((await limitedApp.request('/sync/events', {}, peer)).status).toBe(401);
    const res = await limitedApp.request('/sync/events', {}, peer);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.json()).toMatchObject({ code: 'rate-limit/exceeded' });
    for (let i = 0; i < 10; i++) expect((await limitedApp.request('/healthz', {}, peer)).status).toBe(200);
  });

  it('believes X-Forwarded-For only from a configured proxy, and only its right-most untrusted hop', async () => {
    // Direct client (not a trusted proxy) sending a forged header: counted by its own address.
    const direct = fromPeer('198.51.100.30');
    for (let i = 0; i < 2; i++) await limitedApp.request('/nowhere', { headers: { 'x-forwarded-for': `192.0.2.${i}` } }, direct);
    expect((await limitedApp.request('/nowhere', { headers: { 'x-forwarded-for': '192.0.2.99' } }, direct)).status).toBe(429);

    // Through the trusted proxy 10.1.2.3: the client is the hop the proxy appended, whatever the client prepended.
    const proxy = fromPeer('::ffff:10.1.2.3');
    const via = (xff: string) => limitedApp.request('/nowhere', { headers: { 'x-forwarded-for': xff } }, proxy);
    expect((await via('1.1.1.1, 198.51.100.40')).status).toBe(404);
    expect((await via('2.2.2.2, 198.51.100.40')).status).toBe(404);
    expect((await via('3.3.3.3, 198.51.100.40, 10.9.9.9')).status).toBe(429);
    expect((await via('198.51.100.41')).status).toBe(404);
  });

  it('writes the request id on log lines written while a request is handled', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    try {
      const broken = await createTestDeps();
      await broken.close();
      const res = await createApp(broken.deps).request('/trpc/auth.signIn', { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-log-1' }, body: JSON.stringify({ email: 'a@b.co', password: 'whatever-password' }) });
      expect(res.status).toBe(500);
      expect(lines.join('\n')).toMatch(/unexpected error ref=[0-9a-f]{10} request=req-log-1/);
    } finally {
      spy.mockRestore();
    }
    const info = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      withRequestId('req-log-2', () => logInfo('fell back'));
      logInfo('starting');
      expect(info.mock.calls.map((c) => c[0])).toEqual(['[atlas] request=req-log-2 fell back', '[atlas] starting']);
    } finally {
      info.mockRestore();
    }
  });
});
