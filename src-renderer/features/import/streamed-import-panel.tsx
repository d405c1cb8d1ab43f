import { useId, useState, type ReactNode } from 'react';
import { toAppError } from '../../app/app-error';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Spinner } from '../../components/spinner';
import type { CommitMode } from './commit-choice';
import { earlierOfSheet } from '../../../shared/import/earlier-import';
import { ModeOption, REPEAT_BLOCKER, RepeatGuard, useWarehouseChoice, WarehouseField } from './commit-choices';
import { CommitResult } from './commit-result';
import { FilePickerButton } from './file-picker-button';
import { issueText } from './mapping-labels';
import { ProgressBar } from './progress-bar';
import { SheetField } from './sheet-field';
import { commitFraction, formatBytes, formatCount, formatRate, formatTimeLeft, plural, readFraction } from './progress-format';
import { useAfterCommit, useImportChanges, type ImportView } from './use-import';

const PASSES = { analyse: 'Reading the columns', validate: 'Checking every row', commit: 'Importing the valid rows' } as const;

/**
 * A file too long to preview (more rows than ATLAS_IMPORT_PREVIEW_ROWS): Atlas checks every row
 * and imports straight from the file, streamed, as `atlas import` does — three reads (columns,
 * check, commit) with progress and Cancel. Nothing can be corrected in place; a refusal lists
 * the first errors, to fix in the file.
 */
export function StreamedImportPanel({ view, onFile }: { view: ImportView; onFile: (file: File) => void }) {
  const changes = useImportChanges(view.id);
  useAfterCommit(view.status);
  const ids = useId();
  const [mode, setMode] = useState<CommitMode>('valid-only');
  const choice = useWarehouseChoice();
  const sheets: string[] = view.file.sheets ?? [];
  const [sheet, setSheet] = useState<string | null>(null);
  const [again, setAgain] = useState(false);
  const earlier = earlierOfSheet(view.importedBefore, sheet ?? view.file.sheet);
  const repeatBlocks = earlier !== null && !again;
  const streamed = view.streamed;
  const running = view.status === 'committing';

  if (view.status === 'committed' && view.result) {
    const left = streamed?.summary?.invalid ?? 0;
    return (
      <div className="flex flex-col gap-3">
        <CommitResult view={view} result={view.result} />
        {left > 0 && streamed ? <ErrorList title={`${plural(left, 'row')} with errors ${left === 1 ? 'was' : 'were'} left out`} tone="info" streamed={streamed} /> : null}
      </div>
    );
  }

  return (
    <Card className="flex flex-col gap-3 p-4">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="flex items-center gap-2 text-[15px] font-semibold">
            {running ? <Spinner className="size-4 text-accent" /> : null}
            <span className="truncate">“{view.file.name}”</span>
          </h2>
          <p className="mt-0.5 text-[12.5px] text-muted">
            {formatBytes(view.file.bytes)} · too many rows to preview, so Atlas checks every row and imports straight from the file. Nothing can be corrected here: fix errors in
            the file and drop it again.
          </p>
        </div>
        {running ? (
          <Button busy={changes.cancel.isPending} onClick={() => changes.cancel.mutate({ id: view.id })}>
            Cancel
          </Button>
        ) : (
          <FilePickerButton label="Choose another file" onFile={onFile} />
        )}
      </div>

      {running ? <StreamedProgress view={view} /> : null}
      {view.status === 'cancelled' ? (
        <Alert tone="info" title="Cancelled">
          {streamed?.mode === 'valid-only' ? 'Rows imported before you cancelled stay in the stock; the import history has them, with an Undo.' : 'Nothing was imported.'}
        </Alert>
      ) : null}
      {view.status === 'failed' && view.error && streamed ? <Alert title="The import stopped">{view.error.message}</Alert> : null}
      {streamed?.refusal ? <Refusal streamed={streamed} /> : null}

      {running ? null : (
        <form
          noValidate
          className="flex flex-col gap-3 border-t border-line pt-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (!choice.warehouse || repeatBlocks) return;
            changes.importWithoutPreview.mutate({ id: view.id, mode, warehouse: choice.warehouse, sheet: sheet ?? undefined, again });
          }}
        >
          <div className="grid grid-cols-[minmax(0,1fr)_minmax(14rem,20rem)] gap-4">
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-[12.5px] font-medium">Which rows</legend>
              <ModeOption
                id={`${ids}-valid`}
                name={`${ids}-mode`}
                checked={mode === 'valid-only'}
                onChange={() => setMode('valid-only')}
                label="Import only the valid rows"
                description="Rows with errors are left out and counted; the first ones are listed."
              />
              <ModeOption
                id={`${ids}-all`}
                name={`${ids}-mode`}
                checked={mode === 'all-or-nothing'}
                onChange={() => setMode('all-or-nothing')}
                label="Import all or nothing"
                description="Checked first: if any row has an error, nothing is imported."
              />
            </fieldset>
            <div className="flex flex-col gap-3">
              {/* Without a preview there is no sheet screen: a workbook's sheet is chosen here. */}
              <SheetField sheets={sheets} value={sheet ?? view.file.sheet ?? sheets[0] ?? ''} onChange={setSheet} />
              <WarehouseField choice={choice} disabled={false} />
            </div>
          </div>
          {earlier ? <RepeatGuard earlier={earlier} again={again} onAgain={setAgain} disabled={false} /> : null}
          {changes.importWithoutPreview.isError ? <Alert title="Not imported">{toAppError(changes.importWithoutPreview.error).message}</Alert> : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" variant="primary" size="lg" disabled={!choice.warehouse || repeatBlocks} busy={changes.importWithoutPreview.isPending}>
              Check and import without a preview
            </Button>
            {choice.warehouse ? null : <p className="text-[12.5px] text-muted">Name the new warehouse first.</p>}
            {repeatBlocks ? <p className="text-[12.5px] text-muted">{REPEAT_BLOCKER}</p> : null}
          </div>
        </form>
      )}
    </Card>
  );
}

