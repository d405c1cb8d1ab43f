import { autoMap, planImport, RowValidator } from '../../../shared/import';
import type { ColumnMapping, DateOrder, ImportCatalog, ImportIssue, ImportPlan, ImportTarget, NormalizedRow } from '../../../shared/import/types';
import { readSpreadsheet, type ReadLimits, type ReadProgress, type SpreadsheetMeta } from './read/read-spreadsheet';
import { SheetAnalyzer, type SheetAnalysis } from './sheet-analyzer';
import { SummaryCounter, type SheetSummary } from './validate-sheet';

export interface FileAnalysis {
  meta: SpreadsheetMeta & { rowCount: number };
  analysis: SheetAnalysis;
  mapping: ColumnMapping[];
}

/** The three reads of a streamed import: find the header and map, check every row, commit. */
export type ReadPass = 'analyse' | 'validate' | 'commit';

export interface StreamOptions {
  sheet?: string;
  signal?: AbortSignal;
  limits?: Partial<ReadLimits>;
  onProgress?: (p: ReadProgress & { pass: ReadPass }) => void;
}

/**
 * Pass 1 of a streamed import (the CLI and files too large to hold): find the header, profile
 * every column and map it, without keeping rows. `mapping` overrides (a mapping file) replace
 * the automatic choice column by column.
 */
export async function analyseFile(path: string, options: StreamOptions & { memory?: ColumnMapping[] | null; overrides?: ReadonlyMap<number, ImportTarget | null> }): Promise<FileAnalysis> {
  const analyzer = new SheetAnalyzer();
  let meta: SpreadsheetMeta | null = null;
  const read = await readSpreadsheet(path, {
    sheet: options.sheet,
    signal: options.signal,
    limits: options.limits,
    onMeta: (m) => (meta = m),
    onProgress: (p) => options.onProgress?.({ ...p, pass: 'analyse' }),
    onRows: (batch) => analyzer.add(batch),
  });
  const analysis = analyzer.finish();
  const mapping = autoMap(analysis.headers, analysis.profiles, { memory: options.memory ?? null });
  for (const [column, target] of options.overrides ?? []) {
    const m = mapping[column];
    if (!m) continue;
    for (const other of mapping) if (target && other.target === target) Object.assign(other, { target: null, reason: `the mapping file gives ${target} to "${m.header}"` });
    Object.assign(m, { target, confidence: 1, source: 'user', reason: 'from the mapping file' });
  }
  return { meta: { ...(meta ?? read), ...read }, analysis, mapping };
}

export function planFor(file: FileAnalysis, today: string, dateOrders: Record<number, DateOrder> = {}): ImportPlan {
  return planImport(file.mapping, file.analysis.profiles, { today, dateSystem: file.meta.dateSystem, dateOrders });
}

/**
 * Pass 2: reads the file again and validates each row below the header, handing valid rows to
 * `onValid` in batches (awaited: a commit keeps pace with the reader, so memory stays flat) and
 * every issue to `onIssue`.
 */
export async function validateFile(
  path: string,
  file: FileAnalysis,
  plan: ImportPlan,
  catalog: ImportCatalog,
  sinks: { onValid?: (rows: NormalizedRow[]) => Promise<void> | void; onIssue?: (issue: ImportIssue) => void },
  options: StreamOptions = {},
): Promise<SheetSummary> {
  const validator = new RowValidator(plan, catalog);
  const counter = new SummaryCounter();
  let index = 0;
  await readSpreadsheet(path, {
    sheet: file.meta.sheet,
    signal: options.signal,
    limits: options.limits,
    onProgress: (p) => options.onProgress?.({ ...p, pass: 'validate' }),
    onRows: async (batch) => {
      const valid: NormalizedRow[] = [];
      for (const cells of batch) {
        const i = index;
        index += 1;
        if (i <= file.analysis.headerIndex) continue;
        const r = validator.validate(i + 1, cells);
        counter.count(r.blank, r.row, r.issues);
        if (r.row) valid.push(r.row);
        for (const issue of r.issues) sinks.onIssue?.(issue);
      }
      if (valid.length && sinks.onValid) await sinks.onValid(valid);
    },
  });
  return counter.summary();
}
