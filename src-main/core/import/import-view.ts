import type { ImportSession } from './import-session';

export type RowFilter = 'all' | 'errors' | 'warnings';

/** What the import screen shows of a session; polled while it reads or commits. */
export function importView(s: ImportSession) {
  const a = s.analysis;
  const ambiguous = s.plan?.ambiguousDateColumns ?? [];
  return {
    id: s.id,
    status: s.status,
    error: s.error,
    progress: s.progress,
    commitProgress: s.commitProgress,
    file: { name: s.file.name, bytes: s.file.bytes, sha256: s.file.sha256, ...(s.meta ?? {}) },
    headerRow: a ? a.headerIndex + 1 : null,
    headerReason: a?.headerReason ?? null,
    headers: a?.headers ?? [],
    mapping: s.mapping,
    mappingPath: s.mappingPath,
    missingTargets: s.status === 'ready' ? s.missingTargets() : [],
    dateOrders: s.plan?.dateOrders ?? {},
    ambiguousDates: ambiguous.map((column) => ({ column, header: a?.headers[column] ?? '', samples: a?.profiles[column]?.samples.slice(0, 8) ?? [] })),
    summary: s.validation?.summary ?? null,
    issueCounts: countIssues(s),
    result: s.result,
    tooLongToPreview: s.tooLongToPreview,
    streamed: s.streamed,
  };
}

/** A page of the preview grid: the cells as the user sees them (with corrections) and their issues. */
export function importRows(s: ImportSession, offset: number, limit: number, only: RowFilter) {
  const header = s.analysis?.headerIndex ?? 0;
  const indexes: number[] = [];
  for (let i = header + 1; i < s.rows.length; i += 1) {
    // "Warnings" lists what the summary counts as warnings: a new product is a notice, not one.
    if (only === 'all' || s.issuesOf(i).some((x) => (only === 'errors' ? x.severity === 'error' : x.severity === 'warning' && x.code !== 'unknown-product'))) indexes.push(i);
  }
  return {
    total: indexes.length,
    rows: indexes.slice(offset, offset + limit).map((i) => {
      const edits = s.edits.get(i);
      const cells = (s.rows[i] ?? []).map((c) => (c === null ? '' : String(c)));
      for (const [column, text] of edits ?? []) cells[column] = text;
      return { row: i + 1, cells: Array.from(cells, (c) => c ?? ''), edited: [...(edits?.keys() ?? [])], issues: s.issuesOf(i), readings: s.validation?.rows[i] ?? s.validation?.readings.get(i) ?? null };
    }),
  };
}

function countIssues(s: ImportSession): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const list of s.validation?.issues.values() ?? []) for (const i of list) counts[i.code] = (counts[i.code] ?? 0) + 1;
  return counts;
}
