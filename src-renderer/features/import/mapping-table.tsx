import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { IMPORT_TARGETS, LOW_CONFIDENCE, type DateOrder, type ImportTarget } from '../../../shared/import/types';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { cx } from '../../components/cx';
import { inputClass } from '../../components/field';
import { Cell, HeaderCell, Row, Table } from '../../components/table';
import { columnLetter, samplesByColumn, SOURCE_BADGES, targetLabel } from './mapping-labels';
import { ROWS_PAGE, type ImportView, type useImportChanges } from './use-import';

type Changes = ReturnType<typeof useImportChanges>;

const DATE_ORDER_LABELS: Record<DateOrder, string> = { DMY: 'DD/MM/YYYY', MDY: 'MM/DD/YYYY', YMD: 'YYYY-MM-DD' };

/**
 * One row per column of the file: what it holds (header and samples), what Atlas will read it
 * as (a native select, so arrow keys and type-ahead work), how sure it is, why, and who decided.
 */
export function MappingTable({ view, changes, locked }: { view: ImportView; changes: Changes; locked: boolean }) {
  const trpc = useTRPC();
  const firstPage = useQuery(trpc.imports.rows.queryOptions({ id: view.id, offset: 0, limit: ROWS_PAGE, only: 'all' }));
  const samples = useMemo(() => samplesByColumn(firstPage.data?.rows ?? [], view.headers.length), [firstPage.data, view.headers.length]);
  const dateOrders = view.dateOrders as Record<number, DateOrder | null | undefined>;

  function change(column: number, target: ImportTarget | null) {
    changes.setMapping.mutate({ id: view.id, changes: [{ column, target }] });
  }

  return (
    <Card className="overflow-hidden">
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-4 pt-3 pb-2">
        <h2 className="text-[14px] font-semibold">Columns</h2>
        <p className="text-[12.5px] text-muted">How each column of the file is read. Change any that are wrong; a target belongs to one column only.</p>
      </div>
      {changes.setMapping.isError ? (
        <Alert title="Could not change the mapping" className="mx-4 mb-2">
          {toAppError(changes.setMapping.error).message}
        </Alert>
      ) : null}
      <div className="overflow-x-auto">
        <Table className="min-w-[56rem] table-fixed">
          <caption className="sr-only">Column mapping</caption>
          <colgroup>
            <col className="w-[17%]" />
            <col className="w-[19%]" />
            <col className="w-52" />
            <col className="w-28" />
            <col />
            <col className="w-24" />
          </colgroup>
          <thead>
            <tr>
              <HeaderCell>Column</HeaderCell>
              <HeaderCell>Sample values</HeaderCell>
              <HeaderCell>Read as</HeaderCell>
              <HeaderCell>Confidence</HeaderCell>
              <HeaderCell>Why</HeaderCell>
              <HeaderCell>Source</HeaderCell>
            </tr>
          </thead>
          <tbody>
            {view.mapping.map((m) => {
              const letter = columnLetter(m.column);
              // A column with no header text is named by its letter already ("Column A"): say it once.
              const name = `Column ${letter}${m.header && m.header !== `Column ${letter}` ? ` (${m.header})` : ''}`;
              const low = m.target !== null && m.confidence < LOW_CONFIDENCE;
              const percent = Math.round(m.confidence * 100);
              const badge = SOURCE_BADGES[m.source];
              const order = dateOrders[m.column];
              const busy = changes.setMapping.isPending && changes.setMapping.variables?.changes.some((c) => c.column === m.column);
              return (
                <Row key={m.column} className={cx(low && 'bg-warn-soft/30', m.target === null && 'text-muted')}>
                  <Cell className="truncate">
                    <span className="mr-1.5 inline-flex h-5 min-w-5 items-center justify-center rounded bg-surface-2 px-1 font-mono text-[11px] text-muted">{letter}</span>
                    <span className={cx('font-medium', m.target !== null && 'text-fg')} title={m.header}>
                      {m.header || <span className="text-muted italic">no header</span>}
                    </span>
                  </Cell>
                  <Cell className="truncate font-mono text-[12px] text-muted" title={samples[m.column]?.join(' · ')}>
                    {samples[m.column]?.length ? samples[m.column]?.join(' · ') : '—'}
                  </Cell>
                  <Cell className="py-1">
                    <div className="flex flex-col gap-1">
                      <select
                        aria-label={`${name} is read as`}
                        aria-busy={busy || undefined}
                        value={m.target ?? ''}
                        disabled={locked}
                        onChange={(event) => change(m.column, (event.target.value || null) as ImportTarget | null)}
                        className={cx(inputClass(false), 'h-7 pr-7 text-[12.5px]', m.target === null && 'text-muted')}
                      >
                        <option value="">Ignore this column</option>
                        {IMPORT_TARGETS.map((t) => (
                          <option key={t} value={t}>
                            {targetLabel(t)}
                          </option>
                        ))}
                      </select>
                      {order && (m.target === 'expiry' || m.target === 'manufacturedOn') ? (
                        <select
                          aria-label={`Date order of ${name}`}
                          value={order}
                          disabled={locked}
                          onChange={(event) => changes.setDateOrder.mutate({ id: view.id, column: m.column, order: event.target.value as DateOrder })}
                          className={cx(inputClass(false), 'h-6 pr-7 text-[11.5px]')}
                        >
                          {(Object.keys(DATE_ORDER_LABELS) as DateOrder[]).map((o) => (
                            <option key={o} value={o}>
                              Dates {DATE_ORDER_LABELS[o]}
                            </option>
                          ))}
                        </select>
                      ) : null}
                    </div>
                  </Cell>
                  <Cell>
                    {m.target === null ? (
                      <span className="text-muted">—</span>
                    ) : (
                      <div className="flex items-center gap-2" title={low ? 'Low confidence: check this column' : undefined}>
                        <div aria-hidden="true" className="h-1.5 w-14 overflow-hidden rounded-full bg-surface-2 ring-1 ring-line ring-inset">
                          <div className={cx('h-full rounded-full', low ? 'bg-warn' : 'bg-ok')} style={{ width: `${Math.max(4, percent)}%` }} />
                        </div>
                        <span className={cx('text-[12px] tabular-nums', low && 'font-medium text-warn')}>
                          {percent}%{low ? <span className="sr-only"> (low: check this column)</span> : null}
                        </span>
                      </div>
                    )}
                  </Cell>
                  <Cell className="py-1.5 text-[12.5px] leading-snug whitespace-normal!">{m.reason}</Cell>
                  <Cell>
                    <span title={badge.title}>
                      <Badge tone={badge.tone}>{badge.label}</Badge>
                    </span>
                  </Cell>
                </Row>
              );
            })}
          </tbody>
        </Table>
      </div>
    </Card>
  );
}
