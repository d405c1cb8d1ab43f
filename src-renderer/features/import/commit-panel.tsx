import { useId, useState } from 'react';
import { toAppError } from '../../app/app-error';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { earlierOfSheet } from '../../../shared/import/earlier-import';
import { ModeOption, REPEAT_BLOCKER, RepeatGuard, useWarehouseChoice, WarehouseField } from './commit-choices';
import { commitBlocker, defaultCommitMode, rowsToImport, type CommitMode } from './commit-choice';
import { ProgressBar } from './progress-bar';
import { commitFraction, formatCount, plural } from './progress-format';
import type { ImportView, useImportChanges } from './use-import';

type Changes = ReturnType<typeof useImportChanges>;

/**
 * The last step: which rows go in (the valid ones, or all or nothing), into which warehouse, and
 * the button that says how many. While the rows are written, a progress bar.
 */
export function CommitPanel({ view, changes }: { view: ImportView; changes: Changes }) {
  const ids = useId();
  const [mode, setMode] = useState<CommitMode | null>(null);
  const choice = useWarehouseChoice();
  const [again, setAgain] = useState(false);
  const earlier = earlierOfSheet(view.importedBefore, view.file.sheet);
  const summary = view.summary;
  if (!summary) return null;

  const warehouse = choice.warehouse;
  // Until the person picks one, the mode follows the file: it changes as they fix rows.
  const effective = mode === 'all-or-nothing' && summary.invalid > 0 ? 'valid-only' : (mode ?? defaultCommitMode(summary));
  const blocker = commitBlocker(effective, summary, view.missingTargets, warehouse) ?? (earlier && !again ? REPEAT_BLOCKER : null);
  const n = rowsToImport(effective, summary);
  const committing = view.status === 'committing';
  const progress = view.commitProgress;
  const fraction = commitFraction(progress);

  return (
    <Card className="p-4">
      <h2 className="text-[14px] font-semibold">Import into stock</h2>
      <p className="mt-0.5 text-[12.5px] text-muted">
        Each row becomes a receipt of its lot at its location, saved on this computer and sent to the server like any other stock movement. Products and locations that do not
        exist yet are created.
      </p>
      <form
        noValidate
        className="mt-3 flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (blocker || committing || changes.commit.isPending) return;
          changes.commit.mutate({ id: view.id, mode: effective, warehouse, again });
        }}
      >
        <div className="grid grid-cols-[minmax(0,1fr)_minmax(14rem,20rem)] gap-4">
          <fieldset className="flex flex-col gap-2" disabled={committing}>
            <legend className="mb-1 text-[12.5px] font-medium">Which rows</legend>
            <ModeOption
              id={`${ids}-valid`}
              name={`${ids}-mode`}
              checked={effective === 'valid-only'}
              onChange={() => setMode('valid-only')}
              label="Import only the valid rows"
              description={
                summary.invalid > 0
                  ? `${plural(summary.invalid, 'row')} with errors ${summary.invalid === 1 ? 'is' : 'are'} left out; fix ${summary.invalid === 1 ? 'it' : 'them'} above first if ${summary.invalid === 1 ? 'it is' : 'they are'} needed.`
                  : 'Rows with errors would be left out; this file has none.'
              }
            />
            <ModeOption
              id={`${ids}-all`}
              name={`${ids}-mode`}
              checked={effective === 'all-or-nothing'}
              disabled={summary.invalid > 0}
              onChange={() => setMode('all-or-nothing')}
              label="Import all or nothing"
              description={summary.invalid > 0 ? 'Possible once every row is valid.' : 'If the replica refuses any row, nothing is imported.'}
            />
          </fieldset>
          <WarehouseField choice={choice} disabled={committing} />
        </div>

        {earlier ? <RepeatGuard earlier={earlier} again={again} onAgain={setAgain} disabled={committing} /> : null}
        {view.status === 'ready' && view.error ? <Alert title="The import did not finish">{view.error.message}</Alert> : null}
        {changes.commit.isError ? <Alert title="Not imported">{toAppError(changes.commit.error).message}</Alert> : null}

        {committing ? (
          <div className="flex flex-col gap-1.5">
            <ProgressBar label="Importing rows" value={fraction} valueText={progress ? `${formatCount(progress.done)} of ${formatCount(progress.total)} rows` : undefined} />
            <p aria-live="polite" className="text-[12.5px] text-muted tabular-nums">
              Importing… {progress ? `${formatCount(progress.done)} of ${plural(progress.total, 'row')}` : ''}
            </p>
          </div>
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" variant="primary" size="lg" disabled={blocker !== null} busy={changes.commit.isPending}>
              Import {plural(n, 'row')}
            </Button>
            {blocker ? <p className="text-[12.5px] text-muted">{blocker}</p> : null}
          </div>
        )}
      </form>
    </Card>
  );
}
