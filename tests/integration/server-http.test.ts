import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SerializedError } from '../../shared/errors';
import type { AppRouter } from '../../server/src/routers/_app';
import { signedInOrThrow } from '../../server/src/services/auth/sign-in-result';
import { startServer, type RunningServer } from '../../server/src/start';
import { backends, type Backend, skippedHere } from './support/backends';

/**
 * The server as the desktop sees it: a real HTTP listener, a tRPC client, on BOTH databases the
 * server supports — embedded PGlite persisting to disk, and a real throwaway PostgreSQL 15.
 */
function client(server: RunningServer, accessToken?: () => string | undefined) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${server.url}/trpc`,
        headers: () => {
          const token = accessToken?.();
          return token ? { authorization: `Bearer ${token}` } : {};
        },
      }),
    ],
  });
}

/** The `{code, message, issues?}` the server put in a tRPC error. */
async function appError(call: Promise<unknown>): Promise<SerializedError & { status: number | undefined }> {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof TRPCClientError)) throw err;
    const data = err.data as { app?: SerializedError; httpStatus?: number } | undefined;
    if (!data?.app) throw new Error(`error without an app shape: ${err.message}`);
    return { ...data.app, status: data.httpStatus };
  }
  throw new Error('expected the call to fail');
}

const account = { companyName: 'Northwind Pharmacy', name: 'Grace Hopper', email: 'grace@northwind.example', password: 'a long and memorable passphrase' };

describe.each(backends)('server over HTTP on $name', (backend) => {
  if (skippedHere(backend)) return;

  let store: Awaited<ReturnType<Backend['setup']>>;
  let server: RunningServer;
  beforeAll(async () => {
    store = await backend.setup();
    server = await startServer(store.config());
  });
  afterAll(async () => {
    await server?.close();
    await store?.teardown();
  });

  it('answers /healthz over HTTP with the database kind and a request id', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: backend.name.startsWith('PGlite') ? 'pglite' : 'postgres' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(server.port).toBeGreaterThan(0);
  });

  it('registers, signs in, reads the profile, refreshes and signs out', async () => {
    let token: string | undefined;
    const api = client(server, () => token);
    const registered = await api.auth.register.mutate(account);
    expect(registered.user).toMatchObject({ email: account.email, role: 'admin' });

    const session = signedInOrThrow(await api.auth.signIn.mutate({ email: 'Grace@Northwind.example', password: account.password }));
    token = session.accessToken;
    expect(await api.auth.me.query()).toEqual({ user: session.user, company: registered.company });

    const refreshed = await api.auth.refresh.mutate({ refreshToken: session.refreshToken });
    expect(refreshed.refreshToken).not.toBe(session.refreshToken);
    // Once the successor has been used, the spent token is a stolen one: refused, family revoked.
    const next = await api.auth.refresh.mutate({ refreshToken: refreshed.refreshToken });
    expect(await appError(api.auth.refresh.mutate({ refreshToken: session.refreshToken }))).toMatchObject({ code: 'auth/refresh-reused', status: 401 });
    expect(await appError(api.auth.refresh.mutate({ refreshToken: next.refreshToken }))).toMatchObject({ code: 'auth/refresh-invalid', status: 401 });

    const again = signedInOrThrow(await api.auth.signIn.mutate({ email: account.email, password: account.password }));
    expect(await api.auth.signOut.mutate({ refreshToken: again.refreshToken })).toEqual({ ok: true });
    expect(await appError(api.auth.refresh.mutate({ refreshToken: again.refreshToken }))).toMatchObject({ code: 'auth/refresh-invalid', status: 401 });
  });

  it('leaves exactly one live successor after several concurrent refreshes of one token (retried requests)', async () => {
    const api = client(server);
    const session = signedInOrThrow(await api.auth.signIn.mutate({ email: account.email, password: account.password }));
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => api.auth.refresh.mutate({ refreshToken: session.refreshToken })));
    const successors = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.refreshToken] : []));
    expect(successors.length).toBeGreaterThan(0);
    let alive = 0;
    for (const refreshToken of successors) if (await api.auth.refresh.mutate({ refreshToken }).then(() => true, () => false)) alive++;
    expect(alive).toBe(1);
  });

  it('returns {code, message} errors with the right status and no stack or SQL', async () => {
    const api = client(server);
    const dup = await appError(api.auth.register.mutate(account));
    expect(dup).toMatchObject({ code: 'auth/email-taken', status: 409 });
    expect(dup.message).toMatch(/already exists/);

    const res = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account.email, password: 'wrong password entirely' }),
    });
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(JSON.parse(text).error.data.app).toEqual({ code: 'auth/invalid-credentials', message: 'The email or password is incorrect.' });
    expect(text).not.toMatch(/stack|select |insert |users|\.ts:\d+/i);
  });

  it('names the offending field when the input is invalid', async () => {
    const err = await appError(client(server).auth.register.mutate({ ...account, email: 'not-an-email' }));
    expect(err).toMatchObject({ code: 'validation/invalid-input', status: 400 });
    expect(err.issues).toEqual([{ path: 'email', message: 'Enter a valid email address, e.g. name@company.com.' }]);
    expect(err.message).toMatch(/^email: /);
  });

  it('answers an unknown tRPC procedure with a not-found {code, message}', async () => {
    const res = await fetch(`${server.url}/trpc/inventory.nothingHere`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { message: string; data: { app: SerializedError } } };
    expect(body.error.data.app).toEqual({ code: 'not-found', message: 'No procedure found on path "inventory.nothingHere"' });
    expect(JSON.stringify(body)).not.toMatch(/stack/);
  });

  it('answers an unknown URL with {code, message} JSON', async () => {
    const res = await fetch(`${server.url}/api/v9/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'not-found', message: 'Nothing here: GET /api/v9/nothing' });
  });

  it('keeps accounts and the signing key across a restart on the same data', async () => {
    const before = signedInOrThrow(await client(server).auth.signIn.mutate({ email: account.email, password: account.password }));
    await server.close();
    server = await startServer(store.config());
    let token: string | undefined = before.accessToken;
    const api = client(server, () => token);
    // The access token issued before the restart still verifies: the generated key was persisted.
    expect((await api.auth.me.query()).user.email).toBe(account.email);
    const after = signedInOrThrow(await api.auth.signIn.mutate({ email: account.email, password: account.password }));
    token = after.accessToken;
    expect(after.user.id).toBe(before.user.id);
    expect((await api.auth.refresh.mutate({ refreshToken: before.refreshToken })).user.id).toBe(before.user.id);
  });
});
