import { qualityScore, RowValidator } from '../../../shared/import';
import type { Cell, CellReadings, ImportCatalog, ImportIssue, ImportPlan, NormalizedRow } from '../../../shared/import/types';

export interface SheetSummary {
  total: number;
  valid: number;
  invalid: number;
  blank: number;
  errors: number;
  warnings: number;
  /** Valid rows whose product the import will create: a notice, not a flaw of the file. */
  newProducts: number;
  /** 0–100, see shared/import/quality.ts. */
  quality: number;
}

/** Counts rows and issues as validation proceeds, for the summary and the quality score. */
export class SummaryCounter {
  readonly s = { total: 0, valid: 0, invalid: 0, blank: 0, errors: 0, warnings: 0, newProducts: 0 };

  count(blank: boolean, row: NormalizedRow | null, issues: readonly ImportIssue[]): void {
    if (blank) {
      this.s.blank += 1;
      return;
    }
    this.s.total += 1;
    if (row) this.s.valid += 1;
    else this.s.invalid += 1;
    for (const i of issues) {
      if (i.severity === 'error') this.s.errors += 1;
      else if (i.code === 'unknown-product') this.s.newProducts += 1;
      else this.s.warnings += 1;
    }
  }

  summary(): SheetSummary {
    return { ...this.s, quality: qualityScore(this.s) };
  }
}

export interface SheetValidation {
  /** Per row index in the sheet (header and rows above it are null). */
  rows: (NormalizedRow | null)[];
  /** Issues per row index. */
  issues: Map<number, ImportIssue[]>;
  /** What the cells of each unimportable row were read as, per row index. */
  readings: Map<number, CellReadings>;
  summary: SheetSummary;
}

/**
 * Validates every row below the header of a sheet held in memory, with the user's cell edits
 * laid over the file's values (the file itself is never changed).
 */
/** The user's corrections: row index → column → text ('' empties the cell). */
export type CellEdits = ReadonlyMap<number, ReadonlyMap<number, string>>;

export function validateSheet(rows: readonly Cell[][], headerIndex: number, plan: ImportPlan, catalog: ImportCatalog, edits: CellEdits): SheetValidation {
  const validator = new RowValidator(plan, catalog);
  const counter = new SummaryCounter();
  const out: (NormalizedRow | null)[] = new Array(rows.length).fill(null);
  const issues = new Map<number, ImportIssue[]>();
  const readings = new Map<number, CellReadings>();
  for (let i = headerIndex + 1; i < rows.length; i += 1) {
    const cells = withEdits(rows[i] ?? [], edits.get(i));
    const r = validator.validate(i + 1, cells);
    counter.count(r.blank, r.row, r.issues);
    out[i] = r.row;
    if (r.issues.length) issues.set(i, r.issues);
    if (r.readings) readings.set(i, r.readings);
  }
  return { rows: out, issues, readings, summary: counter.summary() };
}

export function withEdits(cells: readonly Cell[], edits: ReadonlyMap<number, string> | undefined): readonly Cell[] {
  if (!edits) return cells;
  const out = [...cells];
  for (const [column, text] of edits) out[column] = text === '' ? null : text;
  return out;
}
