import { describe, expect, it } from 'vitest';
import { PokeStream } from './poke-stream';

/** An SSE body that sends `ready` and then stays open until aborted, like the server's /sync/events. */
function sseResponse(signal: AbortSignal | null | undefined): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('event: ready\ndata: {}\n\n'));
      signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

describe('PokeStream', () => {
  it('connects at once when woken after a sign-in, instead of waiting out its backoff', async () => {
    let signedIn = false;
    let pokes = 0;
    const stream = new PokeStream({
      serverUrl: 'http://atlas.test',
      accessToken: async () => {
        if (!signedIn) throw new Error('not signed in');
        return 'token';
      },
      fetch: async (_url, init) => sseResponse(init?.signal),
      onPoke: () => (pokes += 1),
    });
    stream.start();
    // Before anyone signs in the stream fails and backs off 1 s, then 2 s, then 4 s…
    await new Promise((r) => setTimeout(r, 3_200));
    signedIn = true;
    const woken = Date.now();
    stream.wake();
    while (pokes === 0 && Date.now() - woken < 2_000) await new Promise((r) => setTimeout(r, 10));
    stream.stop();
    // Without wake() the next attempt would come about 4 s after the last failure.
    expect(pokes).toBe(1);
    expect(Date.now() - woken).toBeLessThan(1_000);
  });
});
