import type { Cell, DateSystem } from '../../../../shared/import/types';
import type { ErrorCode } from '../../../../shared/errors';
import type { ReadLimits } from './read-limits';

/** What the reader found out about the file, sent before the first rows. */
export interface SpreadsheetMeta {
  fileName: string;
  bytes: number;
  format: 'csv' | 'tsv' | 'xlsx' | 'xls';
  /** Text encoding of a CSV/TSV; null for workbooks. */
  encoding: string | null;
  /** Field delimiter of a CSV/TSV; null for workbooks. */
  delimiter: string | null;
  /** A CSV/TSV has one sheet, named after the file as Excel names it. */
  sheets: string[];
  sheet: string;
  /** Only workbooks can use 1904; CSV dates are text, so '1900' is a placeholder there. */
  dateSystem: DateSystem;
}

export interface ReadProgress {
  rows: number;
  bytesRead: number;
  totalBytes: number;
  rowsPerSecond: number;
  secondsLeft: number | null;
  /** 'parsing' while SheetJS holds the thread (no row count yet); 'reading' while rows flow. */
  phase: 'reading' | 'parsing';
}

/** `workerData` of the reader thread. */
export interface WorkerRequest {
  mode: 'read' | 'list-sheets';
  path: string;
  sheet: string | undefined;
  limits: ReadLimits;
  batchRows: number;
}

/** Worker → main. A 'rows' message is not followed by another until the main side sends 'ack'. */
export type WorkerMessage =
  | { type: 'meta'; meta: SpreadsheetMeta }
  | { type: 'rows'; rows: Cell[][] }
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'sheets'; format: SpreadsheetMeta['format']; sheets: string[] }
  | { type: 'done'; rowCount: number }
  | { type: 'error'; code: ErrorCode; message: string };

/** Main → worker: the batch before was handed to `onRows` and its promise settled. */
export interface AckMessage {
  type: 'ack';
}