/**
 * Which of the three reads is running and how far it is. While rows are written the bar follows
 * the rows committed, not the reader: it waits for each transaction, so its own pace and time
 * left would mislead.
 */
function StreamedProgress({ view }: { view: ImportView }) {
  const p = view.progress;
  const pass = view.streamed?.pass ?? 'analyse';
  const step = ['analyse', 'validate', 'commit'].indexOf(pass) + 1;
  const committed = pass === 'commit' ? view.commitProgress : null;
  const fraction = pass === 'commit' ? commitFraction(committed) : readFraction(p);
  const valueText = committed ? `${formatCount(committed.done)} of ${plural(committed.total, 'row')} imported` : p ? `${formatCount(p.rows)} rows read${fraction === null ? '' : `, ${Math.round(fraction * 100)}%`}` : 'Starting';
  return (
    <div className="flex flex-col gap-1.5">
      <ProgressBar label={PASSES[pass]} value={fraction} valueText={valueText} />
      <p aria-live="polite" className="flex flex-wrap gap-x-4 gap-y-1 text-[12.5px] tabular-nums text-muted">
        <span className="font-medium text-fg">
          Step {step} of 3: {PASSES[pass]}
        </span>
        {pass === 'commit' ? (
          <span>{committed ? valueText : 'Writing the first rows…'}</span>
        ) : p ? (
          <>
            <span>{plural(p.rows, 'row')} read</span>
            <span>{formatRate(p.rowsPerSecond)}</span>
            <span>{formatTimeLeft(p.secondsLeft)}</span>
          </>
        ) : null}
      </p>
    </div>
  );
}

function Refusal({ streamed }: { streamed: Streamed }) {
  return (
    <ErrorList title="Nothing was imported" tone="danger" streamed={streamed}>
      <p>{streamed.refusal}</p>
    </ErrorList>
  );
}

type Streamed = NonNullable<ImportView['streamed']>;

/** The check's counts and its first errors (row, message), to fix in the file. */
function ErrorList({ title, tone, streamed, children }: { title: string; tone: 'danger' | 'info'; streamed: Streamed; children?: ReactNode }) {
  const s = streamed.summary;
  return (
    <Alert title={title} tone={tone}>
      {children}
      {s ? (
        <p className="mt-1 tabular-nums">
          {plural(s.total, 'row')} checked: {formatCount(s.valid)} valid, {formatCount(s.invalid)} with errors.
        </p>
      ) : null}
      {streamed.errors.length > 0 ? (
        <>
          <p className="mt-2 font-medium">{s && s.invalid > streamed.errors.length ? `The first ${streamed.errors.length} errors` : 'The errors'}</p>
          <ul className="mt-1 max-h-56 divide-y divide-line overflow-auto rounded-md border border-line bg-surface text-[12.5px] text-fg">
            {streamed.errors.map((e, i) => (
              <li key={`${e.row}-${i}`} className="flex gap-3 px-3 py-1.5">
                <span className="w-16 shrink-0 font-mono text-muted">Row {e.row}</span>
                <span>{issueText(e.message)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Alert>
  );
}
