import { autoMap, mappingMemoryKey, missingRequiredTargets, NO_HEADER_ROW, planImport } from '../../../shared/import';
import type { Cell, ColumnMapping, DateOrder, ImportCatalog, ImportIssue, ImportPlan, ImportTarget } from '../../../shared/import/types';
import type { SerializedError } from '../../../shared/errors';
import type { SpreadsheetMeta, ReadProgress } from './read/read-spreadsheet';
import type { MappingPath } from './ai-mapping';
import { SheetAnalyzer, type SheetAnalysis } from './sheet-analyzer';
import { validateSheet, type SheetSummary, type SheetValidation } from './validate-sheet';
import type { CommitMode, CommitResult } from './import-committer';
import type { ReadPass } from './stream-import';

/**
 * A file too long to preview, checked and imported straight from the file instead: which read
 * is running, and once checked, how many rows are valid, the first errors and, if the chosen
 * mode refused the file, why.
 */
export interface StreamedImport {
  mode: CommitMode;
  pass: ReadPass;
  summary: SheetSummary | null;
  errors: { row: number; column: string | null; message: string }[];
  refusal: string | null;
}

export type ImportStatus = 'reading' | 'ready' | 'committing' | 'committed' | 'failed' | 'cancelled';

export interface StagedFile {
  path: string;
  name: string;
  bytes: number;
  sha256: string;
}

/**
 * One import in progress on the desktop: the file's rows held in memory (bounded by the reader's
 * limits), how they map, the user's choices and corrections, and the validation of the result.
 * The file itself is never modified; corrections are an overlay.
 */
export class ImportSession {
  status: ImportStatus = 'reading';
  progress: ReadProgress | null = null;
  commitProgress: { done: number; total: number } | null = null;
  error: SerializedError | null = null;
  meta: SpreadsheetMeta | null = null;
  rows: Cell[][] = [];
  analysis: SheetAnalysis | null = null;
  mapping: ColumnMapping[] = [];
  mappingPath: MappingPath = { path: 'deterministic', note: '' };
  dateOrders: Record<number, DateOrder> = {};
  readonly edits = new Map<number, Map<number, string>>();
  plan: ImportPlan | null = null;
  validation: SheetValidation | null = null;
  result: (CommitResult & { importId: string }) | null = null;
  abort = new AbortController();
  /** Refused for preview only because it is too long: it can still be imported streamed. */
  tooLongToPreview = false;
  streamed: StreamedImport | null = null;

  constructor(
    readonly id: string,
    readonly file: StagedFile,
    private readonly today: () => string,
  ) {}

  /** After reading (or re-reading another sheet / header row): analyse and map from scratch. */
  analyse(fixedHeaderIndex: number | null, memory: (headerKey: string) => ColumnMapping[] | null): void {
    const analyzer = new SheetAnalyzer(fixedHeaderIndex);
    analyzer.add(this.rows);
    this.analysis = analyzer.finish();
    const key = this.headerKey();
    const remembered = key === null ? null : memory(key);
    const usable = remembered && remembered.length === this.analysis.headers.length ? remembered : null;
    this.mapping = autoMap(this.analysis.headers, this.analysis.profiles, { memory: usable });
    this.mappingPath = usable
      ? { path: 'memory', note: 'This header layout was imported before; its mapping was reused.' }
      : { path: 'deterministic', note: 'Mapped from the column headers and their contents.' };
    this.dateOrders = {};
  }

  /**
   * The key a confirmed mapping is remembered under: the header texts. A file with no header row
   * has none (its columns are only letters, which any other headerless file shares), so its
   * mapping is neither remembered nor reused.
   */
  headerKey(): string | null {
    if (!this.analysis || this.analysis.headerIndex === NO_HEADER_ROW) return null;
    return mappingMemoryKey(this.analysis.headers);
  }

  setTargets(changes: readonly { column: number; target: ImportTarget | null }[]): void {
    for (const c of changes) {
      const m = this.mapping[c.column];
      if (!m) continue;
      // A target belongs to one column: the user's choice wins over the previous holder.
      if (c.target) for (const other of this.mapping) if (other.target === c.target && other.column !== c.column) Object.assign(other, { target: null, confidence: 1, source: 'user', reason: `you mapped ${c.target} to "${m.header}"` });
      Object.assign(m, { target: c.target, confidence: 1, source: 'user', reason: c.target ? 'chosen by you' : 'ignored by you' });
    }
  }

  setCell(rowIndex: number, column: number, value: string): void {
    const row = this.edits.get(rowIndex) ?? new Map<number, string>();
    row.set(column, value);
    this.edits.set(rowIndex, row);
  }

  validate(catalog: ImportCatalog): void {
    if (!this.analysis || !this.meta) return;
    const plan = planImport(this.mapping, this.analysis.profiles, { today: this.today(), dateSystem: this.meta.dateSystem, dateOrders: this.dateOrders });
    this.plan = plan;
    this.validation = validateSheet(this.rows, this.analysis.headerIndex, plan, catalog, this.edits);
  }

  missingTargets(): string[] {
    return missingRequiredTargets(this.mapping);
  }

  issuesOf(rowIndex: number): ImportIssue[] {
    return this.validation?.issues.get(rowIndex) ?? [];
  }
}
