import type { QaAuditEvent, QaVersion } from './qa-types';
import { Cell, EmptyRow, HeaderCell, Row, Table } from '../../components/table';
import { cx } from '../../components/cx';
import { PendingSyncBadge, QaStatusBadge } from './qa-badges';
import { fieldPathLabel, formatUtc, formatValue } from './qa-format';

/**
 * The audit trail (21 CFR 11.10(e), Annex 11 §9): computer-generated from the ledger, in order,
 * each event with when, who, what, why, and every changed field's value before and after — the
 * earlier value is shown struck through, never hidden.
 */
export function AuditTrail({ events }: { events: QaAuditEvent[] }) {
  return (
    <div className="overflow-x-auto rounded-md border border-line">
      <Table>
        <caption className="sr-only">Audit trail</caption>
        <thead>
          <tr>
            <HeaderCell>When (UTC)</HeaderCell>
            <HeaderCell>Who</HeaderCell>
            <HeaderCell>Action</HeaderCell>
            <HeaderCell>Reason</HeaderCell>
            <HeaderCell className="w-[38%]">Changes (before → after)</HeaderCell>
          </tr>
        </thead>
        <tbody>
          {events.length === 0 ? <EmptyRow colSpan={5}>No event yet.</EmptyRow> : null}
          {events.map((e, i) => (
            <Row key={`${e.seq ?? 'p'}-${i}`} className="align-top">
              <Cell className="tabular-nums">
                {formatUtc(e.at)}
                {e.pending ? (
                  <div className="mt-0.5">
                    <PendingSyncBadge />
                  </div>
                ) : e.seq !== null ? (
                  <div className="text-[11.5px] text-muted">Ledger #{e.seq}</div>
                ) : null}
              </Cell>
              <Cell>{e.actor.printedName}</Cell>
              <Cell className="whitespace-normal">{e.action}</Cell>
              <Cell className="whitespace-normal">{e.reason ?? <span className="text-muted">—</span>}</Cell>
              <Cell className="whitespace-normal">
                {e.changes.length === 0 ? (
                  <span className="text-muted">—</span>
                ) : (
                  <ul className="space-y-0.5 text-[12.5px]">
                    {e.changes.map((c) => (
                      <li key={c.path}>
                        <span className="font-medium">{fieldPathLabel(c.path)}</span>: <del className="text-muted">{formatValue(c.before)}</del> → <ins className="no-underline">{formatValue(c.after)}</ins>
                      </li>
                    ))}
                  </ul>
                )}
              </Cell>
            </Row>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

const CHANGE_WORDS = { create: 'Created', edit: 'Edited', amend: 'Amended', void: 'Voided' } as const;

/** Every version, newest first; choosing one shows its content and signatures above. */
export function VersionHistory({ versions, selected, onSelect }: { versions: QaVersion[]; selected: number; onSelect: (version: number) => void }) {
  const newestFirst = [...versions].reverse();
  return (
    <div className="overflow-x-auto rounded-md border border-line">
      <Table>
        <caption className="sr-only">Version history</caption>
        <thead>
          <tr>
            <HeaderCell align="right">Version</HeaderCell>
            <HeaderCell>Status</HeaderCell>
            <HeaderCell>Change</HeaderCell>
            <HeaderCell>By</HeaderCell>
            <HeaderCell>Written (UTC)</HeaderCell>
            <HeaderCell align="right">Signatures</HeaderCell>
            <HeaderCell>Record hash</HeaderCell>
            <HeaderCell>Ledger</HeaderCell>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((v) => {
            const r = v.record;
            const active = r.version === selected;
            return (
              <Row key={r.version} aria-selected={active} className={cx('cursor-default', active && 'bg-accent-soft/50')} onClick={() => onSelect(r.version)}>
                <Cell align="right">
                  <button type="button" className="font-medium text-accent hover:underline" aria-label={`Show version ${r.version}`} onClick={() => onSelect(r.version)}>
                    v{r.version}
                  </button>
                </Cell>
                <Cell>
                  <QaStatusBadge status={v.status} />
                </Cell>
                <Cell className="whitespace-normal">
                  {CHANGE_WORDS[r.change.kind]}
                  {r.change.reason ? <span className="text-muted"> — {r.change.reason}</span> : null}
                </Cell>
                <Cell>{r.createdBy.printedName}</Cell>
                <Cell className="tabular-nums">{formatUtc(r.createdAt)}</Cell>
                <Cell align="right">{v.signatures.length}</Cell>
                <Cell className="font-mono text-[11.5px]" title={v.recordHash}>
                  {v.recordHash.slice(0, 12)}…
                </Cell>
                <Cell>{v.seq === null ? <PendingSyncBadge /> : <span className="text-muted">#{v.seq}</span>}</Cell>
              </Row>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
