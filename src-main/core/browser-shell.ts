import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
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

  app.all('/trpc/*', (c) => {
    const given = Buffer.from(c.req.header('authorization') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return c.json({ code: 'auth/unauthenticated', message: 'Open Atlas with the URL printed at start-up (it carries this launch’s token).' }, 401);
    }
    return fetchRequestHandler({
      endpoint: '/trpc',
      req: c.req.raw,
      router: desktopRouter,
      createContext: () => ({ core: options.core }),
    });
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
