import { TARGET_LABELS } from '../../../shared/import/target-labels';
import type { ImportIssueCode, ImportTarget, MappingSource } from '../../../shared/import/types';
import type { BadgeTone } from '../../components/badge';

/** `lot number` → `Lot number`: the shared labels begin lower-case to sit inside sentences. */
export function targetLabel(target: ImportTarget): string {
  const label = TARGET_LABELS[target];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Where a column's mapping came from, as a badge. */
export const SOURCE_BADGES: Record<MappingSource, { label: string; tone: BadgeTone; title: string }> = {
  memory: { label: 'Memory', tone: 'accent', title: 'Reused from an earlier import with the same headers' },
  header: { label: 'Header', tone: 'neutral', title: 'Recognised from the column header' },
  content: { label: 'Content', tone: 'neutral', title: 'Guessed from the values in the column' },
  ai: { label: 'Claude', tone: 'notice', title: 'Suggested by Claude from the header and a few sample values' },
  user: { label: 'You', tone: 'ok', title: 'Chosen by you' },
  none: { label: 'None', tone: 'neutral', title: 'Nothing recognised; the column is ignored unless you map it' },
};

/** The summary's issue counts, in words. */
export const ISSUE_LABELS: Record<ImportIssueCode, string> = {
  'missing-value': 'Missing value',
  'bad-ndc': 'Unreadable NDC',
  'ndc-repaired': 'NDC repaired (lost leading zero or hyphens)',
  'bad-gtin': 'Unreadable GTIN',
  'unknown-product': 'Product not in the catalogue',
  'bad-date': 'Unreadable or impossible date',
  'ambiguous-date': 'Date could be day- or month-first',
  expired: 'Already expired',
  'expiry-before-manufacture': 'Expiry before manufacture',
  'bad-quantity': 'Unreadable quantity',
  'zero-quantity': 'Quantity 0 (skipped)',
  'quantity-outlier': 'Unusually large quantity',
  'bad-number': 'Unreadable number',
  'bad-lot': 'Unusable lot number',
  'bad-text': 'Unusable text',
  'duplicate-row': 'Duplicate row',
};

export function issueLabel(code: string): string {
  return (ISSUE_LABELS as Record<string, string>)[code] ?? code;
}

/** 0 → A, 25 → Z, 26 → AA: the column names a spreadsheet program shows. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const DELIMITERS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar', ' ': 'space' };

/** `;` → `semicolon` */
export function delimiterName(delimiter: string | null | undefined): string | null {
  if (!delimiter) return null;
  return DELIMITERS[delimiter] ?? `“${delimiter}”`;
}

const FORMATS: Record<string, string> = { csv: 'CSV', tsv: 'Tab-separated text', xlsx: 'Excel workbook (.xlsx)', xls: 'Excel 97–2003 workbook (.xls)' };

export function formatName(format: string | null | undefined): string {
  return (format && FORMATS[format]) ?? 'Spreadsheet';
}

/** The first few distinct, non-empty values of each column, for the mapping table. */
export function samplesByColumn(rows: readonly { cells: readonly string[] }[], columns: number, perColumn = 3): string[][] {
  const out: string[][] = Array.from({ length: columns }, () => []);
  for (const row of rows) {
    for (let c = 0; c < columns; c += 1) {
      const value = row.cells[c]?.trim() ?? '';
      const list = out[c];
      if (list && value !== '' && list.length < perColumn && !list.includes(value)) list.push(value);
    }
    if (out.every((list) => list.length >= perColumn)) break;
  }
  return out;
}

/** A heading for a file Atlas could not read; the core's message says what to do. */
export function readFailureTitle(code: string): string {
  switch (code) {
    case 'import/encrypted-file':
      return 'This file is password-protected';
    case 'import/file-too-large':
      return 'This file is too large';
    case 'import/too-many-rows':
      return 'This file has too many rows';
    case 'import/too-many-columns':
      return 'This file has too many columns';
    case 'import/cell-too-long':
      return 'A cell in this file is too long';
    case 'import/parse-timeout':
      return 'Reading this file took too long';
    case 'import/unknown-sheet':
      return 'That sheet is not in the workbook';
    case 'import/cancelled':
      return 'Reading was cancelled';
    case 'import/unreadable-file':
      return 'Atlas cannot read this file';
    default:
      return 'The file could not be read';
  }
}

/**
 * An issue message without its "Row 58, column "Verfall": " prefix, for places that already show
 * the row (the grid): `Verfall: "31.02.2027" is not a real date…`.
 */
export function issueText(message: string): string {
  const cell = /^Row \d+, column "([^"]*)": /.exec(message);
  if (cell) return `${cell[1] ? `${cell[1]}: ` : ''}${message.slice(cell[0].length)}`;
  const row = /^Row \d+: /.exec(message);
  if (!row) return message;
  const rest = message.slice(row[0].length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
