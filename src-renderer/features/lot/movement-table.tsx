import type { RouterOutputs } from '../../app/router-types';
import { Cell, FlagsHeaderCell, HeaderCell, Row, Table } from '../../components/table';
import { StockFlags } from '../stock/stock-markers';
import { formatDateTime } from '../sync/relative-time';
import { formatSignedQuantity, movementKindLabel } from './movement-kind';

type Movement = RouterOutputs['stock']['lot']['movements'][number];

export function MovementTable({ movements, unit }: { movements: readonly Movement[]; unit: string }) {
  return (
    <Table>
      <caption className="sr-only">Movement history of this lot, newest first</caption>
      <thead>
        <tr>
          <HeaderCell>When</HeaderCell>
          <HeaderCell>Movement</HeaderCell>
          <HeaderCell align="right">Quantity</HeaderCell>
          <HeaderCell>Location</HeaderCell>
          <HeaderCell>Reason / reference</HeaderCell>
          <HeaderCell>Serial</HeaderCell>
          <FlagsHeaderCell />
        </tr>
      </thead>
      <tbody>
        {movements.map((m) => (
          <Row key={m.id} className={m.discrepancy ? 'bg-warn-soft/40' : undefined}>
            <Cell className="tabular-nums">
              <time dateTime={m.occurredAt}>{formatDateTime(m.occurredAt)}</time>
            </Cell>
            <Cell>{movementKindLabel(m.kind)}</Cell>
            <Cell align="right">
              <span className={m.quantity < 0 ? 'font-medium text-danger' : m.quantity > 0 ? 'font-medium text-ok' : 'text-muted'}>{formatSignedQuantity(m.quantity)}</span>
              {m.quantity !== 0 ? <span className="text-muted"> {unit}</span> : null}
            </Cell>
            <Cell>{m.location}</Cell>
            <Cell className="max-w-72 truncate" title={[m.reason, m.externalRef].filter(Boolean).join(' · ')}>
              {[m.reason, m.externalRef].filter(Boolean).join(' · ') || <span className="text-muted">—</span>}
            </Cell>
            <Cell className="font-mono text-[12px]">{m.serial ?? <span className="text-muted">—</span>}</Cell>
            <Cell>
              <StockFlags discrepancy={m.discrepancy} pendingSync={m.pendingSync} />
            </Cell>
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
