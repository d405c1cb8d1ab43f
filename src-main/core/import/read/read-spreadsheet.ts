import { AppError } from '../../../../shared/errors';
import type { Cell } from '../../../../shared/import/types';
import { withDefaultLimits, type ReadLimits } from './read-limits';
import { runReadWorker } from './run-read-worker';
import type { ReadProgress, SpreadsheetMeta, WorkerRequest } from './worker-protocol';
import type { WorkerTarget } from './worker-url';

export { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits';
export type { ReadProgress, SpreadsheetMeta } from './worker-protocol';

export interface ReadOptions {
  /** Sheet of a workbook to read; default: the first sheet with data. Ignored for CSV/TSV. */
  sheet?: string;
  limits?: Partial<ReadLimits>;
  /** Aborting terminates the reader; the promise rejects with 'import/cancelled'. */
  signal?: AbortSignal;
  /** At most every 100 ms, plus once at the end. */
  onProgress?: (progress: ReadProgress) => void;
  /** Once, before the first rows. */
  onMeta?: (meta: SpreadsheetMeta) => void;
  /**
   * Rows in order, in batches. The next batch is not delivered before the returned promise
   * settles (backpressure); a rejection stops the read and becomes readSpreadsheet's rejection.
   * Row i of the file is the i-th row delivered (blank rows in the middle arrive as []); each row
   * ends at its last non-empty cell; CSV cells are strings, '' is null.
   */
  onRows: (batch: Cell[][]) => void | Promise<void>;
  /** Rows per batch; default 2,000. */
  batchRows?: number;
  /**
   * The reader thread to run; default: the bundled one beside this module, or the source under
   * tsx. The import benchmark passes a bundle so it times the reader the app ships, not tsx
   * compiling TypeScript inside a fresh thread (about 100 ms per read).
   */
  worker?: WorkerTarget;
}

const DEFAULT_BATCH_ROWS = 2_000;

/**
 * Reads a CSV, TSV, XLSX or XLS file from disk in a worker thread, streaming rows to `onRows`.
 * The format is judged by content, not by name. Every failure is an AppError with an 'import/…'
 * code and a sentence for the person importing (file, row and column named where it applies).
 */
export async function readSpreadsheet(path: string, options: ReadOptions): Promise<SpreadsheetMeta & { rowCount: number }> {
  let meta: SpreadsheetMeta | null = null;
  const request: WorkerRequest = {
    mode: 'read',
    path,
    sheet: options.sheet,
    limits: withDefaultLimits(options.limits),
    batchRows: Math.max(1, Math.floor(options.batchRows ?? DEFAULT_BATCH_ROWS)),
  };
  const rowCount = await runReadWorker(
    request,
    {
      onMeta: (m) => {
        meta = m;
        options.onMeta?.(m);
      },
      onRows: options.onRows,
      onProgress: options.onProgress,
    },
    options.signal,
    options.worker,
  );
  if (!meta) throw new AppError('internal/unexpected', 'The spreadsheet reader finished without describing the file.');
  return { ...(meta as SpreadsheetMeta), rowCount };
}

export interface SheetList {
  format: SpreadsheetMeta['format'];
  sheets: string[];
}

/** The sheets of a workbook (a CSV/TSV has one, named after the file), without reading rows. */
export async function listSheets(path: string, options: { limits?: Partial<ReadLimits>; signal?: AbortSignal } = {}): Promise<SheetList> {
  let list: SheetList | null = null;
  const request: WorkerRequest = { mode: 'list-sheets', path, sheet: undefined, limits: withDefaultLimits(options.limits), batchRows: DEFAULT_BATCH_ROWS };
  await runReadWorker(request, { onSheets: (format, sheets) => (list = { format, sheets }) }, options.signal);
  if (!list) throw new AppError('internal/unexpected', 'The spreadsheet reader finished without listing the sheets.');
  return list;
}
