import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ServerDeps } from './context';

/** Comments keep idle proxies from closing the stream; clients treat silence past ~2× as a drop. */
const KEEPALIVE_MS = 25_000;

/**
 * GET /sync/events — Server-Sent Events telling a signed-in desktop "pull now" when anything of
 * its company changes (SYNC.md poke), so another online terminal sees a change within ~100 ms.
 * Authenticated with the same Bearer access token as the API; only the token's company is heard.
 */
export async function syncEvents(c: Context, deps: ServerDeps): Promise<Response> {
  const auth = await deps.services.auth.authenticate(c.req.header('authorization') ?? '');
  return streamSSE(c, async (stream) => {
    let wake: (() => void) | null = null;
    let closing = false;
    const pending: number[] = [];
    const unsubscribe = deps.pokes.subscribe(auth.companyId, (version) => {
      if (version === null) closing = true;
      else pending.push(version);
      wake?.();
    });
    stream.onAbort(() => {
      unsubscribe();
      wake?.();
    });
    await stream.writeSSE({ event: 'ready', data: '{}' });
    while (!stream.aborted && !closing) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, KEEPALIVE_MS).unref();
      });
      wake = null;
      if (stream.aborted || closing) break;
      const latest = pending.length ? Math.max(...pending.splice(0)) : null;
      if (latest === null) await stream.write(': keep-alive\n\n');
      else await stream.writeSSE({ event: 'poke', data: JSON.stringify({ version: latest }) });
    }
    unsubscribe();
  });
}
