import { randomBytes } from 'node:crypto';
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
import { isAppError, type SerializedError } from '../../shared/errors';
import { serializeError } from '../../shared/serialize-error';
import { createContextInner, type ServerDeps } from './context';
import { logUnexpected } from './log';
import { appRouter } from './routers/_app';
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

  // Echoed on every response (and accepted from a proxy when well-formed) so a person reporting a
  // problem can quote it and the log line can be found.
  app.use(requestId());
  app.use(async (c, next) => {
    await next();
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
        exposeHeaders: ['X-Request-Id'],
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
          origin: { ip: clientIp(c), userAgent: c.req.header('user-agent') ?? null },
          cookieHeader: c.req.header('cookie') ?? null,
          resHeaders: opts.resHeaders,
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
    return respond(c, body, isAppError(err) ? err.httpStatus : 500);
  });

  return app;
}

/** The peer address of the TCP connection (no proxy header is trusted unless configured, issue 6). */
function clientIp(c: Context<Env>): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // app.request() in tests has no socket.
    return null;
  }
}

function errorBody(code: SerializedError['code'], message: string): SerializedError {
  return { code, message };
}

function respond(c: Context<Env>, body: SerializedError, status: number): Response {
  return c.json(body, status as ContentfulStatusCode);
}
