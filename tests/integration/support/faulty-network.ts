/**
 * The network between a desktop and the server, with faults (SYNC.md "faults to inject"):
 * requests that never arrive, responses lost after the server committed, duplicated requests.
 * Driven by a seeded random source so a failing schedule replays exactly.
 */
export type NetworkMode = 'ok' | 'down' | 'chaos';

export class FaultyNetwork {
  mode: NetworkMode = 'ok';
  readonly injected = { refused: 0, responseLost: 0, duplicated: 0 };

  constructor(private readonly random: () => number) {}

  readonly fetch: typeof fetch = async (input, init) => {
    if (this.mode === 'down') throw new TypeError('fetch failed: network is down');
    if (this.mode === 'chaos') {
      const r = this.random();
      if (r < 0.15) {
        this.injected.refused++;
        throw new TypeError('fetch failed: connection refused');
      }
      if (r < 0.3) {
        // The server receives and commits; the answer never comes back.
        const res = await fetch(input, init);
        await res.arrayBuffer();
        this.injected.responseLost++;
        throw new TypeError('fetch failed: connection reset before the response');
      }
      if (r < 0.4) {
        // A retrying proxy sends the same request twice, concurrently.
        this.injected.duplicated++;
        const [first, second] = await Promise.all([fetch(input, init), fetch(input, init)]);
        await first.arrayBuffer();
        return second;
      }
    }
    return fetch(input, init);
  };
}
