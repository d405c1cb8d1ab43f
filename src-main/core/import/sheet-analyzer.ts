import { ColumnProfiler, detectHeaderRow } from '../../../shared/import';
import type { Cell, ColumnProfile } from '../../../shared/import/types';

/** Rows looked at to find the header row (title rows, blank rows and notes come first). */
const HEADER_SCAN = 30;

export interface SheetAnalysis {
  /** 0-based index of the header row among the rows read; NO_HEADER_ROW (-1) when there is none. */
  headerIndex: number;
  headerReason: string;
  headers: string[];
  profiles: ColumnProfile[];
  /** Rows below the header (blank ones included). */
  dataRows: number;
}

/**
 * Finds the header row and profiles every column below it while rows stream past, so a file of
 * a million rows is analysed without being held in memory. A known header row (the user moved
 * it) skips detection.
 */
export class SheetAnalyzer {
  private readonly head: Cell[][] = [];
  private profiler: ColumnProfiler | null = null;
  private headerIndex = -1;
  private headerReason = '';
  private headers: string[] = [];
  private dataRows = 0;

  constructor(private readonly fixedHeaderIndex: number | null = null) {}

  add(batch: readonly Cell[][]): void {
    for (const row of batch) {
      if (this.profiler) {
        this.profiler.add(row);
        this.dataRows += 1;
      } else {
        this.head.push(row);
        if (this.head.length >= HEADER_SCAN) this.decide();
      }
    }
  }

  finish(): SheetAnalysis {
    if (!this.profiler) this.decide();
    return { headerIndex: this.headerIndex, headerReason: this.headerReason, headers: this.headers, profiles: this.profiler?.result() ?? [], dataRows: this.dataRows };
  }

  private decide(): void {
    if (this.fixedHeaderIndex !== null) {
      this.headerIndex = Math.min(this.fixedHeaderIndex, Math.max(0, this.head.length - 1));
      this.headerReason = 'chosen by you';
    } else {
      const found = detectHeaderRow(this.head, HEADER_SCAN);
      this.headerIndex = found.index;
      this.headerReason = found.reason;
    }
    const width = Math.max(0, ...this.head.map((r) => r.length));
    const header = this.head[this.headerIndex] ?? [];
    this.headers = Array.from({ length: width }, (_, i) => headerText(header[i], i));
    this.profiler = new ColumnProfiler(width);
    const rest = this.head.slice(this.headerIndex + 1);
    this.head.length = 0;
    this.add(rest);
  }
}

/** Empty header cells still need a name the user can recognise: the spreadsheet column letter. */
export function headerText(cell: Cell | undefined, index: number): string {
  const text = cell === null || cell === undefined ? '' : String(cell).trim();
  return text || `Column ${columnLetter(index)}`;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
