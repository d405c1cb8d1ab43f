import { missingRequiredTargets } from '../../../shared/import';
import type { ColumnMapping, DateOrder, ImportCatalog, ImportIssue, ImportTarget, NormalizedRow } from '../../../shared/import/types';
import { newId } from '../../../shared/ids';
import { replicaImportCatalog } from './import-catalog';
import { batchedWriter, ImportCommitter, type CommitDeps, type CommitMode } from './import-committer';
import { earlierOfSheet } from '../../../shared/import/earlier-import';
import { alreadyImported, newImportRecord, type ImportRecords } from './import-records';
import type { StagedFile } from './import-session';
import { stagePath } from './stage-file';
import { analyseFile, planFor, validateFile, type FileAnalysis, type StreamOptions } from './stream-import';
import type { SheetSummary } from './validate-sheet';

export interface FileImportOptions extends StreamOptions {
  overrides?: ReadonlyMap<number, ImportTarget | null>;
  memory?: ColumnMapping[] | null;
  dateOrders?: Record<number, DateOrder>;
  today: string;
  /** Errors, and warnings, kept for the report, each (all are counted); the rest are summarised. */
  maxIssues?: number;
}

export interface FileCheck {
  file: FileAnalysis;
  missingTargets: string[];
  ambiguousDateColumns: number[];
  summary: SheetSummary;
  issues: ImportIssue[];
  sample: NormalizedRow[];
}

/**
 * Analyses and validates a whole file by streaming it twice, keeping only the first issues and a
 * sample: `atlas import --dry-run`, and the check before a streamed commit.
 */
export async function checkFile(path: string, catalog: ImportCatalog, options: FileImportOptions): Promise<FileCheck> {
  const file = await analyseFile(path, options);
  const plan = planFor(file, options.today, options.dateOrders);
  const issues: ImportIssue[] = [];
  const sample: NormalizedRow[] = [];
  const max = options.maxIssues ?? 1_000;
  // Errors and warnings are capped apart: a file whose first thousand issues are warnings (an
  // expiry column full of expired lots) must still report the errors further down.
  const kept = { error: 0, warning: 0 };
  const summary = await validateFile(
    path,
    file,
    plan,
    catalog,
    {
      onValid: (rows) => {
        for (const r of rows) if (sample.length < 5) sample.push(r);
      },
      onIssue: (i) => {
        if (kept[i.severity] >= max) return;
        kept[i.severity] += 1;
        issues.push(i);
      },
    },
    options,
  );
  return { file, missingTargets: missingRequiredTargets(file.mapping), ambiguousDateColumns: plan.ambiguousDateColumns, summary, issues, sample };
}

/** The `--dry-run --json` report, in the shape the issue fixes (README documents it). */
export function dryRunReport(path: string, check: FileCheck) {
  const headers = check.file.analysis.headers;
  return {
    file: path,
    sheet: check.file.meta.sheet,
    headerRow: check.file.analysis.headerIndex + 1,
    mapping: check.file.mapping.map((m) => ({ column: m.column, header: m.header, target: m.target, confidence: round(m.confidence), reason: m.reason })),
    rows: { total: check.summary.total, valid: check.summary.valid, invalid: check.summary.invalid },
    errors: [
      // A required column nobody maps is an error of the whole file, reported at its header row.
      ...check.missingTargets.map((message) => ({ row: check.file.analysis.headerIndex + 1, column: null, code: 'missing-value', message })),
      ...check.issues
        .filter((i) => i.severity === 'error')
        .map((i) => ({ row: i.row, column: i.column === null ? null : (headers[i.column] ?? null), code: i.code, message: i.message })),
    ],
    sample: check.sample,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

export type WholeFileOptions = Omit<FileImportOptions, 'today' | 'memory'> & {
  mode: CommitMode;
  warehouse: string;
  /** Rows written so far, of the valid rows the check counted (after each replica transaction). */
  onCommitted?: (done: number, total: number) => void;
  /** Import a file already imported (same content) once more, receiving its stock again. */
  again?: boolean;
  /** The sentence that says how to import it again anyway (`--again`, a tick box). */
  againHint?: string;
};

/** Why a whole-file import wrote nothing. */
interface Refused {
  reason: 'already-imported' | 'missing-targets' | 'no-valid-rows' | 'rows-have-errors';
  message: string;
}

/**
 * A whole file in one go, streamed (the CLI, and files too large to preview): check it, then —
 * if it may go in under the chosen mode — read it again and commit as it is read.
 */
export async function importWholeFile(deps: CommitDeps, records: ImportRecords, who: { companyId: string; userId: string; name?: string }, today: string, source: string | StagedFile, options: WholeFileOptions) {
  const staged = typeof source === 'string' ? await stagePath(source) : source;
  const path = staged.path;
  const catalog = replicaImportCatalog(deps.db, who.companyId);
  const check = await checkFile(path, catalog, { ...options, today, memory: null });
  const earlier = options.again ? null : earlierOfSheet(records.earlier(who.companyId, staged.sha256), check.file.meta.sheet);
  const refused: Refused | null = earlier
    ? { reason: 'already-imported', message: alreadyImported(earlier, options.againHint ?? 'Import it again on purpose, or undo the earlier import first.') }
    : check.missingTargets.length
      ? { reason: 'missing-targets', message: `Map the required columns first: ${check.missingTargets.join('; ')}.` }
      : check.summary.valid === 0
        ? { reason: 'no-valid-rows', message: 'No row is valid; nothing was imported.' }
        : options.mode === 'all-or-nothing' && check.summary.invalid > 0
          ? {
              reason: 'rows-have-errors',
              message: `${check.summary.invalid} ${check.summary.invalid === 1 ? 'row has errors' : 'rows have errors'}; nothing was imported. Import only the valid rows to leave ${check.summary.invalid === 1 ? 'it' : 'them'} out.`,
            }
          : null;
  if (refused) return { check, imported: null, refusal: refused.message, refused: refused.reason };
  const importId = newId();
  const file = check.file;
  records.begin(
    newImportRecord({ id: importId, who, file: staged, meta: file.meta, headerIndex: file.analysis.headerIndex, mapping: file.mapping, mappingPath: 'deterministic', mode: options.mode, summary: check.summary, at: deps.now().toISOString() }),
  );
  const committer = new ImportCommitter(deps, { importId, mode: options.mode, warehouse: options.warehouse, session: who, onProgress: (done) => options.onCommitted?.(done, check.summary.valid) });
  const plan = planFor(file, today, options.dateOrders);
  const write = async () => {
    const writer = batchedWriter(committer);
    await validateFile(path, file, plan, catalog, { onValid: (rows) => writer.add(rows) }, { ...options, onProgress: (p) => options.onProgress?.({ ...p, pass: 'commit' }) });
    await writer.end();
  };
  try {
    await (options.mode === 'all-or-nothing' ? committer.atomically(write) : write());
  } catch (err) {
    // All or nothing rolled back; valid-only keeps the batches written before the failure (or a
    // Cancel), which stay on the record and can be undone.
    if (options.mode === 'all-or-nothing') records.fail(importId, deps.now().toISOString());
    else records.interrupted(importId, deps.now().toISOString(), committer.result);
    throw err;
  }
  records.finish(importId, deps.now().toISOString(), committer.result);
  return { check, imported: { importId, ...committer.result }, refusal: null, refused: null };
}
