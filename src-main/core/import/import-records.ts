import { and, desc, eq, inArray } from 'drizzle-orm';
import type { EarlierImport } from '../../../shared/import/earlier-import';
import type { ColumnMapping } from '../../../shared/import/types';
import { importMappings, imports } from '../../db/schema';
import type { ReplicaDb } from '../replica/open-replica';
import type { CommitMode } from './import-committer';

export interface NewImportRecord {
  id: string;
  companyId: string;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  format: string;
  sheet: string | null;
  headerRow: number;
  mapping: ColumnMapping[];
  mappingPath: string;
  mode: CommitMode;
  rowsTotal: number;
  rowsValid: number;
  rowsInvalid: number;
  createdBy: string;
  createdByName?: string | null;
  createdAt: string;
}

export type ImportRecord = typeof imports.$inferSelect;

/** The record of an import about to be committed, from what the preview or the streamed check knows. */
export function newImportRecord(a: {
  id: string;
  who: { companyId: string; userId: string; name?: string };
  file: { name: string; sha256: string; bytes: number };
  meta: { format: string; sheet: string | null };
  headerIndex: number;
  mapping: ColumnMapping[];
  mappingPath: string;
  mode: CommitMode;
  summary: { total: number; valid: number; invalid: number };
  at: string;
}): NewImportRecord {
  return {
    id: a.id,
    companyId: a.who.companyId,
    fileName: a.file.name,
    fileSha256: a.file.sha256,
    fileBytes: a.file.bytes,
    format: a.meta.format,
    sheet: a.meta.sheet,
    headerRow: a.headerIndex + 1,
    mapping: a.mapping,
    mappingPath: a.mappingPath,
    mode: a.mode,
    rowsTotal: a.summary.total,
    rowsValid: a.summary.valid,
    rowsInvalid: a.summary.invalid,
    createdBy: a.who.userId,
    createdByName: a.who.name ?? null,
    createdAt: a.at,
  };
}

/** Statuses of an import whose stock is (at least partly) still in. */
const STOCK_STILL_IN = ['committed', 'interrupted', 'committing', 'undoing', 'undo-interrupted'];

/** The import history and the mapping memory, both kept in the replica. */
export class ImportRecords {
  constructor(private readonly db: ReplicaDb) {}

  /** An import still 'committing', or an undo still 'undoing', when the app stopped did not finish: say so. */
  markInterrupted(): void {
    this.db.update(imports).set({ status: 'interrupted' }).where(eq(imports.status, 'committing')).run();
    this.db.update(imports).set({ status: 'undo-interrupted' }).where(eq(imports.status, 'undoing')).run();
  }

  begin(record: NewImportRecord): void {
    this.db.insert(imports).values({ ...record, status: 'committing' }).run();
  }

  finish(id: string, at: string, outcome: { imported: number; skipped: number }): void {
    this.db.update(imports).set({ status: 'committed', finishedAt: at, rowsImported: outcome.imported, rowsSkipped: outcome.skipped }).where(eq(imports.id, id)).run();
  }

  /** A valid-only import stopped part way (cancelled, or the file failed mid-read): what went in stays. */
  interrupted(id: string, at: string, outcome: { imported: number; skipped: number }): void {
    this.db.update(imports).set({ status: 'interrupted', finishedAt: at, rowsImported: outcome.imported, rowsSkipped: outcome.skipped }).where(eq(imports.id, id)).run();
  }

  /** "All or nothing" that was refused leaves a record of the attempt, with nothing imported. */
  fail(id: string, at: string): void {
    this.db.update(imports).set({ status: 'failed', finishedAt: at, rowsImported: 0 }).where(eq(imports.id, id)).run();
  }

  /**
   * The imports of the same file (same SHA-256) whose stock is still in, newest first: importing
   * the same sheet again would receive every row a second time, which a person must mean to do.
   */
  earlier(companyId: string, fileSha256: string): EarlierImport[] {
    return this.db
      .select({ format: imports.format, sheet: imports.sheet, fileName: imports.fileName, createdAt: imports.createdAt, createdByName: imports.createdByName, rowsImported: imports.rowsImported })
      .from(imports)
      .where(and(eq(imports.companyId, companyId), eq(imports.fileSha256, fileSha256), inArray(imports.status, STOCK_STILL_IN)))
      .orderBy(desc(imports.createdAt))
      .all();
  }

  list(companyId: string, limit = 100): ImportRecord[] {
    return this.db.select().from(imports).where(eq(imports.companyId, companyId)).orderBy(desc(imports.createdAt)).limit(limit).all();
  }

  rememberedMapping(companyId: string, headerKey: string): ColumnMapping[] | null {
    const row = this.db
      .select({ mapping: importMappings.mapping })
      .from(importMappings)
      .where(and(eq(importMappings.companyId, companyId), eq(importMappings.headerKey, headerKey)))
      .get();
    return (row?.mapping as ColumnMapping[] | undefined) ?? null;
  }

  rememberMapping(companyId: string, headerKey: string, mapping: ColumnMapping[], at: string): void {
    this.db
      .insert(importMappings)
      .values({ companyId, headerKey, mapping, updatedAt: at })
      .onConflictDoUpdate({ target: [importMappings.companyId, importMappings.headerKey], set: { mapping, updatedAt: at } })
      .run();
  }
}

/** Why a file already imported is not imported again unless the person says so. */
export function alreadyImported(earlier: EarlierImport, again: string): string {
  const by = earlier.createdByName ? ` by ${earlier.createdByName}` : '';
  return `This file was already imported on ${earlier.createdAt.slice(0, 10)} at ${earlier.createdAt.slice(11, 16)} UTC${by} (${earlier.rowsImported.toLocaleString('en-US')} rows, as “${earlier.fileName}”): importing it again would receive its stock a second time. ${again}`;
}
