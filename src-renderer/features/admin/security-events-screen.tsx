import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AUDIT_KINDS, AUDIT_SEVERITIES, auditKindSchema, auditSeveritySchema, type AuditKind } from '../../../shared/auth/mfa-schemas';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Badge, type BadgeTone } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Field } from '../../components/field';
import { Screen } from '../../components/screen';
import { SelectField } from '../../components/select-field';
import { Cell, EmptyRow, HeaderCell, Row, Table } from '../../components/table';
import { formatWhen } from '../account/format-when';
import { AUDIT_KIND_LABELS, dayBoundary, describeDetails } from './audit-labels';

const PAGE_SIZE = 50;
const SEVERITY_TONES: Record<(typeof AUDIT_SEVERITIES)[number], BadgeTone> = { info: 'neutral', warning: 'warn', critical: 'danger' };

/**
 * The company's security events (issue 6; OWASP ASVS 5.0 7.2: who, what, when, from where, with
 * the request id to find the server's log line). Admins and auditors only — the server enforces it.
 * Newest first, keyset-paged with the server's cursor.
 */
export function SecurityEventsScreen() {
  const trpc = useTRPC();
  const [kind, setKind] = useState<AuditKind | ''>('');
  const [severity, setSeverity] = useState<(typeof AUDIT_SEVERITIES)[number] | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // The cursors of the pages seen so far: page n is read with cursors[n] (undefined for the first).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const input = {
    kinds: kind ? [kind] : undefined,
    severity: severity || undefined,
    from: dayBoundary(from, 'start'),
    to: dayBoundary(to, 'end'),
    cursor: cursors[page],
    limit: PAGE_SIZE,
  };
  const events = useQuery({ ...trpc.admin.auditList.queryOptions(input), placeholderData: keepPreviousData });
  const filtered = (fn: () => void) => {
    fn();
    setCursors([undefined]);
  };
  const rows = events.data?.events ?? [];

  return (
    <Screen title="Security events" subtitle="Sign-ins, two-step verification, sessions, team changes and blocked requests in your company, newest first.">
      <Card className="p-3">
        <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()} aria-label="Filter security events">
          <SelectField label="Event" className="w-64" value={kind} onChange={(e) => filtered(() => setKind(e.target.value ? auditKindSchema.parse(e.target.value) : ''))}>
            <option value="">All events</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {AUDIT_KIND_LABELS[k]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Severity" className="w-36" value={severity} onChange={(e) => filtered(() => setSeverity(e.target.value ? auditSeveritySchema.parse(e.target.value) : ''))}>
            <option value="">Any</option>
            {AUDIT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s[0]?.toUpperCase() + s.slice(1)}
              </option>
            ))}
          </SelectField>
          <Field label="From" type="date" className="w-40" value={from} onChange={(e) => filtered(() => setFrom(e.target.value))} />
          <Field label="To" type="date" className="w-40" value={to} onChange={(e) => filtered(() => setTo(e.target.value))} />
          {kind || severity || from || to ? (
            <Button onClick={() => filtered(() => { setKind(''); setSeverity(''); setFrom(''); setTo(''); })}>Clear filters</Button>
          ) : null}
        </form>
      </Card>
      {events.isError ? <Alert title="Security events could not be loaded">{toAppError(events.error).message}</Alert> : null}
      <Card className="min-h-0 overflow-auto">
        <Table aria-busy={events.isFetching || undefined}>
          <caption className="sr-only">Security events, page {page + 1}</caption>
          <thead>
            <tr>
              <HeaderCell>When</HeaderCell>
              <HeaderCell>Who</HeaderCell>
              <HeaderCell>What</HeaderCell>
              <HeaderCell>Severity</HeaderCell>
              <HeaderCell>IP address</HeaderCell>
              <HeaderCell>User agent</HeaderCell>
              <HeaderCell>Request id</HeaderCell>
            </tr>
          </thead>
          <tbody>
            {events.isSuccess && rows.length === 0 ? <EmptyRow colSpan={7}>No security events match these filters.</EmptyRow> : null}
            {rows.map((e) => (
              <Row key={e.id}>
                <Cell className="tabular-nums" title={e.at}>
                  {formatWhen(e.at)}
                </Cell>
                <Cell title={e.actor.email ?? undefined}>{e.actor.name ?? e.actor.email ?? <span className="text-muted">Unknown</span>}</Cell>
                <Cell className="max-w-[22rem] truncate" title={JSON.stringify(e.details)}>
                  <span className="font-medium">{AUDIT_KIND_LABELS[e.kind]}</span>
                  {Object.keys(e.details).length > 0 ? <span className="ml-2 text-[12px] text-muted">{describeDetails(e.details)}</span> : null}
                </Cell>
                <Cell>
                  <Badge tone={SEVERITY_TONES[e.severity]}>{e.severity}</Badge>
                </Cell>
                <Cell className="font-mono text-[12px]">{e.ip ?? '—'}</Cell>
                <Cell className="max-w-[14rem] truncate text-[12px]" title={e.userAgent ?? undefined}>
                  {e.userAgent ?? '—'}
                </Cell>
                <Cell className="font-mono text-[11.5px]">{e.requestId ?? '—'}</Cell>
              </Row>
            ))}
          </tbody>
        </Table>
      </Card>
      <nav aria-label="Pages of security events" className="flex items-center gap-2">
        <Button size="sm" disabled={page === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          Newer
        </Button>
        <span className="text-[12.5px] text-muted">Page {page + 1}</span>
        <Button size="sm" disabled={!events.data?.nextCursor} onClick={() => events.data?.nextCursor && setCursors([...cursors, events.data.nextCursor])}>
          Older
        </Button>
      </nav>
    </Screen>
  );
}
