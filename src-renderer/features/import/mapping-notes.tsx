import { CalendarDays } from 'lucide-react';
import { toAppError } from '../../app/app-error';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Spinner } from '../../components/spinner';
import { columnLetter } from './mapping-labels';
import { askingClaude } from './poll-interval';
import type { ImportView, useImportChanges } from './use-import';

type Changes = ReturnType<typeof useImportChanges>;

/** A title only when the path is news; the plain "mapped from the headers" note stands alone. */
function pathTitle(path: ImportView['mappingPath']): string | undefined {
  if (askingClaude(path)) return 'Asking Claude…';
  if (path.path === 'ai') return 'Mapped with Claude’s help';
  if (path.path === 'memory') return 'Mapping reused';
  if (/^Offline/.test(path.note)) return 'Offline';
  if (/Claude could not be asked/.test(path.note)) return 'Claude was not asked';
  return undefined;
}

/**
 * Above the mapping table: how the mapping was made (Claude, memory, or offline rules), which
 * required columns are still missing, and a question for each date column that could be read
 * either way round.
 */
export function MappingNotes({ view, changes, locked }: { view: ImportView; changes: Changes; locked: boolean }) {
  const path = view.mappingPath;
  const asking = askingClaude(path);
  return (
    <>
      {path.note ? (
        <Alert tone="info" title={pathTitle(path)}>
          <span className="inline-flex items-center gap-2">
            {asking ? <Spinner className="size-3.5" /> : null}
            {path.note}
          </span>
        </Alert>
      ) : null}
      {view.missingTargets.length > 0 ? (
        <Alert title="Some required columns are not mapped">
          <ul className="list-disc pl-4">
            {view.missingTargets.map((m) => (
              <li key={m}>{m}.</li>
            ))}
          </ul>
          <p className="mt-1">Nothing can be imported until they are: choose the right column in the table below.</p>
        </Alert>
      ) : null}
      {view.ambiguousDates.map((d) => {
        const questionId = `${view.id}-date-${d.column}`;
        const pending = changes.setDateOrder.isPending && changes.setDateOrder.variables?.column === d.column;
        return (
          <Card key={d.column} role="group" aria-labelledby={questionId} className="flex flex-wrap items-center gap-3 border-warn/40 bg-warn-soft/40 p-3">
            <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-warn-soft text-warn">
              <CalendarDays aria-hidden="true" className="size-4" />
            </span>
            <div className="min-w-0 flex-1">
              <p id={questionId} className="text-[13px] font-medium">
                Are the dates in column {columnLetter(d.column)} ({d.header || 'no header'}) day-first or month-first?
              </p>
              <p className="mt-0.5 text-[12.5px] text-muted">
                Every value could be read either way, for example{' '}
                {d.samples.slice(0, 5).map((s, i) => (
                  <span key={s}>
                    {i > 0 ? ', ' : ''}
                    <span className="font-mono text-fg">{s}</span>
                  </span>
                ))}
                .
              </p>
            </div>
            <div className="flex gap-2">
              <Button size="sm" disabled={locked} busy={pending} onClick={() => changes.setDateOrder.mutate({ id: view.id, column: d.column, order: 'DMY' })}>
                DD/MM/YYYY <span className="font-normal text-muted">day first</span>
              </Button>
              <Button size="sm" disabled={locked} busy={pending} onClick={() => changes.setDateOrder.mutate({ id: view.id, column: d.column, order: 'MDY' })}>
                MM/DD/YYYY <span className="font-normal text-muted">month first</span>
              </Button>
            </div>
          </Card>
        );
      })}
      {changes.setDateOrder.isError ? <Alert title="Could not set the date order">{toAppError(changes.setDateOrder.error).message}</Alert> : null}
    </>
  );
}
