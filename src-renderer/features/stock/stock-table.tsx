import type { StockRow } from '../../../shared/inventory/stock-row';
import { Cell, HeaderCell, Row, Table } from '../../components/table';
import { ExpiryCell } from './expiry-cell';
import { formatNdc11 } from './format-ndc';
import { LotStatusBadge } from './lot-status-badge';

const quantityFormat = new Intl.NumberFormat('en-US');

/** Stock by lot × location. TanStack Virtual takes over when replicas hold 100k rows (later issue). */
export function StockTable({ rows, today }: { rows: readonly StockRow[]; today: string }) {
  return (
    <Table>
      <caption className="sr-only">Stock by lot and location</caption>
      <thead>
        <tr>
          <HeaderCell className="w-[32%]">Product</HeaderCell>
          <HeaderCell>NDC</HeaderCell>
          <HeaderCell>Lot</HeaderCell>
          <HeaderCell>Expiry</HeaderCell>
          <HeaderCell>Status</HeaderCell>
          <HeaderCell>Location</HeaderCell>
          <HeaderCell align="right">Quantity</HeaderCell>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Row key={`${row.lotId}:${row.locationId}`}>
            <Cell className="max-w-0 truncate font-medium" title={row.productName}>
              {row.productName}
            </Cell>
            <Cell className="font-mono text-[12px] text-fg/90">{formatNdc11(row.ndc11) ?? <span className="text-muted">—</span>}</Cell>
            <Cell className="font-mono text-[12px]">{row.lotNumber}</Cell>
            <Cell>
              <ExpiryCell expiry={row.expiry} today={today} />
            </Cell>
            <Cell>
              <LotStatusBadge status={row.status} />
            </Cell>
            <Cell>{row.location}</Cell>
            <Cell align="right">
              <span className="font-medium">{quantityFormat.format(row.quantity)}</span> <span className="text-muted">{row.unit}</span>
            </Cell>
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
