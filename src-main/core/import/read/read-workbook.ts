import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as XLSX from 'xlsx';
import { AppError } from '../../../../shared/errors';
import type { Cell, DateSystem } from '../../../../shared/import/types';
import { refuseEncryptedCfb } from './inspect-cfb';
import { inspectXlsxZip } from './inspect-zip';
import type { ReadLimits } from './read-limits';
import type { RowNormalizer } from './row-normalizer';
import type { RowSink, SinkPort } from './row-sink';
import { cellValue, denseRows, isEmptySheet } from './sheet-cells';

/**
 * What SheetJS should and should not compute. `dense` stores rows as arrays instead of one
 * object keyed "A1", "B1"… (several times less memory and faster); `cellText: false` skips
 * formatting every value into `w` with its number format (the costliest step, and we want raw
 * values); `cellDates: false` keeps dates as serials; formulas, styles, number formats, HTML and
 * stubs for empty cells are not needed. `sheetRows` stops reading one row past the limit.
 */
function parseOptions(limits: ReadLimits, extra: XLSX.ParsingOptions): XLSX.ParsingOptions {
  return {
    type: 'buffer',
    dense: true,
    cellDates: false,
    cellText: false,
    cellNF: false,
    cellHTML: false,
    cellFormula: false,
    cellStyles: false,
    sheetStubs: false,
    bookVBA: false,
    WTF: false,
    sheetRows: limits.maxRows + 1,
    ...extra,
  };
}

export interface WorkbookReadContext {
  path: string;
  size: number;
  container: 'zip' | 'cfb';
  sheet: string | undefined;
  limits: ReadLimits;
  port: SinkPort;
  sink: RowSink;
  rows: RowNormalizer;
}

/** Loads the whole file and refuses bombs and encrypted files before SheetJS touches it. */
export async function loadWorkbookBytes(path: string, container: 'zip' | 'cfb', limits: ReadLimits): Promise<Buffer> {
  const data = await readFile(path);
  if (container === 'zip') await inspectXlsxZip(data, limits, basename(path));
  else refuseEncryptedCfb(data, basename(path));
  return data;
}

export async function listWorkbookSheets(path: string, container: 'zip' | 'cfb', limits: ReadLimits): Promise<string[]> {
  const data = await loadWorkbookBytes(path, container, limits);
  return XLSX.read(data, parseOptions(limits, { bookSheets: true })).SheetNames;
}

/**
 * Reads one sheet of an XLSX/XLS. SheetJS cannot stream, so the sheet is parsed whole (phase
 * 'parsing'), then handed over in batches like a CSV, each row released as it goes. Without a
 * `sheet`, the first sheet with data is read: templates often start with an instructions sheet.
 */
export async function readWorkbook(context: WorkbookReadContext): Promise<void> {
  const { path, size, container, limits, port, sink, rows } = context;
  const fileName = basename(path);
  const data = await loadWorkbookBytes(path, container, limits);
  sink.progress(size, 'parsing', null, true);
  let book = XLSX.read(data, parseOptions(limits, { sheets: context.sheet ?? 0 }));
  const names = book.SheetNames;
  if (context.sheet !== undefined && !names.includes(context.sheet)) {
    throw new AppError('import/unknown-sheet', `“${fileName}” has no sheet named “${context.sheet}”; its sheets are ${names.map((n) => `“${n}”`).join(', ')}.`);
  }
  let sheet = context.sheet ?? names[0] ?? '';
  if (context.sheet === undefined && isEmptySheet(denseRows(book.Sheets[sheet])) && names.length > 1) {
    book = XLSX.read(data, parseOptions(limits, { sheets: names.slice(1) }));
    sheet = names.slice(1).find((name) => !isEmptySheet(denseRows(book.Sheets[name]))) ?? sheet;
  }
  const source = denseRows(book.Sheets[sheet]);
  if (isEmptySheet(source)) {
    throw new AppError(
      'import/unreadable-file',
      context.sheet === undefined ? `The file is empty: no sheet of “${fileName}” has any data.` : `Sheet “${sheet}” of “${fileName}” is empty; choose another sheet.`,
    );
  }
  const dateSystem: DateSystem = book.Workbook?.WBProps?.date1904 ? '1904' : '1900';
  port.post({
    type: 'meta',
    meta: { fileName, bytes: size, format: container === 'zip' ? 'xlsx' : 'xls', encoding: null, delimiter: null, sheets: names, sheet, dateSystem },
  });
  for (let r = 0; r < source.length; r++) {
    const row = source[r];
    const cells: Cell[] = [];
    if (row) for (let c = 0; c < row.length; c++) cells.push(cellValue(row[c], dateSystem));
    source[r] = undefined; // let the parsed sheet shrink as rows leave
    await rows.push(cells);
    sink.progress(size, 'reading', (r + 1) / source.length);
  }
}
