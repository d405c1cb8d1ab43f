import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { StockRow } from '../../../shared/inventory/stock-row';
import { cx } from '../../components/cx';
import { Cell, FlagsHeaderCell, HeaderCell, Row, Table } from '../../components/table';
import { ExpiryCell } from './expiry-cell';
import { formatNdc11 } from './format-ndc';
import { LotStatusBadge } from './lot-status-badge';
import { StockFlags } from './stock-markers';

const quantityFormat = new Intl.NumberFormat('en-US');
/** h-8 plus the 1px bottom border. */
const ROW_HEIGHT = 33;

export interface StockTableProps {
  rows: readonly StockRow[];
  today: string;
  onOpen: (row: StockRow) => void;
}

/**
 * Stock by lot × location. Only the rows in view are in the DOM (TanStack Virtual), padded above
 * and below, so 5,000 lines scroll smoothly; aria-rowcount/rowindex keep the real size known to
 * screen readers. Arrow keys move between lines (one tab stop for the whole table), Enter opens.
 */
export function StockTable({ rows, today, onOpen }: StockTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const current = Math.min(active, Math.max(rows.length - 1, 0));

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // The row may only exist after the virtualizer re-renders.
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${next}"]`)?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number, row: StockRow) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 330) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: rows.length - 1 };
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(row);
    } else if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key] ?? index);
    }
  }

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto">
      <Table aria-rowcount={rows.length + 1}>
        <caption className="sr-only">Stock by lot and location. Use the arrow keys to move between lines and Enter to open a lot.</caption>
        <thead>
          <tr aria-rowindex={1}>
            <HeaderCell className="w-[28%]">Product</HeaderCell>
            <HeaderCell>NDC</HeaderCell>
            <HeaderCell>Lot</HeaderCell>
            <HeaderCell>Expiry</HeaderCell>
            <HeaderCell>Status</HeaderCell>
            <HeaderCell>Location</HeaderCell>
            <HeaderCell align="right">Quantity</HeaderCell>
            <FlagsHeaderCell />
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={8} style={{ height: paddingTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <Row
                key={`${row.lotId}:${row.locationId}`}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                tabIndex={item.index === current ? 0 : -1}
                onFocus={() => setActive(item.index)}
                onClick={() => onOpen(row)}
                onKeyDown={(e) => onKeyDown(e, item.index, row)}
                className={cx('cursor-default outline-none focus-visible:bg-accent-soft/60 focus-visible:[&>td:first-child]:shadow-[inset_3px_0_0_var(--focus)]', row.discrepancy && 'bg-warn-soft/40')}
              >
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
                <Cell className="max-w-48 truncate" title={row.location}>
                  {row.location}
                </Cell>
                <Cell align="right">
                  <span className={cx('font-medium', row.quantity < 0 && 'text-danger')}>{quantityFormat.format(row.quantity)}</span> <span className="text-muted">{row.unit}</span>
                </Cell>
                <Cell>
                  <StockFlags discrepancy={row.discrepancy} pendingSync={row.pendingSync} />
                </Cell>
              </Row>
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={8} style={{ height: paddingBottom }} />
            </tr>
          ) : null}
        </tbody>
      </Table>
    </div>
  );
}
