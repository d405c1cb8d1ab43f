/**
 * Listens to the server's /sync/events (Server-Sent Events) and calls `onPoke` whenever another
 * terminal changed something of this company. Uses fetch streaming rather than EventSource so
 * the access token travels in the Authorization header, never in a URL. Reconnects with backoff.
 */
export interface PokeStreamOptions {
  serverUrl: string;
  fetch?: typeof fetch | undefined;
  accessToken: () => Promise<string>;
  onPoke: () => void;
  onState?: (connected: boolean) => void;
}

export class PokeStream {
  private abort: AbortController | null = null;
  private stopped = true;

  constructor(private readonly options: PokeStreamOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
  }

  private async loop(): Promise<void> {
    let backoff = 1_000;
    while (!this.stopped) {
      try {
        await this.listenOnce();
        backoff = 1_000;
      } catch {
        // Offline, signed out or server restarting: the sync runner shows the state; retry later.
      }
      this.options.onState?.(false);
      if (this.stopped) return;
      await new Promise((r) => setTimeout(r, backoff).unref());
      backoff = Math.min(backoff * 2, 30_000);
    }
  }

  private async listenOnce(): Promise<void> {
    this.abort = new AbortController();
    const token = await this.options.accessToken();
    const res = await (this.options.fetch ?? fetch)(`${this.options.serverUrl}/sync/events`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: this.abort.signal,
    });
    if (!res.ok || !res.body) throw new Error(`poke stream refused: HTTP ${res.status}`);
    this.options.onState?.(true);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        // A poke, and also `ready` (sent on (re)connect: changes may have happened while away).
        if (/^event: (poke|ready)$/m.test(event)) this.options.onPoke();
      }
    }
  }
}
