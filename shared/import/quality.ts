export interface QualityCounts {
  /** Rows below the header that were not blank (valid + invalid). */
  total: number;
  /** Rows that will import (possibly with warnings). */
  valid: number;
  /** Error issues (a row can have several). */
  errors: number;
  /** Warning issues. */
  warnings: number;
  /** Blank rows: reported, but neither good nor bad, so not part of the score. */
  blank: number;
}

/** What one warning per row costs: a quarter of the row, since warned rows still import. */
const WARNING_WEIGHT = 0.25;

/**
 * A 0-100 summary of how cleanly a file imports, for the import screen's headline:
 *
 *   share    = valid / total                      (the part of the file that will import)
 *   warnings = min(1, warnings / total)           (warnings per row, capped at one)
 *   score    = round(100 × share × (1 − 0.25 × warnings))
 *
 * then capped at 99 while any error or warning remains, so 100 always means "nothing to look at".
 * A file with no rows scores 0: there is nothing to import.
 */
export function qualityScore(counts: QualityCounts): number {
  const rows = counts.total;
  if (rows <= 0) return 0;
  const share = Math.min(1, Math.max(0, counts.valid / rows));
  const warningRate = Math.min(1, Math.max(0, counts.warnings / rows));
  const score = Math.round(100 * share * (1 - WARNING_WEIGHT * warningRate));
  return counts.errors > 0 || counts.warnings > 0 ? Math.min(99, score) : score;
}
