import type { ImportIssue, ImportIssueCode, ImportTarget } from './types';

/** The issues of the row being validated; one small object per row, no closures. */
export interface RowContext {
  row: number;
  issues: ImportIssue[];
  invalid: boolean;
}

export type Report = (ctx: RowContext, target: ImportTarget | null, code: ImportIssueCode, severity: 'error' | 'warning', reason: string) => void;
