import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { AppError } from '../../shared/errors';
import { createApp } from './app';
import type { ServerConfig } from './config';
import { openDatabase, type DatabaseKind } from './db/client';
import { createServerDeps } from './server-deps';

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4000` (the real port when 0 was asked for). */
  url: string;
  port: number;
  database: { kind: DatabaseKind; location: string };
  /** Stops accepting connections, lets in-flight requests finish (up to a grace period), closes the DB. */
  close(): Promise<void>;
}

const CLOSE_GRACE_MS = 5_000;

/** Opens and migrates the database, then listens on HOST:PORT. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const database = await openDatabase(config);
  try {
    const { deps } = await createServerDeps(database, config);
    const app = createApp(deps);
    const listening = await listen(app.fetch, config);
    const port = listening.port;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      port,
      database: { kind: database.kind, location: database.location },
      close() {
        closing ??= deps.pokes
          .close()
          .then(() => stop(listening.server))
          .finally(() => database.close());
        return closing;
      },
    };
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], config: ServerConfig): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => resolve({ server, port: info.port }));
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(new AppError('config/invalid', `Port ${config.port} on ${config.host} is already in use; choose another with --port or PORT.`, { cause: err }));
      } else if (err.code === 'EADDRNOTAVAIL' || err.code === 'EACCES') {
        reject(new AppError('config/invalid', `Cannot listen on ${config.host}:${config.port} (${err.code}); check HOST and PORT.`, { cause: err }));
      } else reject(err);
    });
  });
}

function stop(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, CLOSE_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    // Keep-alive connections with no request in flight would otherwise hold close() open.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}
