/** An earlier import of the same file (same SHA-256) whose stock is still in. */
export interface EarlierImport {
  format: string;
  /** The workbook sheet imported; for CSV/TSV the reader names its one sheet after the file. */
  sheet: string | null;
  fileName: string;
  createdAt: string;
  createdByName: string | null;
  rowsImported: number;
}

/**
 * The earlier import of this sheet of the file, if any: importing it again would receive its
 * stock a second time. A workbook's other sheets are other data; a CSV has one sheet, whatever
 * the file was called then.
 */
export function earlierOfSheet(earlier: readonly EarlierImport[], sheet: string | null | undefined): EarlierImport | null {
  return earlier.find((e) => e.format === 'csv' || e.format === 'tsv' || e.sheet === (sheet ?? null)) ?? null;
}
