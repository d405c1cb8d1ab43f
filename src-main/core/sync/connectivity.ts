/**
 * Watches whether the Atlas server answers, for the status bar and (issue 3) for the sync runner,
 * which pushes the outbox and pulls as soon as the server comes back. Checks `/healthz`;
 * while offline it retries with exponential backoff (1 s → 30 s) so a returning server is seen
 * quickly without hammering a dead one.
 */
export interface ConnectivityState {
  online: boolean;
  checkedAt: string | null;
}

export interface ConnectivityOptions {
  serverUrl: string;
  onlineIntervalMs?: number;
  maxBackoffMs?: number;
  timeoutMs?: number;
  onChange?: (state: ConnectivityState) => void;
}

export class Connectivity {
  private state: ConnectivityState = { online: false, checkedAt: null };
  private timer: NodeJS.Timeout | null = null;
  private backoffMs = 1_000;
  private stopped = true;

  constructor(private readonly options: ConnectivityOptions) {}

  get current(): ConnectivityState {
    return this.state;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One health check now; resolves to the new state. */
  async check(): Promise<ConnectivityState> {
    let online = false;
    try {
      const res = await fetch(`${this.options.serverUrl}/healthz`, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 3_000) });
      online = res.ok;
      await res.body?.cancel();
    } catch {
      online = false;
    }
    const changed = online !== this.state.online;
    this.state = { online, checkedAt: new Date().toISOString() };
    if (changed) this.options.onChange?.(this.state);
    return this.state;
  }

  private async tick(): Promise<void> {
    const { online } = await this.check();
    if (this.stopped) return;
    const max = this.options.maxBackoffMs ?? 30_000;
    this.backoffMs = online ? 1_000 : Math.min(this.backoffMs * 2, max);
    const delay = online ? (this.options.onlineIntervalMs ?? 10_000) : this.backoffMs;
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref();
  }
}
