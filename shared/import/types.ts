import { z } from 'zod';

/**
 * The contract of the spreadsheet import pipeline (issue 4), shared by the file reader (a worker
 * thread on the desktop and in the CLI), the pure mapping/validation code in this folder, the
 * server's AI mapping service and the renderer.
 *
 * Flow: read rows (strings from CSV; strings/numbers/booleans from XLSX, dates as Excel serials)
 * → detect the header row → profile every column (streaming) → map columns to targets
 * (memory → header synonyms → content → AI → user) → plan (date order per column, outlier
 * threshold) → validate row by row into normalised rows + cell issues → commit.
 */

/** One cell as the reader delivers it. XLSX date cells arrive as Excel serial numbers. */
export type Cell = string | number | boolean | null;

/** What a column can be mapped to. `null` in a mapping means "ignore this column". */
export const IMPORT_TARGETS = [
  'ndc',
  'gtin',
  'productCode',
  'productName',
  'manufacturer',
  'strength',
  'dosageForm',
  'lot',
  'expiry',
  'manufacturedOn',
  'quantity',
  'unit',
  'location',
  'unitCost',
  'price',
  'notes',
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];
export const importTargetSchema = z.enum(IMPORT_TARGETS);

export const MAPPING_SOURCES = ['memory', 'header', 'content', 'ai', 'user', 'none'] as const;
export type MappingSource = (typeof MAPPING_SOURCES)[number];

/** One column's mapping, with why it was chosen; `column` is 0-based. */
export const columnMappingSchema = z.object({
  column: z.number().int().nonnegative(),
  header: z.string(),
  target: importTargetSchema.nullable(),
  /** 0..1: 1 = certain (user, memory, exact synonym); below 0.6 counts as low confidence. */
  confidence: z.number().min(0).max(1),
  reason: z.string(),
  source: z.enum(MAPPING_SOURCES),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;
export const LOW_CONFIDENCE = 0.6;

/** Day/month order of a date column; 'YMD' covers ISO. */
export const DATE_ORDERS = ['MDY', 'DMY', 'YMD'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];
export const dateOrderSchema = z.enum(DATE_ORDERS);

/** Excel's two epochs: 1900 (Windows, with the fake 29 Feb 1900) and 1904 (old Mac). */
export type DateSystem = '1900' | '1904';

/** Streaming statistics of one column (ColumnProfiler), enough to map and to plan. */
export interface ColumnProfile {
  column: number;
  nonEmpty: number;
  /** First distinct non-empty values, as text, at most 20, each cut to 100 characters. */
  samples: string[];
  /** How many non-empty values look like each kind. */
  kinds: {
    ndc: number;
    gtin: number;
    date: number;
    excelSerial: number;
    integer: number;
    decimal: number;
    lotLike: number;
    text: number;
  };
  /**
   * Date evidence: values only readable as MDY (first part > 12 impossible) etc. `dotted` counts
   * a.b.y values (DD.MM.YYYY is a European convention, so dots imply DMY) and `textMonth` dates
   * whose month is a word ("30 Jun 2025"), which need no order. Both optional (added later).
   */
  dateEvidence: { mdyOnly: number; dmyOnly: number; either: number; ymd: number; monthYear: number; dotted?: number; textMonth?: number };
  /** Numeric quantity statistics (for outliers): count, and a bounded reservoir of values. */
  numbers: { count: number; min: number; max: number; reservoir: number[] };
  maxLength: number;
}

/** The decisions validation needs beyond the mapping. */
export interface ImportPlan {
  mapping: ColumnMapping[];
  dateSystem: DateSystem;
  /** Per date-mapped column: the decided order, or null when the user must choose. */
  dateOrders: Record<number, DateOrder | null>;
  /** Date columns whose order could not be decided from their values (ask the user). */
  ambiguousDateColumns: number[];
  /** Quantities above this are flagged as outliers (warning); null = no threshold. */
  quantityOutlierAbove: number | null;
  /** Today (YYYY-MM-DD) for "expired" checks; injected, never read from a clock here. */
  today: string;
}

export const IMPORT_ISSUE_CODES = [
  'missing-value',
  'bad-ndc',
  'ndc-repaired',
  'bad-gtin',
  'unknown-product',
  'bad-date',
  'ambiguous-date',
  'expired',
  'expiry-before-manufacture',
  'bad-quantity',
  'zero-quantity',
  'quantity-outlier',
  'bad-number',
  'bad-lot',
  'bad-text',
  'duplicate-row',
] as const;
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

/** One problem with one cell (or the whole row when `column` is null). */
export const importIssueSchema = z.object({
  /** 1-based row number as the user sees it in their spreadsheet program. */
  row: z.number().int().positive(),
  column: z.number().int().nonnegative().nullable(),
  target: importTargetSchema.nullable(),
  code: z.enum(IMPORT_ISSUE_CODES),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

/** A valid row, normalised; what a commit turns into a receive movement. */
export interface NormalizedRow {
  row: number;
  ndc11: string | null;
  gtin: string | null;
  productCode: string | null;
  productName: string | null;
  manufacturer: string | null;
  strength: string | null;
  dosageForm: string | null;
  /** The catalog product this row resolved to, when it did. */
  productId: string | null;
  lotNumber: string;
  expiry: string;
  manufacturedOn: string | null;
  quantity: number;
  unit: string | null;
  location: string | null;
  unitCost: number | null;
  price: number | null;
  notes: string | null;
}

/**
 * What the cells of a row were read as, kept for a row an error makes unimportable too, so the
 * preview can show "44742 → 2022-06-30" beside every cell the person has to check.
 */
export interface CellReadings {
  ndc11: string | null;
  expiry: string | null;
  manufacturedOn: string | null;
  quantity: number | null;
}

/** A product in the catalog the import resolves against (the replica's products). */
export interface CatalogProduct {
  id: string;
  ndc11: string | null;
  gtin: string | null;
  name: string;
}

/** Catalog lookups for NDC repair and product resolution (built once per import). */
export interface ImportCatalog {
  byNdc11(ndc11: string): CatalogProduct | null;
  byGtin(gtin: string): CatalogProduct | null;
  /** Case- and space-insensitive exact name match. */
  byName(name: string): CatalogProduct[];
  /** All NDC11s, for repairing 10-digit NDCs whose hyphens were lost. */
  ndc11s(): Iterable<string>;
}
