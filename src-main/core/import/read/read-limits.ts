/**
 * What an untrusted spreadsheet may cost us. Every limit is checked before the work it guards
 * (file size before reading, declared zip sizes before unzipping, field counts before a row array
 * is built), so a hostile file is refused quickly instead of exhausting the desktop's memory.
 */
export interface ReadLimits {
  /** Size of the file on disk. */
  maxBytes: number;
  /** Data rows after trailing empty rows are dropped. */
  maxRows: number;
  maxColumns: number;
  /** Characters in one cell; longer cells are refused with their row and column named. */
  maxCellLength: number;
  /** Reader time, not counting the time the caller spends in `onRows`. */
  timeoutMs: number;
  /** Sum of a workbook's unzipped parts (XLSX is a zip of XML). */
  maxUncompressedBytes: number;
}

const MiB = 1024 * 1024;

/**
 * One size limit for every format: 200 MiB is far beyond a real inventory export (1M rows of
 * OpenBoxes-style CSV is ~80 MiB) and CSV streams in constant memory. Workbooks are not streamed
 * (SheetJS parses the whole sheet), so they are held back by what they expand to instead:
 * 500 MiB of sheet XML is about 5M cells, which SheetJS parses within the worker's heap cap.
 * 2M rows is above Excel's own 1,048,576 and leaves room for CSV exports from databases;
 * 500 columns is ten times the widest ERP export we have seen. 10,000 characters per cell
 * holds any product description; a longer cell is almost always a quote that was never closed.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 200 * MiB,
  maxRows: 2_000_000,
  maxColumns: 500,
  maxCellLength: 10_000,
  timeoutMs: 120_000,
  maxUncompressedBytes: 500 * MiB,
};

/** `{ maxRows: undefined }` keeps the default (a plain spread would not). */
export function withDefaultLimits(limits: Partial<ReadLimits> | undefined): ReadLimits {
  const merged = { ...DEFAULT_READ_LIMITS };
  for (const key of Object.keys(merged) as (keyof ReadLimits)[]) {
    const value = limits?.[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}
