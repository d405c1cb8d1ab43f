import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cx } from './cx';

/** Dense data-table pieces: a real <table> so screen readers announce headers for every cell. */
export function Table({ className, ...rest }: HTMLAttributes<HTMLTableElement>) {
  return <table className={cx('w-full border-separate border-spacing-0 text-[13px]', className)} {...rest} />;
}

export function HeaderCell({ className, align = 'left', ...rest }: ThHTMLAttributes<HTMLTableCellElement> & { align?: 'left' | 'right' }) {
  return (
    <th
      scope="col"
      className={cx(
        'sticky top-0 z-10 h-8 border-b border-line bg-surface-2 px-3 text-[11.5px] font-semibold tracking-wide whitespace-nowrap text-muted uppercase',
        align === 'right' ? 'text-right' : 'text-left',
        className,
      )}
      {...rest}
    />
  );
}

export function Row({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cx('group hover:bg-surface-2/70', className)} {...rest} />;
}

export function Cell({ className, align = 'left', ...rest }: TdHTMLAttributes<HTMLTableCellElement> & { align?: 'left' | 'right' }) {
  return <td className={cx('h-8 border-b border-line px-3 whitespace-nowrap', align === 'right' ? 'text-right tabular-nums' : 'text-left', className)} {...rest} />;
}

/** The last column of a table whose cells hold badges (discrepancy, not synced…): named for screen readers only. */
export function FlagsHeaderCell() {
  return (
    <HeaderCell>
      <span className="sr-only">Flags</span>
    </HeaderCell>
  );
}

/** The column of per-row buttons (revoke, remove, undo…): it needs no visible title, but screen readers announce one. */
export function ActionsHeaderCell() {
  return (
    <HeaderCell>
      <span className="sr-only">Actions</span>
    </HeaderCell>
  );
}

/** The one row of a table with nothing to list, saying why (and what to do). */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <Row>
      <Cell colSpan={colSpan} className="text-muted">
        {children}
      </Cell>
    </Row>
  );
}
