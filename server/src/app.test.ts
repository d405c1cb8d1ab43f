import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
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
