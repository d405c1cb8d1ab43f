import type { CellObject, WorkSheet } from 'xlsx';
import type { Cell, DateSystem } from '../../../../shared/import/types';

/** SheetJS's dense sheet: rows by absolute index (row 1 is [0]), so row numbers match Excel's. */
export type DenseRows = ((CellObject | undefined)[] | undefined)[];

export function denseRows(sheet: WorkSheet | undefined): DenseRows {
  return ((sheet as { '!data'?: DenseRows } | undefined)?.['!data'] ?? []) as DenseRows;
}

// [MS-XLSB] §2.5.97.2 BErr: the codes SheetJS keeps in `v` for error cells.
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

const DAY_MS = 86_400_000;
// Serial 0 is 1899-12-30 in the 1900 system (Excel's fake 29 Feb 1900 shifts it one day) and
// 1904-01-01 in the 1904 system ([MS-OI29500] §2.1.1 / ECMA-376 Part 1 §18.17.4.1).
const EPOCH_MS: Record<DateSystem, number> = { '1900': Date.UTC(1899, 11, 30), '1904': Date.UTC(1904, 0, 1) };

/**
 * One cell as the pipeline wants it. Dates stay Excel serial numbers (the pipeline converts them
 * with the workbook's date system); a formula is its cached result, as Excel last calculated
 * it; an error becomes its text ("#N/A") so validation can point at it instead of seeing blank.
 */
export function cellValue(cell: CellObject | undefined, dateSystem: DateSystem): Cell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' ? cell.v : cell.v === undefined ? null : String(cell.v);
    case 'b':
      return cell.v === true;
    case 'e':
      return typeof cell.v === 'number' ? (ERRORS[cell.v] ?? '#ERROR') : '#ERROR';
    case 'd': {
      // Only some writers store ISO dates (t="d"); cellDates: false does not turn those back.
      const time = cell.v instanceof Date ? cell.v.getTime() : typeof cell.v === 'string' ? Date.parse(cell.v) : Number.NaN;
      return Number.isFinite(time) ? (time - EPOCH_MS[dateSystem]) / DAY_MS : null;
    }
    default:
      return null;
  }
}

export function isEmptySheet(rows: DenseRows): boolean {
  for (const row of rows) {
    if (!row) continue;
    for (const cell of row) {
      const value = cellValue(cell, '1900');
      if (value !== null && value !== '') return false;
    }
  }
  return true;
}
