import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config';
import { startServer } from '../start';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError('must be a whole number from 0 to 65535.');
  return port;
}

/** `atlas server`: the API on embedded PGlite (or DATABASE_URL), until SIGINT/SIGTERM. */
export function serverCommand(): Command {
  return new Command('server')
    .description('run the Atlas API server (embedded PGlite by default, PostgreSQL when DATABASE_URL is set)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 4000; 0 picks a free port)', parsePort)
    .option('-H, --host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .option('-d, --data <dir>', 'data directory (default: ATLAS_DATA_DIR or ~/.atlas/server)')
    .action(async (opts: { port?: number; host?: string; data?: string }) => {
      const config = loadConfig(undefined, { port: opts.port, host: opts.host, dataDir: opts.data });
      const server = await startServer(config);
      const where = server.database.kind === 'pglite' ? `PGlite at ${server.database.location}` : `PostgreSQL at ${server.database.location}`;
      console.log(`Atlas server listening on ${server.url} (${where})`);
      await untilSignal();
      console.log('Atlas server stopping...');
      await server.close();
      console.log('Atlas server stopped.');
    });
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = () => {
      // A second Ctrl-C while draining means "now".
      process.once('SIGINT', () => process.exit(130));
      resolve();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}
