import { dirname, join, sep } from 'node:path';
import { rmSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { serializeError } from '../../../shared/serialize-error';
import { newId } from '../../../shared/ids';
import type { DateOrder, ImportTarget } from '../../../shared/import/types';
import type { ReplicaDb } from '../replica/open-replica';
import type { ReplicaWriter } from '../replica/replica-writer';
import type { SessionManager } from '../session/session-manager';
import type { SyncStore } from '../sync/sync-store';
import { aiRequestColumns, mergeAiSuggestions, uncertainColumns } from './ai-mapping';
import { commitRows, type CommitMode } from './import-committer';
import { importWholeFile, type WholeFileOptions } from './file-import';
import { replicaImportCatalog } from './import-catalog';
import { earlierOfSheet } from '../../../shared/import/earlier-import';
import { alreadyImported, ImportRecords, newImportRecord } from './import-records';
import { ImportSession, type StagedFile, type StreamedImport } from './import-session';
import { importRows, importView, type RowFilter } from './import-view';
import { undoImport, type UndoProgress } from './import-undo';
import { DEFAULT_READ_LIMITS, readSpreadsheet } from './read/read-spreadsheet';
import { stagePath, stageUpload } from './stage-file';

export interface DesktopImportsOptions {
  db: ReplicaDb;
  writer: ReplicaWriter;
  store: SyncStore;
  session: SessionManager;
  dataDir: string;
  now: () => Date;
  /** Most rows an import previews (ATLAS_IMPORT_PREVIEW_ROWS); a longer file is imported streamed. */
  previewRows?: number;
  /** After a commit or an undo: push the new outbox rows. */
  onChange: () => void;
}

/** Most rows an import held in memory for preview and correction may have, by default. */
export const INTERACTIVE_MAX_ROWS = 500_000;
export const UPLOAD_MAX_BYTES = DEFAULT_READ_LIMITS.maxBytes;

type Who = { companyId: string; userId: string; name: string };

/**
 * Spreadsheet imports on the desktop (issue 4): stage a dropped file, read it in a worker,
 * map and validate it, let the user correct it, commit it through the outbox, undo it later.
 * Sessions live in memory; their results (records, lines, mapping memory) in the replica.
 */
export class DesktopImports {
  private readonly sessions = new Map<string, ImportSession>();
  private readonly records: ImportRecords;
  /** Undos running now, by import: the undo dialog polls their progress. */
  private readonly undos = new Map<string, UndoProgress>();

  constructor(private readonly o: DesktopImportsOptions) {
    this.records = new ImportRecords(o.db);
    this.records.markInterrupted();
    // Uploads staged by an earlier run belong to sessions that died with it: plaintext copies of
    // someone's spreadsheet have no reason to stay in the data directory.
    rmSync(this.staging(), { recursive: true, force: true });
  }

  private staging(): string {
    return join(this.o.dataDir, 'imports', 'staging');
  }

  private who(): Who {
    const current = this.o.session.current();
    if (!current) throw new AppError('auth/unauthenticated', 'Sign in to import stock.');
    return { companyId: current.company.id, userId: current.user.id, name: current.user.name };
  }

  private get(id: string): ImportSession {
    const s = this.sessions.get(id);
    if (!s) throw new AppError('import/unknown-import', 'That import is no longer open; drop the file again.');
    return s;
  }

  private today(): string {
    return this.o.now().toISOString().slice(0, 10);
  }

  upload(name: string, body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): Promise<StagedFile> {
    this.who();
    return stageUpload(this.staging(), name, body, UPLOAD_MAX_BYTES);
  }

  /** Opens a staged upload (browser shell) or a local path (Electron, CLI) and starts reading it. */
  async open(source: { staged: StagedFile } | { path: string }, sheet?: string): Promise<{ id: string }> {
    this.who();
    const file = 'staged' in source ? source.staged : await stagePath(source.path);
    const session = new ImportSession(newId(), file, () => this.today());
    this.sessions.set(session.id, session);
    void this.read(session, sheet, null);
    return { id: session.id };
  }

  private async read(session: ImportSession, sheet: string | undefined, headerIndex: number | null): Promise<void> {
    session.status = 'reading';
    session.error = null;
    session.rows = [];
    session.abort = new AbortController();
    try {
      await readSpreadsheet(session.file.path, {
        sheet,
        signal: session.abort.signal,
        limits: { maxRows: this.previewRows },
        onMeta: (m) => (session.meta = m),
        onProgress: (p) => (session.progress = p),
        onRows: (batch) => {
          for (const row of batch) session.rows.push(row);
        },
      });
      const who = this.who();
      session.analyse(headerIndex, (key) => this.records.rememberedMapping(who.companyId, key));
      session.validate(replicaImportCatalog(this.o.db, who.companyId));
      session.status = 'ready';
      void this.askClaude(session);
    } catch (err) {
      session.status = session.abort.signal.aborted ? 'cancelled' : 'failed';
      session.tooLongToPreview = err instanceof AppError && err.code === 'import/too-many-rows';
      session.error = serializeError(session.tooLongToPreview ? tooLongToPreview(session.file.name, this.previewRows) : err, logUnexpected);
    }
  }

  private get previewRows(): number {
    return this.o.previewRows ?? INTERACTIVE_MAX_ROWS;
  }

  /**
   * Low-confidence columns go to the server's AI mapping (headers and five samples each); the
   * server holds the API key and the company's quota. Offline or on any failure the
   * deterministic mapping stands and the note says why.
   */
  private async askClaude(session: ImportSession): Promise<void> {
    const analysis = session.analysis;
    if (!analysis || session.mappingPath.path === 'memory') return;
    const uncertain = uncertainColumns(session.mapping, analysis.profiles);
    if (uncertain.length === 0) return;
    session.mappingPath = { path: 'deterministic', pending: true, note: `Asking Claude about ${uncertain.length} uncertain column${uncertain.length === 1 ? '' : 's'}…` };
    const before = JSON.stringify(session.mapping);
    try {
      const reply = await this.o.session.authed((server) =>
        server.imports.suggestMapping.mutate({ columns: aiRequestColumns(uncertain, analysis.profiles), fileKind: session.meta?.format === 'tsv' ? 'csv' : session.meta?.format }),
      );
      if (JSON.stringify(session.mapping) !== before) {
        session.mappingPath = { path: 'deterministic', note: 'You changed the mapping while Claude was asked; yours stands.' };
        return;
      }
      if (reply.path === 'ai') {
        session.mapping = mergeAiSuggestions(session.mapping, reply.suggestions, new Set(uncertain.map((u) => u.column)));
        session.validate(replicaImportCatalog(this.o.db, this.who().companyId));
      }
      session.mappingPath = { path: reply.path, note: reply.note };
    } catch (err) {
      const offline = err instanceof AppError && err.code === 'server/unreachable';
      session.mappingPath = {
        path: 'deterministic',
        note: offline ? 'Offline: Claude was not asked; mapped from the headers and contents.' : `Claude could not be asked (${err instanceof Error ? err.message : 'unknown error'}); mapped from the headers and contents.`,
      };
    }
  }

  view(id: string) {
    const s = this.get(id);
    const current = this.o.session.current();
    // Every earlier import of this file, by sheet: the screen says so for the sheet being imported.
    return { ...importView(s), importedBefore: current ? this.records.earlier(current.company.id, s.file.sha256) : [] };
  }

  /** A sheet whose stock is already in goes in again only when the person says so (`again`). */
  private refuseRepeat(s: ImportSession, who: Who, sheet: string | null | undefined, again: boolean | undefined): void {
    const earlier = again ? null : earlierOfSheet(this.records.earlier(who.companyId, s.file.sha256), sheet);
    if (earlier) throw new AppError('import/already-imported', alreadyImported(earlier, 'Tick “Import it again” to do so on purpose, or undo the earlier import first.'));
  }

  /** A page of the preview grid: the cells as the user sees them (with corrections) and their issues. */
  rows(id: string, offset: number, limit: number, only: RowFilter) {
    return importRows(this.get(id), offset, limit, only);
  }

  setSheet(id: string, sheet: string) {
    const s = this.ready(id);
    void this.read(s, sheet, null);
    return { id };
  }

  /** `headerRow` is 1-based; 0 means the file has no header row. */
  setHeaderRow(id: string, headerRow: number) {
    const s = this.ready(id);
    const who = this.who();
    s.analyse(headerRow - 1, (key) => this.records.rememberedMapping(who.companyId, key));
    s.validate(replicaImportCatalog(this.o.db, who.companyId));
    return this.view(id);
  }

  setMapping(id: string, changes: { column: number; target: ImportTarget | null }[]) {
    const s = this.ready(id);
    s.setTargets(changes);
    s.validate(replicaImportCatalog(this.o.db, this.who().companyId));
    return this.view(id);
  }

  setDateOrder(id: string, column: number, order: DateOrder) {
    const s = this.ready(id);
    s.dateOrders[column] = order;
    s.validate(replicaImportCatalog(this.o.db, this.who().companyId));
    return this.view(id);
  }

  /** `row` is the spreadsheet row number the grid shows. */
  editCell(id: string, row: number, column: number, value: string) {
    const s = this.ready(id);
    if (row - 1 <= (s.analysis?.headerIndex ?? 0) || row > s.rows.length) throw new AppError('validation/invalid-input', `Row ${row} is not a data row of this sheet.`);
    s.setCell(row - 1, column, value);
    s.validate(replicaImportCatalog(this.o.db, this.who().companyId));
    return this.view(id);
  }

  private ready(id: string): ImportSession {
    const s = this.get(id);
    if (s.status === 'ready') return s;
    const why: Record<Exclude<typeof s.status, 'ready'>, string> = {
      reading: 'The file is still being read; wait a moment.',
      committing: 'This import is being written; wait for it to finish.',
      committed: 'This import has already been committed.',
      failed: 'This file could not be read; choose another file.',
      cancelled: 'Reading this file was cancelled; drop it again to start over.',
    };
    throw new AppError('import/not-ready', why[s.status]);
  }

  /** Starts the commit; progress and the outcome appear in `view`. */
  commit(id: string, options: { mode: CommitMode; warehouse: string; again?: boolean }) {
    const s = this.ready(id);
    const who = this.who();
    this.refuseRepeat(s, who, s.meta?.sheet, options.again);
    const missing = s.missingTargets();
    if (missing.length) throw new AppError('import/not-ready', `Map the required columns first: ${missing.join('; ')}.`);
    const summary = s.validation?.summary;
    if (!summary || !s.analysis || !s.meta) throw new AppError('import/not-ready', 'The file has not been validated yet.');
    if (options.mode === 'all-or-nothing' && summary.invalid > 0) {
      throw new AppError('import/commit-failed', `${summary.invalid} row${summary.invalid === 1 ? ' has' : 's have'} errors. Fix ${summary.invalid === 1 ? 'it' : 'them'}, or choose to import only the valid rows.`);
    }
    const valid = (s.validation?.rows ?? []).filter((r) => r !== null);
    if (valid.length === 0) throw new AppError('import/commit-failed', 'No row is valid; nothing to import.');
    const importId = newId();
    const at = this.o.now().toISOString();
    this.records.begin(
      newImportRecord({ id: importId, who, file: s.file, meta: s.meta, headerIndex: s.analysis.headerIndex, mapping: s.mapping, mappingPath: s.mappingPath.path, mode: options.mode, summary, at }),
    );
    const headerKey = s.headerKey();
    if (headerKey !== null) this.records.rememberMapping(who.companyId, headerKey, s.mapping, at);
    s.status = 'committing';
    s.commitProgress = { done: 0, total: valid.length };
    void commitRows(this.o, { importId, mode: options.mode, warehouse: options.warehouse, session: who, onProgress: (done) => (s.commitProgress = { done, total: valid.length }) }, [valid])
      .then((result) => {
        this.records.finish(importId, this.o.now().toISOString(), result);
        s.result = { ...result, importId };
        s.status = 'committed';
        this.o.onChange();
      })
      .catch((err: unknown) => {
        this.records.fail(importId, this.o.now().toISOString());
        s.error = serializeError(err, logUnexpected);
        s.status = 'ready';
      });
    return this.view(id);
  }

  /**
   * A file too long to preview: check every row and import the valid ones (or all, or nothing)
   * straight from the file, streamed — what `atlas import FILE` does, with progress in `view`.
   * The check runs first; under "all or nothing" a file with errors is refused with the first
   * of them, and nothing is written.
   */
  importWithoutPreview(id: string, options: { mode: CommitMode; warehouse: string; sheet?: string; again?: boolean }) {
    const s = this.get(id);
    if (!s.tooLongToPreview || s.status === 'committing' || s.status === 'committed') {
      throw new AppError('import/not-ready', s.status === 'committed' ? 'This import has already been committed.' : 'Only a file too long to preview is imported without a preview.');
    }
    const who = this.who();
    const sheet = options.sheet ?? s.meta?.sheet ?? undefined;
    this.refuseRepeat(s, who, sheet, options.again);
    const streamed: StreamedImport = { mode: options.mode, pass: 'analyse', summary: null, errors: [], refusal: null };
    Object.assign(s, { status: 'committing', error: null, progress: null, commitProgress: null, streamed, abort: new AbortController() });
    void importWholeFile(this.o, this.records, who, this.today(), s.file, {
      mode: options.mode,
      warehouse: options.warehouse,
      sheet,
      again: true, // refused above unless the person chose to
      signal: s.abort.signal,
      maxIssues: STREAMED_ERRORS_SHOWN,
      onProgress: (p) => {
        s.progress = p;
        streamed.pass = p.pass;
      },
      onCommitted: (done, total) => (s.commitProgress = { done, total }),
    })
      .then(({ check, imported, refusal }) => {
        const headers = check.file.analysis.headers;
        streamed.summary = check.summary;
        streamed.errors = check.issues.filter((i) => i.severity === 'error').map((i) => ({ row: i.row, column: i.column === null ? null : (headers[i.column] ?? null), message: i.message }));
        streamed.refusal = refusal;
        if (imported) {
          s.result = imported;
          s.status = 'committed';
          this.o.onChange();
        } else {
          s.status = 'failed';
        }
      })
      .catch((err: unknown) => {
        s.status = s.abort.signal.aborted ? 'cancelled' : 'failed';
        s.error = serializeError(err, logUnexpected);
        // Valid rows only: the batches written before the stop are in, and must sync.
        this.o.onChange();
      });
    return this.view(id);
  }

  cancel(id: string) {
    const s = this.get(id);
    s.abort.abort();
    return this.view(id);
  }

  close(id: string) {
    const s = this.sessions.get(id);
    if (!s) return { ok: true as const };
    s.abort.abort();
    this.sessions.delete(id);
    if (dirname(s.file.path).startsWith(this.staging() + sep)) rmSync(dirname(s.file.path), { recursive: true, force: true });
    return { ok: true as const };
  }

  /** A whole file in one go, streamed (the CLI, and files too large to preview); see file-import.ts. */
  async importFile(path: string, options: WholeFileOptions) {
    const result = await importWholeFile(this.o, this.records, this.who(), this.today(), path, options);
    if (result.imported) this.o.onChange();
    return result;
  }

  history() {
    return this.records.list(this.who().companyId);
  }

  async undo(importId: string) {
    try {
      return await undoImport(this.o, importId, this.who(), (progress) => this.undos.set(importId, progress));
    } finally {
      // Also after a failure: the batches taken back before it stay so, and are queued for the server.
      if (this.undos.has(importId)) this.o.onChange();
      this.undos.delete(importId);
    }
  }

  /** How far a running undo has got, or null when none is running for that import. */
  undoProgress(importId: string): UndoProgress | null {
    return this.undos.get(importId) ?? null;
  }

  /** Warehouses known on this replica, most used first: the default for rows without one. */
  warehouses(): string[] {
    return (
      this.o.db.$client
        .prepare('SELECT warehouse, count(*) AS n FROM locations WHERE company_id = ? AND deleted = 0 GROUP BY warehouse ORDER BY n DESC, warehouse')
        .all(this.who().companyId) as { warehouse: string }[]
    ).map((r) => r.warehouse);
  }
}

/** A file too long to preview can still go in, streamed (importWithoutPreview, or `atlas import`). */
function tooLongToPreview(fileName: string, previewRows: number): AppError {
  return new AppError(
    'import/too-many-rows',
    `“${fileName}” has more than ${previewRows.toLocaleString('en-US')} rows, too many to preview and correct here. ` +
      'Atlas can check every row and import it straight from the file, without a preview; or split the file.',
  );
}

/** Errors kept to show when a streamed import is refused (all are counted). */
const STREAMED_ERRORS_SHOWN = 20;

function logUnexpected(err: unknown, ref: string): void {
  console.error(`import failed unexpectedly (reference ${ref})`, err);
}
