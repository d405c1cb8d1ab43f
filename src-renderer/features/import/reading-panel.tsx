import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Spinner } from '../../components/spinner';
import { FilePickerButton } from './file-picker-button';
import { readFailureTitle } from './mapping-labels';
import { ProgressBar } from './progress-bar';
import { formatBytes, formatCount, formatRate, formatTimeLeft, readFraction } from './progress-format';
import type { ImportView } from './use-import';

/** While the core reads the file: how far, how fast, how long; Cancel stops it. */
export function ReadingPanel({ view }: { view: ImportView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cancel = useMutation(
    trpc.imports.cancel.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.imports.view.queryKey({ id: view.id }), next),
    }),
  );
  const p = view.progress;
  const fraction = readFraction(p);
  const parsing = p?.phase === 'parsing';
  return (
    <Card className="flex flex-col gap-3 p-4">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="flex items-center gap-2 text-[15px] font-semibold">
            <Spinner className="size-4 text-accent" />
            Reading <span className="truncate">“{view.file.name}”</span>
          </h2>
          <p className="mt-0.5 text-[12.5px] text-muted">{formatBytes(view.file.bytes)} · Atlas reads the file in the background; you can keep working on other screens.</p>
        </div>
        <Button busy={cancel.isPending} onClick={() => cancel.mutate({ id: view.id })}>
          Cancel
        </Button>
      </div>
      <ProgressBar
        label="Reading the file"
        value={parsing || fraction === 1 ? null : fraction}
        valueText={p ? `${formatCount(p.rows)} rows read${fraction === null ? '' : `, ${Math.round(fraction * 100)}%`}` : 'Starting'}
      />
      <p aria-live="polite" className="flex flex-wrap gap-x-4 gap-y-1 text-[12.5px] tabular-nums text-muted">
        {!p ? (
          <span>Opening the file…</span>
        ) : parsing ? (
          <span>Opening the workbook (large Excel files take a moment before the first row)…</span>
        ) : fraction === 1 ? (
          <span>
            <span className="font-medium text-fg">{formatCount(p.rows)}</span> rows read; checking them…
          </span>
        ) : (
          <>
            <span>
              <span className="font-medium text-fg">{formatCount(p?.rows ?? 0)}</span> rows read
            </span>
            <span>{formatRate(p?.rowsPerSecond ?? 0)}</span>
            <span>{formatTimeLeft(p?.secondsLeft)}</span>
          </>
        )}
      </p>
      {cancel.isError ? <Alert title="Could not cancel">{toAppError(cancel.error).message}</Alert> : null}
    </Card>
  );
}

/** A file that could not be read, or whose reading was cancelled: why, and another go. */
export function ReadFailure({ view, onFile }: { view: ImportView; onFile: (file: File) => void }) {
  const cancelled = view.status === 'cancelled';
  const title = cancelled ? 'Reading was cancelled' : readFailureTitle(view.error?.code ?? '');
  const message = cancelled ? `Nothing was imported from “${view.file.name}”.` : (view.error?.message ?? `Atlas could not read “${view.file.name}”.`);
  return (
    <Alert tone={cancelled ? 'info' : 'danger'} title={title}>
      <p>{message}</p>
      <FilePickerButton label="Choose another file" className="mt-2" onFile={onFile} />
    </Alert>
  );
}
