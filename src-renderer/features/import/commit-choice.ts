import { formatCount, plural } from './progress-format';

export type CommitMode = 'valid-only' | 'all-or-nothing';

interface Counts {
  total: number;
  valid: number;
  invalid: number;
}

/**
 * A clean file goes in whole or not at all (nothing half-imported if the replica refuses a row);
 * a file with errors defaults to importing the valid rows, since "all or nothing" would refuse it.
 */
export function defaultCommitMode(summary: Counts): CommitMode {
  return summary.invalid === 0 ? 'all-or-nothing' : 'valid-only';
}

/** How many rows the button promises to import in this mode. */
export function rowsToImport(mode: CommitMode, summary: Counts): number {
  return mode === 'valid-only' ? summary.valid : summary.invalid === 0 ? summary.total : 0;
}

/** Why the commit button cannot be pressed yet, or null when it can. */
export function commitBlocker(mode: CommitMode, summary: Counts, missingTargets: readonly string[], warehouse: string): string | null {
  if (missingTargets.length > 0) return 'Map the required columns first.';
  if (summary.valid === 0) return 'No row is valid yet; fix the errors first.';
  if (mode === 'all-or-nothing' && summary.invalid > 0) return `${plural(summary.invalid, 'row has', 'rows have')} errors: fix them, or import only the valid rows.`;
  if (warehouse.trim() === '') return 'Name the warehouse the stock goes to.';
  return null;
}

/** `Imported 198 rows (1 skipped with quantity 0, 1 refused).` */
export function commitResultSentence(result: { imported: number; skipped: number; failed: readonly unknown[] }): string {
  const extra = [result.skipped > 0 ? `${formatCount(result.skipped)} skipped with quantity 0` : null, result.failed.length > 0 ? `${formatCount(result.failed.length)} refused` : null].filter(Boolean);
  return `Imported ${plural(result.imported, 'row')}${extra.length ? ` (${extra.join(', ')})` : ''}.`;
}

/** `Undone: 198 rows taken back; 2 only in part, because some of their stock had already left.` */
export function undoSentence(result: { reversed: number; partial: readonly unknown[]; resumedAfter?: number }): string {
  const before = result.resumedAfter ? ` The undo that stopped part way had already taken back ${plural(result.resumedAfter, 'row')}.` : '';
  const base = `Undone: ${plural(result.reversed, 'row')} taken back in full`;
  if (result.partial.length === 0) return `${base}.${before}`;
  return `${base}; ${plural(result.partial.length, 'row')} only in part, because some of ${result.partial.length === 1 ? 'its' : 'their'} stock had already left.${before}`;
}
