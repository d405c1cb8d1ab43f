import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toAppError } from '../../app/app-error';
import { screenHref } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { Cell, HeaderCell, Row, Table } from '../../components/table';
import { Confirmation } from '../movements/form-bits';
import { useAfterChange } from '../movements/use-after-change';
import { undoSentence } from './commit-choice';
import { BUSY_POLL_MS } from './poll-interval';
import { ProgressBar } from './progress-bar';
import { formatCount, plural } from './progress-format';

export interface UndoTarget {
  importId: string;
  fileName: string;
  rows: number;
}

/**
 * "Undo this import?": the core takes the stock back with compensating adjustments (the ledger
 * is never rewritten). Stock that has already left cannot be taken back; those rows are listed.
 */
export function UndoDialog({ target, onClose }: { target: UndoTarget | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const afterChange = useAfterChange();
  const undo = useMutation(
    trpc.imports.undo.mutationOptions({
      onSuccess: async () => {
        await Promise.all([queryClient.invalidateQueries(trpc.imports.history.queryFilter()), afterChange()]);
      },
    }),
  );
  // A large import takes a while to undo (one transaction per batch of 10,000 rows): show how far.
  const progress = useQuery({
    ...trpc.imports.undoProgress.queryOptions({ importId: target?.importId ?? '' }),
    enabled: undo.isPending && target !== null,
    refetchInterval: BUSY_POLL_MS,
  });
  function close() {
    if (undo.isPending) return;
    undo.reset();
    onClose();
  }
  const result = undo.data;
  return (
    <Dialog open={target !== null} title={result ? 'Import undone' : 'Undo this import?'} onClose={close}>
      {target ? (
        result ? (
          <div className="flex flex-col gap-3 text-[13px]">
            <Confirmation>{undoSentence(result)}</Confirmation>
            {result.partial.length > 0 ? (
              <>
                <p>
                  Some of the stock these rows brought in had already been picked or moved, so only what was still on the shelf was taken back. Check the stock of these lots.
                </p>
                <div className="max-h-64 overflow-auto rounded-md border border-line">
                  <Table>
                    <thead>
                      <tr>
                        <HeaderCell align="right">Row</HeaderCell>
                        <HeaderCell align="right">Received</HeaderCell>
                        <HeaderCell align="right">Taken back</HeaderCell>
                      </tr>
                    </thead>
                    <tbody>
                      {result.partial.map((p) => (
                        <Row key={p.row}>
                          <Cell align="right">{p.row}</Cell>
                          <Cell align="right">{formatCount(p.received)}</Cell>
                          <Cell align="right">{formatCount(p.reversed)}</Cell>
                        </Row>
                      ))}
                    </tbody>
                  </Table>
                </div>
              </>
            ) : null}
            <div className="flex items-center gap-3">
              <Button variant="primary" onClick={close}>
                Close
              </Button>
              <a className="text-[13px] font-medium text-accent underline-offset-4 hover:underline" href={screenHref('stock')} onClick={close}>
                See the stock
              </a>
            </div>
          </div>
        ) : (
          <div className="flex flex-col gap-3 text-[13px]">
            <p>
              The {plural(target.rows, 'row')} imported from <span className="font-medium">“{target.fileName}”</span> will be taken back out of stock with a correcting adjustment
              (reason “data correction”) for each. The import itself stays in the history, marked as undone.
            </p>
            <p className="text-muted">Stock from this import that has already been picked or moved cannot be taken back; you will see which rows.</p>
            {undo.isPending ? <UndoProgressBar progress={progress.data ?? null} /> : null}
            {undo.isError ? (
              <Alert title="Not undone">
                {`${toAppError(undo.error).message} Rows taken back before the problem stay taken back; undo again to finish.`}
              </Alert>
            ) : null}
            <div className="flex items-center gap-2">
              <Button variant="primary" busy={undo.isPending} onClick={() => undo.mutate({ importId: target.importId })}>
                Undo import
              </Button>
              <Button variant="ghost" onClick={close} disabled={undo.isPending}>
                Keep it
              </Button>
            </div>
          </div>
        )
      ) : null}
    </Dialog>
  );
}

function UndoProgressBar({ progress }: { progress: { done: number; total: number } | null }) {
  const text = progress ? `${formatCount(progress.done)} of ${plural(progress.total, 'row')} taken back` : 'Starting…';
  return (
    <div className="flex flex-col gap-1">
      <ProgressBar label="Undoing the import" value={progress && progress.total > 0 ? progress.done / progress.total : null} valueText={text} />
      <p className="text-[12.5px] text-muted tabular-nums">{text}</p>
    </div>
  );
}
