import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { KeyRound, Plus } from 'lucide-react';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, type DocumentType } from '../../../shared/qa/content';
import { VERSION_STATUSES, type VersionStatus } from '../../../shared/qa/ledger-entry';
import { toAppError } from '../../app/app-error';
import { QA_KEYS_HREF, qaDocHref, qaNewHref } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { navigate } from '../../app/use-route';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { cx } from '../../components/cx';
import { inputClass } from '../../components/field';
import { Screen } from '../../components/screen';
import { Cell, EmptyRow, FlagsHeaderCell, HeaderCell, Row, Table } from '../../components/table';
import { useDebouncedValue } from '../stock/use-debounced-value';
import { LedgerStrip } from './ledger-strip';
import { PendingSyncBadge, QaStatusBadge } from './qa-badges';
import { formatUtcDay, STATUS_VIEW } from './qa-format';
import { useQaLedger } from './use-qa';

const NEW_BUTTONS: ReadonlyArray<{ type: DocumentType; label: string }> = [
  { type: 'coa', label: 'New CoA' },
  { type: 'gdp', label: 'New GDP record' },
  { type: 'gmp', label: 'New GMP record' },
];

const LINK_BUTTON = 'inline-flex h-8 items-center gap-2 rounded-md px-3 text-[13px] font-medium whitespace-nowrap';

/** QA documents: every CoA, GDP and GMP record of the company, with the ledger's state above. */
export function QaListScreen() {
  const trpc = useTRPC();
  const ledger = useQaLedger();
  const [type, setType] = useState<DocumentType | ''>('');
  const [status, setStatus] = useState<VersionStatus | ''>('');
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 150);
  const input = { ...(type ? { type } : {}), ...(status ? { status } : {}), ...(query ? { search: query } : {}) };
  const list = useQuery({ ...trpc.qa.list.queryOptions(input), placeholderData: keepPreviousData });
  const rows = list.data ?? [];

  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, documentId: string) {
    if (event.key === 'Enter') navigate(qaDocHref(documentId));
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const row = event.currentTarget;
      const next = (event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
      next?.focus();
    }
  }

  return (
    <Screen
      title="QA documents"
      subtitle="Certificates of Analysis and GDP / GMP records, signed under 21 CFR Part 11 with keys that never leave this computer."
      actions={
        <>
          {NEW_BUTTONS.map((b, i) => (
            <a key={b.type} href={qaNewHref(b.type)} className={cx(LINK_BUTTON, i === 0 ? 'bg-accent text-accent-fg shadow-sm hover:bg-accent-hover' : 'border border-line-strong bg-surface text-fg shadow-xs hover:bg-surface-2')}>
              <Plus aria-hidden="true" className="size-4" />
              {b.label}
            </a>
          ))}
          <a href={QA_KEYS_HREF} className={cx(LINK_BUTTON, 'text-fg hover:bg-surface-2')}>
            <KeyRound aria-hidden="true" className="size-4" />
            Signing key
          </a>
        </>
      }
    >
      <LedgerStrip ledger={ledger.data} />
      {ledger.isError ? <Alert title="The QA ledger status could not be read">{toAppError(ledger.error).message}</Alert> : null}
      <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <label className="flex items-center gap-1.5 text-[12px] font-medium text-muted">
          <span className="sr-only">Search documents</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Title, product, lot…" className={cx(inputClass(false), 'h-7 w-64 text-[12.5px]')} />
        </label>
        <Compact label="Type" value={type} onChange={(v) => setType(DOCUMENT_TYPES.find((t) => t === v) ?? '')}>
          <option value="">All types</option>
          {DOCUMENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {DOCUMENT_TYPE_LABELS[t]}
            </option>
          ))}
        </Compact>
        <Compact label="Status" value={status} onChange={(v) => setStatus(VERSION_STATUSES.find((s) => s === v) ?? '')}>
          <option value="">Any status</option>
          {VERSION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_VIEW[s].label}
            </option>
          ))}
        </Compact>
      </div>
      {list.isError ? <Alert title="QA documents could not be loaded">{toAppError(list.error).message}</Alert> : null}
      <Card className="overflow-hidden">
        <Table>
          <caption className="sr-only">QA documents. Use the arrow keys to move between documents and Enter to open one.</caption>
          <thead>
            <tr>
              <HeaderCell className="w-[36%]">Title</HeaderCell>
              <HeaderCell>Type</HeaderCell>
              <HeaderCell align="right">Version</HeaderCell>
              <HeaderCell>Status</HeaderCell>
              <HeaderCell align="right">Signatures</HeaderCell>
              <HeaderCell>Updated</HeaderCell>
              <FlagsHeaderCell />
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && list.isSuccess ? (
              <EmptyRow colSpan={7}>{query || type || status ? 'No document matches these filters.' : 'No QA documents yet. Start with “New CoA”.'}</EmptyRow>
            ) : null}
            {rows.map((d, i) => (
              <Row key={d.documentId} tabIndex={i === 0 ? 0 : -1} onClick={() => navigate(qaDocHref(d.documentId))} onKeyDown={(e) => onRowKey(e, d.documentId)} className="cursor-default outline-none focus-visible:bg-accent-soft/60">
                <Cell className="max-w-0 truncate font-medium" title={d.title}>
                  <a href={qaDocHref(d.documentId)} tabIndex={-1} className="hover:underline">
                    {d.title}
                  </a>
                </Cell>
                <Cell>{DOCUMENT_TYPE_LABELS[d.type]}</Cell>
                <Cell align="right">v{d.version}</Cell>
                <Cell>
                  <QaStatusBadge status={d.status} />
                </Cell>
                <Cell align="right">
                  {d.signed}/{d.required}
                </Cell>
                <Cell>{formatUtcDay(d.updatedAt)}</Cell>
                <Cell>{d.pending ? <PendingSyncBadge /> : null}</Cell>
              </Row>
            ))}
          </tbody>
        </Table>
      </Card>
    </Screen>
  );
}

function Compact({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <label className="flex items-center gap-1.5 text-[12px] font-medium text-muted">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} className={cx(inputClass(false).replace('w-full', 'w-auto'), 'h-7 max-w-52 pr-7 text-[12.5px]')}>
        {children}
      </select>
    </label>
  );
}
