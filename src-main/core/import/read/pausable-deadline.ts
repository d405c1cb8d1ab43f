/**
 * A timeout that can be paused. The reader's time limit is about the file, so the clock stops
 * while the caller's `onRows` works on a batch: a slow database insert must not be reported as
 * "the file took too long to read".
 */
export class PausableDeadline {
  private remaining: number;
  private since = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    ms: number,
    private readonly onExpire: () => void,
  ) {
    this.remaining = ms;
    this.resume();
  }

  pause(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.remaining -= Date.now() - this.since;
  }

  resume(): void {
    if (this.timer) return;
    this.since = Date.now();
    this.timer = setTimeout(this.onExpire, Math.max(0, this.remaining));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
