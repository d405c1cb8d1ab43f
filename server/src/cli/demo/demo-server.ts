import { AppError } from '../../../../shared/errors';
import { loadConfig } from '../../config';
import { startServer, type RunningServer } from '../../start';

export interface DemoServer {
  url: string;
  /** Set when this command started the server itself, for the duration of the seed. */
  embedded: { dataDir: string; server: RunningServer } | null;
}

/**
 * The Atlas server at `url`, started here on embedded PGlite (ATLAS_DATA_DIR, default
 * ~/.atlas/server — the same data `npm start` and `atlas server` use) when nothing answers on a
 * local address. A remote server that does not answer is an error: we cannot start that one.
 */
export async function ensureDemoServer(url: string, say: (line: string) => void): Promise<DemoServer> {
  const health = await probe(url);
  if (health === 'ok') return { url, embedded: null };
  if (health !== 'silent') {
    throw new AppError('server/bad-response', `Something answers at ${url}, but not as a healthy Atlas server (${health}). Check --server.`);
  }
  const parsed = new URL(url);
  if (!['127.0.0.1', 'localhost'].includes(parsed.hostname) || parsed.protocol !== 'http:') {
    throw new AppError('server/unreachable', `No Atlas server answers at ${url}. Start it there (atlas server), or use --server with a running one.`);
  }
  const config = loadConfig(undefined, { port: parsed.port || '80', host: parsed.hostname });
  say(`No server answers at ${url}: starting one here on embedded PGlite (${config.pgliteDir}) until the seed is done.`);
  const server = await startServer(config);
  return { url, embedded: { dataDir: config.dataDir, server } };
}

async function probe(url: string): Promise<'ok' | 'silent' | string> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    if (res.ok) return 'ok';
    return `HTTP ${res.status} from /healthz`;
  } catch {
    return 'silent';
  }
}
