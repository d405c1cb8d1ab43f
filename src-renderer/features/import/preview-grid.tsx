import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { toAppError } from '../../app/app-error';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { cx } from '../../components/cx';
import { Kbd } from '../../components/kbd';
import { Spinner } from '../../components/spinner';
import { GridCell } from './grid-cell';
import { readAs } from './read-as';
import { moveFor, type GridPosition } from './grid-keys';
import { columnLetter, issueText, targetLabel } from './mapping-labels';
import { formatCount } from './progress-format';
import { FilterTabs } from './filter-tabs';
import { useRowPages } from './use-row-pages';
import type { ImportRow, ImportView, RowFilter, useImportChanges } from './use-import';

type Changes = ReturnType<typeof useImportChanges>;

/** h-8 plus the 1px bottom border. */
const ROW_HEIGHT = 33;

/**
 * The file's rows as they will be imported, with corrections laid over them. Virtualized (only
 * the rows in view are in the DOM, fetched a page at a time); one tab stop, arrow keys between
 * cells, Enter or a click to correct a cell in place — the file itself is never changed.
 */
export function PreviewGrid({ view, changes, locked }: { view: ImportView; changes: Changes; locked: boolean }) {
  const gridId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [filter, setFilter] = useState<RowFilter>('all');
  const [active, setActive] = useState<GridPosition>({ row: 0, column: 0 });
  const [editing, setEditing] = useState<GridPosition | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const [range, setRange] = useState({ first: 0, last: 40 });
  const pages = useRowPages(view.id, filter, range.first, range.last);
  const count = pages.total ?? 0;
  const columns = view.headers.length;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    onChange: (v) => {
      const items = v.getVirtualItems();
      const first = items[0]?.index ?? 0;
      const last = items[items.length - 1]?.index ?? 0;
      setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
    },
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const current = { row: Math.min(active.row, Math.max(count - 1, 0)), column: Math.min(active.column, Math.max(columns - 1, 0)) };

  function focusCell(pos: GridPosition) {
    setActive(pos);
    virtualizer.scrollToIndex(pos.row, { align: 'auto' });
    // The row may only exist after the virtualizer re-renders.
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${pos.row}"] td[data-column="${pos.column}"]`)?.focus());
  }

  function onCellKeyDown(event: KeyboardEvent<HTMLTableCellElement>, pos: GridPosition) {
    if ((event.key === 'Enter' || event.key === 'F2') && !locked) {
      event.preventDefault();
      setEditError(null);
      setEditing(pos);
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 330) / ROW_HEIGHT) - 2);
    const next = moveFor(event.key, event.ctrlKey || event.metaKey, pos, { rows: count, columns }, page);
    if (next) {
      event.preventDefault();
      focusCell(next);
    }
  }

  async function save(row: ImportRow, pos: GridPosition, value: string) {
    if (value === (row.cells[pos.column] ?? '')) {
      setEditing(null);
      focusCell(pos);
      return;
    }
    try {
      setEditError(null);
      await changes.editCell.mutateAsync({ id: view.id, row: row.row, column: pos.column, value });
      setEditing(null);
      // A fixed row may leave the "Errors" list: stay at the same place in it.
      focusCell(pos);
    } catch (err) {
      setEditError(`Row ${row.row}: ${toAppError(err).message}`);
    }
  }

  function changeFilter(next: RowFilter) {
    setFilter(next);
    setEditing(null);
    setActive({ row: 0, column: active.column });
    virtualizer.scrollToOffset(0);
  }

  const summary = view.summary;
  const counts = { all: summary ? summary.total + summary.blank : null, errors: summary?.invalid ?? null, warnings: summary?.warnings ?? null };
  const empty = pages.total === 0;

  return (
    <Card className="flex flex-col overflow-hidden">
      <div className="flex flex-wrap items-center justify-between gap-2 px-4 pt-3 pb-2">
        <div className="flex items-center gap-3">
          <h2 id={`${gridId}-title`} className="text-[14px] font-semibold">
            Rows
          </h2>
          <FilterTabs value={filter} counts={counts} controls={gridId} onChange={changeFilter} />
        </div>
        <p aria-hidden="true" className="flex items-center gap-1.5 text-[12px] text-muted">
          <Kbd>↑</Kbd>
          <Kbd>↓</Kbd>
          <Kbd>←</Kbd>
          <Kbd>→</Kbd> move · <Kbd>Enter</Kbd> corrects a cell, then saves · <Kbd>Esc</Kbd> cancels
        </p>
      </div>
      {editError ? (
        <Alert title="That correction was not saved" className="mx-4 mb-2">
          {editError}
        </Alert>
      ) : null}
      {pages.error ? (
        <Alert title="The rows could not be loaded" className="mx-4 mb-2">
          {toAppError(pages.error).message}
        </Alert>
      ) : null}
      <div ref={scrollRef} id={gridId} role="tabpanel" aria-label="Rows" className="overflow-auto border-t border-line" style={{ height: gridHeight(pages.total) }}>
        {pages.total === null ? (
          <div role="status" className="flex h-full items-center justify-center gap-2 text-[13px] text-muted">
            <Spinner /> Loading rows…
          </div>
        ) : empty ? (
          <div role="status" className="flex h-full items-center justify-center text-[13px] text-muted">
            {filter === 'errors' ? 'No rows with errors.' : filter === 'warnings' ? 'No rows with warnings.' : 'The file has no rows below its header.'}
          </div>
        ) : (
          <table role="grid" aria-label="Rows of the file" aria-rowcount={count + 1} aria-colcount={columns + 2} aria-readonly={locked || undefined} className="w-max min-w-full border-separate border-spacing-0 text-[13px]">
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col" className="sticky top-0 left-0 z-20 h-10 w-14 border-b border-line bg-surface-2 px-2 text-right text-[11.5px] font-semibold text-muted">
                  Row
                </th>
                {view.headers.map((h, c) => {
                  const target = view.mapping[c]?.target;
                  return (
                    <th key={c} scope="col" className="sticky top-0 z-10 h-10 border-b border-l border-line bg-surface-2 px-2 text-left align-middle font-normal whitespace-nowrap">
                      <span className="block text-[12px] font-semibold text-fg">
                        <span className="mr-1 font-mono text-[10.5px] text-muted">{columnLetter(c)}</span>
                        {h || 'no header'}
                      </span>
                      <span className={cx('block text-[11px]', target ? 'text-accent' : 'text-muted italic')}>{target ? `→ ${targetLabel(target)}` : 'ignored'}</span>
                    </th>
                  );
                })}
                <th scope="col" className="sticky top-0 z-10 h-10 border-b border-l border-line bg-surface-2 px-2 text-left text-[11.5px] font-semibold text-muted">
                  Problems
                </th>
              </tr>
            </thead>
            <tbody>
              {paddingTop > 0 ? (
                <tr aria-hidden="true">
                  <td colSpan={columns + 2} style={{ height: paddingTop }} />
                </tr>
              ) : null}
              {items.map((item) => {
                const row = pages.rowAt(item.index);
                if (!row) {
                  return (
                    <tr key={`loading-${item.index}`} data-index={item.index} aria-rowindex={item.index + 2}>
                      <td colSpan={columns + 2} className="h-8 border-b border-line px-2 text-[12px] text-muted">
                        Loading…
                      </td>
                    </tr>
                  );
                }
                const rowIssues = row.issues.filter((i) => i.column === null);
                const all = row.issues;
                const hasError = all.some((i) => i.severity === 'error');
                return (
                  <tr key={row.row} data-index={item.index} aria-rowindex={item.index + 2} className="group">
                    <th
                      scope="row"
                      title={rowIssues.map((i) => i.message).join('\n') || undefined}
                      className={cx(
                        'sticky left-0 z-[1] h-8 border-b border-line bg-surface px-2 text-right font-mono text-[11.5px] font-normal text-muted tabular-nums group-hover:bg-surface-2',
                        rowIssues.length > 0 && (rowIssues.some((i) => i.severity === 'error') ? 'text-danger' : 'text-warn'),
                      )}
                    >
                      {row.row}
                    </th>
                    {Array.from({ length: columns }, (_, c) => {
                      const pos = { row: item.index, column: c };
                      const isEditing = editing?.row === item.index && editing.column === c;
                      return (
                        <GridCell
                          key={c}
                          id={`${gridId}-${row.row}-${c}`}
                          row={row}
                          column={c}
                          header={view.headers[c] || `column ${columnLetter(c)}`}
                          readAs={readAs(row.readings, view.mapping[c]?.target ?? null, row.cells[c] ?? '')}
                          active={current.row === item.index && current.column === c}
                          editing={isEditing}
                          saving={isEditing && changes.editCell.isPending}
                          locked={locked}
                          onFocus={() => setActive(pos)}
                          onStartEdit={() => {
                            setEditError(null);
                            setEditing(pos);
                          }}
                          onKeyDown={(e) => onCellKeyDown(e, pos)}
                          onSave={(value) => void save(row, pos, value)}
                          onCancel={() => {
                            setEditing(null);
                            focusCell(pos);
                          }}
                        />
                      );
                    })}
                    <td className={cx('h-8 max-w-[26rem] min-w-64 truncate border-b border-l border-line px-2 text-[12px]', hasError ? 'text-danger' : 'text-warn')} title={all.map((i) => i.message).join('\n') || undefined}>
                      {all.length === 0 ? <span className="text-muted/70">—</span> : `${issueText(worst(all)?.message ?? '')}${all.length > 1 ? ` (+${formatCount(all.length - 1)} more)` : ''}`}
                    </td>
                  </tr>
                );
              })}
              {paddingBottom > 0 ? (
                <tr aria-hidden="true">
                  <td colSpan={columns + 2} style={{ height: paddingBottom }} />
                </tr>
              ) : null}
            </tbody>
          </table>
        )}
      </div>
      <ActiveCellNote row={pages.rowAt(current.row)} column={current.column} headers={view.headers} />
    </Card>
  );
}

