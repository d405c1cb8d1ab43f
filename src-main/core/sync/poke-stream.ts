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
  private connected = false;
  /** Ends the current backoff wait early (see wake()). */
  private cutWait: (() => void) | null = null;

  constructor(private readonly options: PokeStreamOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    this.cutWait?.();
  }

  /**
   * Reconnect now if the stream is waiting out a backoff: called when a sync just reached the
   * server, so a terminal that started before anyone signed in (the stream failed, and backed off
   * up to 30 s) hears pokes as soon as there is a session, not half a minute later.
   */
  wake(): void {
    if (!this.connected) this.cutWait?.();
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
      this.connected = false;
      this.options.onState?.(false);
      if (this.stopped) return;
      const woken = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), backoff);
        timer.unref();
        this.cutWait = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      this.cutWait = null;
      backoff = woken ? 1_000 : Math.min(backoff * 2, 30_000);
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
    this.connected = true;
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
