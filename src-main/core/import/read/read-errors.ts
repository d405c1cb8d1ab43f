import { AppError } from '../../../../shared/errors';

/**
 * The sentences a person sees when a file is refused. They name the file, the row and the column
 * the way a spreadsheet program shows them (row 12, column C), and say what to do next.
 */

/** 0 → A, 25 → Z, 26 → AA: Excel's column names, so a message points at what the person sees. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

const count = (n: number) => n.toLocaleString('en-US');

export function emptyFile(fileName: string): AppError {
  return new AppError('import/unreadable-file', `The file is empty: “${fileName}” has no rows to import.`);
}

export function damaged(fileName: string, why: string): AppError {
  return new AppError('import/unreadable-file', `The file is damaged or incomplete (${why}): Atlas cannot read “${fileName}”. Save it again from the program that made it.`);
}

export function tooManyRows(fileName: string, maxRows: number): AppError {
  return new AppError('import/too-many-rows', `“${fileName}” has more than ${count(maxRows)} rows, the most Atlas imports at once. Split it into smaller files.`);
}

/** `columns` is null when the reader stopped counting at the limit (a CSV row is refused mid-way). */
export function tooManyColumns(fileName: string, row: number, columns: number | null, maxColumns: number): AppError {
  const has = columns === null ? `more than ${count(maxColumns)}` : count(columns);
  return new AppError(
    'import/too-many-columns',
    `Row ${count(row)} of “${fileName}” has ${has} columns; Atlas reads at most ${count(maxColumns)}. Delete the unused columns and try again.`,
  );
}

/** `length` is null when the reader stopped counting at the limit. */
export function cellTooLong(fileName: string, row: number, column: number, length: number | null, maxCellLength: number, hint = ''): AppError {
  const holds = length === null ? `more than ${count(maxCellLength)}` : count(length);
  return new AppError(
    'import/cell-too-long',
    `Row ${count(row)}, column ${columnName(column)} of “${fileName}” holds ${holds} characters; a cell may hold at most ${count(maxCellLength)}.${hint}`,
  );
}

export function tooLarge(fileName: string, bytes: number, maxBytes: number): AppError {
  return new AppError('import/file-too-large', `“${fileName}” is ${formatBytes(bytes)}; Atlas imports files up to ${formatBytes(maxBytes)}. Split it into smaller files.`);
}

export function passwordProtected(fileName: string): AppError {
  return new AppError('import/encrypted-file', `This workbook is password-protected; remove the password in Excel and try again (“${fileName}”).`);
}
