import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { RouterOutputs } from '../../app/router-types';
import { useTRPC } from '../../app/trpc';
import { useAfterChange } from '../movements/use-after-change';
import { pollInterval } from './poll-interval';

export type ImportView = RouterOutputs['imports']['view'];
export type ImportRowsPage = RouterOutputs['imports']['rows'];
export type ImportRow = ImportRowsPage['rows'][number];
export type RowFilter = 'all' | 'errors' | 'warnings';

/** The open import's view; nothing is fetched while no import is open (`id` null). */
export function useImportView(id: string | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const view = useQuery({
    ...trpc.imports.view.queryOptions(id === null ? skipToken : { id }),
    staleTime: 0,
    // An unknown import (closed, or the app restarted) will not appear by retrying.
    retry: false,
    refetchInterval: (query) => pollInterval(query.state.data),
  });
  // A read (another sheet, or the first) replaces the rows: preview pages fetched while it ran
  // hold none of them, and would be shown as fresh for a while.
  const status = view.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === 'reading' && status === 'ready') void queryClient.invalidateQueries(trpc.imports.rows.pathFilter());
    previous.current = status;
  }, [status, queryClient, trpc]);
  return view;
}

/**
 * Every change to an import (mapping, header row, date order, a cell) answers with the new view:
 * it replaces the cached one, and the preview rows are fetched again.
 */
export function useImportChanges(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const applyView = useCallback(
    async (view: ImportView) => {
      queryClient.setQueryData(trpc.imports.view.queryKey({ id }), view);
      await queryClient.invalidateQueries(trpc.imports.rows.pathFilter());
    },
    [queryClient, trpc, id],
  );
  const onSuccess = (view: ImportView) => applyView(view);
  return {
    applyView,
    setMapping: useMutation(trpc.imports.setMapping.mutationOptions({ onSuccess })),
    setHeaderRow: useMutation(trpc.imports.setHeaderRow.mutationOptions({ onSuccess })),
    setDateOrder: useMutation(trpc.imports.setDateOrder.mutationOptions({ onSuccess })),
    editCell: useMutation(trpc.imports.editCell.mutationOptions({ onSuccess })),
    setSheet: useMutation(
      trpc.imports.setSheet.mutationOptions({
        onSuccess: async () => {
          await queryClient.invalidateQueries(trpc.imports.view.queryFilter({ id }));
          await queryClient.invalidateQueries(trpc.imports.rows.pathFilter());
        },
      }),
    ),
    cancel: useMutation(trpc.imports.cancel.mutationOptions({ onSuccess })),
    commit: useMutation(trpc.imports.commit.mutationOptions({ onSuccess })),
    importWithoutPreview: useMutation(trpc.imports.importWithoutPreview.mutationOptions({ onSuccess })),
  };
}

/** Rows per `imports.rows` request; the mapping table's samples share the grid's first page. */
export const ROWS_PAGE = 200;

/**
 * Once a commit ends — imported, refused, failed or cancelled part way — the import history
 * shows its record, and the stock screen, status bar and sync indicator follow the new stock.
 */
export function useAfterCommit(status: ImportView['status']) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const afterChange = useAfterChange();
  const previous = useRef(status);
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    const ended = status !== 'committing' && (status === 'committed' || was === 'committing');
    if (!ended) return;
    void queryClient.invalidateQueries(trpc.imports.history.queryFilter());
    void afterChange();
  }, [status, queryClient, trpc, afterChange]);
}
