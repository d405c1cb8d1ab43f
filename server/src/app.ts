import { randomBytes } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import { trpcServer } from '@hono/trpc-server';
import { sql } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { requestId, type RequestIdVariables } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, isAppError, type SerializedError } from '../../shared/errors';
import { serializeError } from '../../shared/serialize-error';
import { createContextInner, type ServerDeps } from './context';
import { logUnexpected, withRequestId } from './log';
import { appRouter } from './routers/_app';
import { bucketFor } from './services/rate-limit/policy';
import { takeRateLimitToken } from './services/rate-limit/rate-limiter';
import { syncEvents } from './sync-events';

/** Requests larger than this are refused before they are parsed (OWASP ASVS 13.1.3). */
export const MAX_BODY_BYTES = 1024 * 1024;

type Env = { Variables: RequestIdVariables };

/**
 * The HTTP surface: health check, tRPC, and the cross-cutting concerns every response shares
 * (request id, security headers, CORS allow-list, body limit, one error shape `{code, message}`).
 */
export function createApp(deps: ServerDeps): Hono<Env> {
  const app = new Hono<Env>();
  const proxies = trustedProxies(deps.config.trustedProxies);

  // Echoed on every response (and accepted from a proxy when well-formed) so a person reporting a
  // problem can quote it and the log line can be found: every log line written while the request
  // is handled carries it (log.ts).
  app.use(requestId());
  app.use(async (c, next) => {
    await withRequestId(c.get('requestId'), next);
    // Handlers that build their own Response (the tRPC adapter) drop headers set before them.
    c.res.headers.set('X-Request-Id', c.get('requestId'));
  });
  app.use(secureHeaders());
  if (deps.config.corsOrigins.length > 0) {
    const allowed = new Set(deps.config.corsOrigins);
    app.use(
      cors({
        // Exact-match allow-list; anything else gets no CORS headers, so the browser blocks it.
        origin: (origin) => (allowed.has(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'trpc-accept'],
        // Retry-After is not a CORS-safelisted response header: a browser client must be allowed to read it.
        exposeHeaders: ['X-Request-Id', 'Retry-After'],
        maxAge: 600,
      }),
    );
  }
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody('validation/invalid-input', 'The request body is larger than 1 MB.'), 413),
    }),
  );

  // REST routes other than /healthz share the API limit (tRPC procedures are limited per procedure
  // in trpc.ts). /healthz is never limited: load balancers poll it.
  app.use(async (c, next) => {
    if (c.req.path === '/healthz' || c.req.path.startsWith('/trpc/') || c.req.method === 'OPTIONS') return next();
    const auth = await deps.services.auth.authenticate(c.req.header('authorization') ?? '').catch(() => null);
    const ip = clientIp(c, proxies);
    await takeRateLimitToken(deps.db, deps.config.rateLimit, {
      ...bucketFor(`${c.req.method} ${c.req.path}`, { ip, auth }),
      path: `${c.req.method} ${c.req.path}`,
      origin: { ip, userAgent: c.req.header('user-agent') ?? null, requestId: c.get('requestId') },
    });
    return next();
  });

  // For load balancers and the desktop's online indicator: 200 only when the database answers.
  app.get('/healthz', async (c) => {
    try {
      await deps.db.execute(sql`select 1`);
      return c.json({ status: 'ok', db: deps.dbKind });
    } catch (err) {
      const ref = randomBytes(5).toString('hex');
      logUnexpected(err, ref, c.get('requestId'));
      return c.json({ status: 'error', db: deps.dbKind, code: 'server/unreachable', message: `The database is not answering (reference ${ref}).` }, 503);
    }
  });

  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router: appRouter,
      createContext: (opts, c) =>
        createContextInner(deps, {
          authorization: c.req.header('authorization'),
          requestId: c.get('requestId'),
          origin: { ip: clientIp(c, proxies), userAgent: c.req.header('user-agent') ?? null },
          cookieHeader: c.req.header('cookie') ?? null,
          resHeaders: opts.resHeaders,
          clientKind: c.req.header('x-atlas-client') === 'browser' ? 'browser' : 'desktop',
        }),
    }),
  );

  app.get('/sync/events', (c) => syncEvents(c, deps));

  app.notFound((c) => c.json(errorBody('not-found', `Nothing here: ${c.req.method} ${c.req.path}`), 404));

  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status < 500) {
      return respond(c, errorBody(err.status === 404 ? 'not-found' : 'validation/invalid-input', err.message || 'The request is not valid.'), err.status);
    }
    const body = serializeError(err, (e, ref) => logUnexpected(e, ref, c.get('requestId')));
    // RFC 9110 §10.2.3 / RFC 6585 §4: a 429 says when to come back.
    if (err instanceof AppError && err.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.retryAfterSeconds));
    return respond(c, body, isAppError(err) ? err.httpStatus : 500);
  });

  return app;
}

/**
 * The client's address for rate limits and audit events: the TCP peer, unless the peer is one of
 * the configured reverse proxies (ATLAS_TRUSTED_PROXIES); then the right-most `X-Forwarded-For`
 * entry that is not a trusted proxy (entries left of it are whatever the client wrote, so they
 * are never believed — OWASP ASVS 5.0 4.1.x on proxy headers).
 */
export function clientIp(c: Context<Env>, proxies: BlockList | null): string | null {
  let peer: string | null;
  try {
    peer = normalizeIp(getConnInfo(c).remote.address ?? null);
  } catch {
    // app.request() in tests has no socket.
    peer = null;
  }
  if (!peer || !proxies || !isTrusted(proxies, peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => normalizeIp(h.trim()));
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!hop || isIP(hop) === 0) break; // malformed: stop at the last hop we could trust
    client = hop;
    if (!isTrusted(proxies, hop)) break;
  }
  return client;
}

function trustedProxies(entries: readonly string[]): BlockList | null {
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

function isTrusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is the IPv4 address 10.0.0.1. */
function normalizeIp(ip: string | null): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped?.[1] ?? ip;
}

function errorBody(code: SerializedError['code'], message: string): SerializedError {
  return { code, message };
}

function respond(c: Context<Env>, body: SerializedError, status: number): Response {
  return c.json(body, status as ContentfulStatusCode);
}
