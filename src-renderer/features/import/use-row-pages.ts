import { useQueries } from '@tanstack/react-query';
import { useTRPC } from '../../app/trpc';
import { ROWS_PAGE, type ImportRow, type RowFilter } from './use-import';

export interface RowPages {
  /** Rows matching the filter, or null until the first page has answered. */
  total: number | null;
  rowAt: (index: number) => ImportRow | undefined;
  loading: boolean;
  error: unknown;
}

/**
 * The preview grid's rows, fetched a page at a time for the part in view (plus the first page,
 * which carries the total): a 500,000-row file never travels to the renderer whole.
 */
export function useRowPages(id: string, only: RowFilter, first: number, last: number): RowPages {
  const trpc = useTRPC();
  const pages = new Set<number>([0]);
  for (let p = Math.floor(Math.max(0, first) / ROWS_PAGE); p <= Math.floor(Math.max(0, last) / ROWS_PAGE); p += 1) pages.add(p);
  const list = [...pages].sort((a, b) => a - b);
  const results = useQueries({
    queries: list.map((p) => ({ ...trpc.imports.rows.queryOptions({ id, offset: p * ROWS_PAGE, limit: ROWS_PAGE, only }), staleTime: 30_000 })),
  });
  const total = results[0]?.data?.total ?? null;
  return {
    total,
    rowAt: (index) => {
      const page = results[list.indexOf(Math.floor(index / ROWS_PAGE))];
      return page?.data?.rows[index % ROWS_PAGE];
    },
    loading: results.some((r) => r.isPending),
    error: results.find((r) => r.isError)?.error ?? null,
  };
}
