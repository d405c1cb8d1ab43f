import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../../app/trpc';
import { CommitPanel } from './commit-panel';
import { CommitResult } from './commit-result';
import { FileFacts } from './file-facts';
import { MappingNotes } from './mapping-notes';
import { MappingTable } from './mapping-table';
import { PreviewGrid } from './preview-grid';
import { SummaryCard } from './summary-card';
import { useAfterCommit, useImportChanges, type ImportView } from './use-import';

/**
 * A file that has been read: its facts and quality, how its columns map, its rows (to fix in
 * place), and the commit. Once committed only the outcome and the facts remain: the core no
 * longer accepts changes to it.
 */
export function ImportWorkspace({ view }: { view: ImportView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const changes = useImportChanges(view.id);

  // Claude's answer, or a finished commit, changes the view without a request from this screen:
  // the preview rows and the history follow.
  const signature = JSON.stringify([view.mapping.map((m) => m.target), view.summary, view.dateOrders, view.status]);
  const seen = useRef(signature);
  useEffect(() => {
    if (seen.current === signature) return;
    seen.current = signature;
    void queryClient.invalidateQueries(trpc.imports.rows.pathFilter());
  }, [signature, queryClient, trpc]);
  useAfterCommit(view.status);

  if (view.status === 'committed' && view.result) {
    return (
      <div className="grid grid-cols-[minmax(0,1fr)_20rem] items-start gap-3">
        <div className="flex min-w-0 flex-col gap-3">
          <CommitResult view={view} result={view.result} />
          <FileFacts view={view} changes={changes} locked />
        </div>
        {view.summary ? <SummaryCard view={view} /> : null}
      </div>
    );
  }

  const locked = view.status !== 'ready';
  return (
    <div className="flex flex-col gap-3">
      <div className="grid grid-cols-[minmax(0,1fr)_20rem] items-start gap-3">
        <FileFacts view={view} changes={changes} locked={locked} />
        {view.summary ? <SummaryCard view={view} /> : null}
      </div>
      <MappingNotes view={view} changes={changes} locked={locked} />
      <MappingTable view={view} changes={changes} locked={locked} />
      <PreviewGrid view={view} changes={changes} locked={locked} />
      <CommitPanel view={view} changes={changes} />
    </div>
  );
}
