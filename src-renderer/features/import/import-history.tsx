import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { toAppError } from '../../app/app-error';
import type { RouterOutputs } from '../../app/router-types';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Badge, type BadgeTone } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { ActionsHeaderCell, Cell, EmptyRow, HeaderCell, Row, Table } from '../../components/table';
import { formatDateTime } from '../sync/relative-time';
import { formatCount } from './progress-format';
import { UndoDialog, type UndoTarget } from './undo-dialog';

type ImportRecord = RouterOutputs['imports']['history'][number];

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  committing: { label: 'Importing…', tone: 'accent' },
  committed: { label: 'Imported', tone: 'ok' },
  interrupted: { label: 'Interrupted', tone: 'warn' },
  failed: { label: 'Not imported', tone: 'danger' },
  undone: { label: 'Undone', tone: 'neutral' },
  undoing: { label: 'Undoing…', tone: 'accent' },
  'undo-interrupted': { label: 'Undo not finished', tone: 'warn' },
};

const PATHS: Record<string, string> = { ai: 'Claude', deterministic: 'Headers', memory: 'Memory' };

/** Every import made on this computer, newest first; a committed one can be undone. */
export function ImportHistory() {
  const trpc = useTRPC();
  const history = useQuery(trpc.imports.history.queryOptions());
  const [undoing, setUndoing] = useState<UndoTarget | null>(null);
  const records = history.data ?? [];
  return (
    <Card className="overflow-hidden">
      <div className="px-4 pt-3 pb-2">
        <h2 className="text-[14px] font-semibold">Import history</h2>
        <p className="text-[12.5px] text-muted">Imports made on this computer, and who made them. Undo takes the stock back out with correcting adjustments; nothing is deleted from the record.</p>
      </div>
      {history.isError ? (
        <Alert title="The history could not be loaded" className="mx-4 mb-3">
          {toAppError(history.error).message}
        </Alert>
      ) : null}
      <div className="max-h-80 overflow-auto">
        <Table>
          <caption className="sr-only">Import history</caption>
          <thead>
            <tr>
              <HeaderCell className="w-[26%]">File</HeaderCell>
              <HeaderCell>Started</HeaderCell>
              <HeaderCell className="w-[14%]">By</HeaderCell>
              <HeaderCell align="right">Rows</HeaderCell>
              <HeaderCell align="right">Imported</HeaderCell>
              <HeaderCell>Mode</HeaderCell>
              <HeaderCell>Mapping</HeaderCell>
              <HeaderCell>Status</HeaderCell>
              <ActionsHeaderCell />
            </tr>
          </thead>
          <tbody>
            {history.isPending ? <EmptyRow colSpan={9}>Loading…</EmptyRow> : null}
            {history.isSuccess && records.length === 0 ? <EmptyRow colSpan={9}>No imports yet.</EmptyRow> : null}
            {records.map((r) => (
              <HistoryRow key={r.id} record={r} onUndo={() => setUndoing({ importId: r.id, fileName: r.fileName, rows: r.rowsImported })} />
            ))}
          </tbody>
        </Table>
      </div>
      <UndoDialog target={undoing} onClose={() => setUndoing(null)} />
    </Card>
  );
}

function HistoryRow({ record: r, onUndo }: { record: ImportRecord; onUndo: () => void }) {
  const status = STATUS[r.status] ?? { label: r.status, tone: 'neutral' as const };
  const undoable = r.status === 'committed' || r.status === 'interrupted' || r.status === 'undo-interrupted';
  return (
    <Row>
      <Cell className="max-w-0 truncate font-medium" title={r.fileName}>
        {r.fileName}
      </Cell>
      <Cell className="text-muted">{formatDateTime(r.createdAt)}</Cell>
      {/* Imports recorded before names were kept (migration 0006) show an em dash. */}
      <Cell className="max-w-0 truncate" title={r.createdByName ?? undefined}>
        {r.createdByName ?? '—'}
      </Cell>
      <Cell align="right">
        {formatCount(r.rowsTotal)}
        {r.rowsInvalid > 0 ? <span className="text-danger"> ({formatCount(r.rowsInvalid)} with errors)</span> : null}
      </Cell>
      <Cell align="right">
        {r.status === 'committing' || r.status === 'failed' ? '—' : formatCount(r.rowsImported)}
        {r.rowsSkipped ? <span className="text-muted"> (+{formatCount(r.rowsSkipped)} skipped)</span> : null}
      </Cell>
      <Cell className="text-muted">{r.mode === 'valid-only' ? 'Valid rows only' : 'All or nothing'}</Cell>
      <Cell className="text-muted">{PATHS[r.mappingPath] ?? r.mappingPath}</Cell>
      <Cell>
        <Badge tone={status.tone}>{status.label}</Badge>
        {r.undoneByName ? <span className="ml-1 text-[12px] text-muted">{` by ${r.undoneByName}`}</span> : null}
      </Cell>
      <Cell align="right">
        {undoable ? (
          <Button size="sm" onClick={onUndo}>
            {r.status === 'undo-interrupted' ? 'Finish undo' : 'Undo'}
            <span className="sr-only"> the import of {r.fileName}</span>
          </Button>
        ) : null}
      </Cell>
    </Row>
  );
}
