import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpLink } from '@trpc/client';
import { loadConfig } from '../server/src/config';
import type { AppRouter } from '../server/src/routers/_app';
import { startServer } from '../server/src/start';
import { measure, type Figure } from './measure';

/** Server on embedded PGlite over loopback HTTP: health check and sign-in (argon2id verify included). */
export async function serverBench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-server-'));
  const server = await startServer(loadConfig({ NODE_ENV: 'test' }, { port: 0, dataDir: dir }));
  try {
    const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc` })] });
    const account = { companyName: 'Bench Pharma', name: 'Bench User', email: 'bench@bench.example', password: 'bench password 123' };
    await api.auth.register.mutate(account);
    return [
      await measure('server.healthz_ms (PGlite, loopback HTTP)', 'ms', 50, async () => {
        await (await fetch(`${server.url}/healthz`)).text();
      }),
      await measure('server.auth.signIn_ms (argon2id m=19 MiB t=2, PGlite)', 'ms', 10, () => api.auth.signIn.mutate({ email: account.email, password: account.password })),
    ];
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
