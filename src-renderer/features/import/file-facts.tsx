import { Minus, Plus } from 'lucide-react';
import { toAppError } from '../../app/app-error';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Detail } from '../../components/detail';
import { delimiterName, formatName } from './mapping-labels';
import { formatBytes } from './progress-format';
import { SheetField } from './sheet-field';
import type { ImportView, useImportChanges } from './use-import';

type Changes = ReturnType<typeof useImportChanges>;

/** What the file is (format, encoding, delimiter, sheet) and where its header row was found. */
export function FileFacts({ view, changes, locked }: { view: ImportView; changes: Changes; locked: boolean }) {
  const f = view.file;
  const sheets: string[] = f.sheets ?? [];
  const headerRow = view.headerRow ?? 1;
  // Row 0 is "no header row": every row is data and the columns are named by letter.
  const shownRow = headerRow === 0 ? 'None' : headerRow;
  const failure = changes.setHeaderRow.error ?? changes.setSheet.error;
  return (
    <Card className="p-4">
      <h2 className="truncate text-[15px] font-semibold" title={f.name}>
        {f.name}
      </h2>
      <dl className="mt-3 grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-x-4 gap-y-2 text-[12.5px]">
        <Detail term="Format">{formatName(f.format)}</Detail>
        <Detail term="Size">{formatBytes(f.bytes)}</Detail>
        {f.encoding ? <Detail term="Encoding">{f.encoding}</Detail> : null}
        {f.delimiter ? <Detail term="Separator">{delimiterName(f.delimiter)}</Detail> : null}
        {f.format === 'xlsx' || f.format === 'xls' ? <Detail term="Dates">{f.dateSystem === '1904' ? '1904 system (old Mac)' : '1900 system'}</Detail> : null}
        <Detail term="Columns">{view.headers.length}</Detail>
      </dl>

      <div className="mt-3 flex flex-wrap items-end gap-4 border-t border-line pt-3">
        <SheetField sheets={sheets} className="w-56" value={f.sheet ?? ''} disabled={locked || changes.setSheet.isPending} onChange={(sheet) => changes.setSheet.mutate({ id: view.id, sheet })} />
        {locked ? (
          <dl className="text-[12.5px]">
            <Detail term="Header row" className="font-semibold tabular-nums">
              {shownRow}
            </Detail>
          </dl>
        ) : (
          <div role="group" aria-labelledby={`${view.id}-header-row`} className="flex flex-col gap-1">
            <span id={`${view.id}-header-row`} className="text-[12.5px] font-medium">
              Header row
            </span>
            <div className="flex items-center gap-1">
              <Button
                size="sm"
                aria-label={headerRow === 1 ? 'No header row: every row is data' : 'Header row: one row up'}
                title={headerRow === 1 ? 'The file has no header row' : undefined}
                icon={<Minus aria-hidden="true" className="size-3.5" />}
                disabled={headerRow <= 0}
                busy={changes.setHeaderRow.isPending}
                onClick={() => changes.setHeaderRow.mutate({ id: view.id, headerRow: headerRow - 1 })}
              />
              <output aria-live="polite" className="min-w-10 text-center text-[13px] font-semibold tabular-nums">
                {shownRow}
              </output>
              <Button
                size="sm"
                aria-label="Header row: one row down"
                icon={<Plus aria-hidden="true" className="size-3.5" />}
                busy={changes.setHeaderRow.isPending}
                onClick={() => changes.setHeaderRow.mutate({ id: view.id, headerRow: headerRow + 1 })}
              />
            </div>
          </div>
        )}
        {view.headerReason ? <p className="min-w-0 flex-1 pb-1 text-[12.5px] text-muted">{view.headerReason}</p> : null}
      </div>
      {failure ? (
        <Alert title="Could not change that" className="mt-3">
          {toAppError(failure).message}
        </Alert>
      ) : null}
    </Card>
  );
}
