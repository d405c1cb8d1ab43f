import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono, type Context } from 'hono';
import { AppError } from '../../shared/errors';
import { serializeError } from '../../shared/serialize-error';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import type { DesktopCore } from './desktop-core';
import { desktopRouter } from './router';

export interface BrowserShellOptions {
  core: DesktopCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
}

export interface BrowserShell {
  /** Open this URL: it carries the per-launch token in the fragment, which never reaches a server log. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the desktop router and the built renderer over HTTP on 127.0.0.1, for machines
 * without the Electron binary and for e2e tests. Only loopback; every /trpc call needs the
 * random per-launch token; the Host header must be ours (a DNS-rebinding page cannot reach it).
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const token = randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);
  let port = 0;
  const app = new Hono();

  app.use('*', async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return c.json({ code: 'auth/forbidden', message: 'This Atlas shell only answers on 127.0.0.1.' }, 403);
    }
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    // The app page is never cached, so a rebuilt renderer shows at once.
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Cache-Control', 'no-store');
  });

  const unauthenticated = (c: Context) =>
    c.json({ code: 'auth/unauthenticated', message: 'Open Atlas with the URL printed at start-up (it carries this launch’s token).' }, 401);
  const authorized = (c: Context) => {
    const given = Buffer.from(c.req.header('authorization') ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  app.all('/trpc/*', (c) => {
    if (!authorized(c)) return unauthenticated(c);
    return fetchRequestHandler({
      endpoint: '/trpc',
      req: c.req.raw,
      router: desktopRouter,
      createContext: () => ({ core: options.core }),
    });
  });

  // A dropped file: the page has its bytes but no path, so they are streamed here, staged in the
  // data directory and opened as an import (the Electron shell passes the path instead).
  app.post('/import/upload', async (c) => {
    if (!authorized(c)) return unauthenticated(c);
    const name = c.req.query('name') ?? 'upload';
    const body = c.req.raw.body;
    try {
      if (!body) throw new AppError('import/unreadable-file', 'The file is empty.');
      const imports = options.core.imports();
      const staged = await imports.upload(name, body);
      return c.json(await imports.open({ staged }, c.req.query('sheet') || undefined));
    } catch (err) {
      const e = serializeError(err, (x, ref) => console.error(`[atlas] upload failed ref=${ref}`, x));
      return c.json(e, e.code === 'auth/unauthenticated' ? 401 : 400);
    }
  });

  app.use('*', serveStatic({ root: options.rendererDir }));
  // Client-side routes fall back to the app page.
  app.get('*', serveStatic({ root: options.rendererDir, path: 'index.html' }));

  const server = await new Promise<ReturnType<typeof serve>>((resolveServer) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port ?? 0 }, () => resolveServer(s));
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
