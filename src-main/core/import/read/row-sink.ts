import type { Cell } from '../../../../shared/import/types';
import type { ReadProgress, WorkerMessage } from './worker-protocol';

/** The worker's end of the channel to the main thread. */
export interface SinkPort {
  post(message: WorkerMessage): void;
  /** Settles when the main side acknowledges the oldest 'rows' message not yet acknowledged. */
  nextAck(): Promise<void>;
}

const PROGRESS_EVERY_MS = 100;

/**
 * Sends rows to the main thread in batches, never more than one batch ahead of the consumer: the
 * next batch is posted only after the previous one's `onRows` finished, while the worker already
 * parses the one after. So a million-row file is never more than ~2 batches in memory, however
 * slow the consumer (a SQLite insert, the column profiler) is.
 */
export class RowSink {
  private batch: Cell[][] = [];
  private inFlight: Promise<void> | null = null;
  private rows = 0;
  private readonly started: number;
  private phaseStarted: number;
  private phase: ReadProgress['phase'] = 'reading';
  private lastProgress = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly port: SinkPort,
    private readonly batchRows: number,
    private readonly totalBytes: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
    this.phaseStarted = this.started;
  }

  /** Queues a row; call `flush()` when this returns true (a full batch is waiting). */
  add(row: Cell[]): boolean {
    this.batch.push(row);
    this.rows++;
    return this.batch.length >= this.batchRows;
  }

  /** Posts the queued rows once the consumer has taken the previous batch. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    if (this.inFlight) await this.inFlight;
    this.port.post({ type: 'rows', rows });
    this.inFlight = this.port.nextAck();
  }

  /** Posts what is left and waits until the consumer has handled every row; returns the count. */
  async finish(): Promise<number> {
    await this.flush();
    if (this.inFlight) await this.inFlight;
    return this.rows;
  }

  /**
   * Reports progress at most every 100 ms (unless forced). `done` is the finished fraction of
   * the current phase (bytes for CSV, rows for a parsed workbook); the estimate extrapolates the
   * phase's own pace, since SheetJS's parse and the row hand-over run at very different speeds.
   */
  progress(bytesRead: number, phase: ReadProgress['phase'], done: number | null, force = false): void {
    const now = this.now();
    if (phase !== this.phase) {
      this.phase = phase;
      this.phaseStarted = now;
    }
    if (!force && now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    const seconds = (now - this.started) / 1000;
    const phaseSeconds = (now - this.phaseStarted) / 1000;
    const secondsLeft = phase === 'parsing' || done === null || done <= 0 ? null : done >= 1 ? 0 : (phaseSeconds * (1 - done)) / done;
    this.port.post({
      type: 'progress',
      progress: {
        rows: this.rows,
        bytesRead,
        totalBytes: this.totalBytes,
        rowsPerSecond: seconds > 0 ? Math.round(this.rows / seconds) : 0,
        secondsLeft: secondsLeft === null ? null : Math.round(secondsLeft * 10) / 10,
        phase,
      },
    });
  }
}