/** Header + rows, up to 12 rows in view; a short list needs no tall empty box. */
function gridHeight(total: number | null): number {
  const HEADER = 41;
  if (!total) return 160;
  return HEADER + Math.min(total, 12) * ROW_HEIGHT + 2;
}

/** Errors before warnings: the one a row is listed for. */
function worst(issues: ImportRow['issues']): ImportRow['issues'][number] | undefined {
  return issues.find((i) => i.severity === 'error') ?? issues[0];
}

/** Under the grid, in full: what is wrong with the cell (and row) the keyboard is on. */
function ActiveCellNote({ row, column, headers }: { row: ImportRow | undefined; column: number; headers: readonly string[] }) {
  if (!row) return null;
  const issues = [...row.issues.filter((i) => i.column === column), ...row.issues.filter((i) => i.column !== column)];
  const edited = row.edited.includes(column);
  return (
    <div className="flex min-h-9 items-start gap-2 border-t border-line bg-surface-2/50 px-4 py-2 text-[12.5px]">
      <span className="shrink-0 font-medium">
        Row {row.row}
        {edited ? <span className="ml-1.5 font-normal text-accent">· {headers[column] || `column ${columnLetter(column)}`} corrected by you</span> : null}
      </span>
      <ul className="min-w-0 flex-1 space-y-0.5">
        {issues.length === 0 ? <li className="text-muted">No problems in this row.</li> : null}
        {issues.slice(0, 4).map((i, n) => (
          <li key={n} className={i.severity === 'error' ? 'text-danger' : 'text-warn'}>
            {i.severity === 'error' ? 'Error' : 'Warning'}: {issueText(i.message)}
          </li>
        ))}
        {issues.length > 4 ? <li className="text-muted">and {formatCount(issues.length - 4)} more</li> : null}
      </ul>
    </div>
  );
}
