import { PackageOpen, SearchX } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '../../components/button';

export interface StockEmptyProps {
  search: string;
  /** Whether any filter (expiry, location, status) is set. */
  filtered: boolean;
  onClearSearch: () => void;
  onClearFilters: () => void;
}

/** What the stock screen shows with no rows: filters or a search that matched nothing, or an empty replica. */
export function StockEmpty({ search, filtered, onClearSearch, onClearFilters }: StockEmptyProps) {
  if (filtered && search === '') {
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-2 py-16 text-[13px] text-muted">
        <p>No stock matches these filters.</p>
        <Button size="sm" onClick={onClearFilters}>
          Clear filters
        </Button>
      </div>
    );
  }
  if (search !== '') {
    return (
      <EmptyFrame icon={<SearchX aria-hidden="true" className="size-6" />} title={`No stock matches “${search}”`}>
        <p>Check the spelling, or search by NDC, lot number or location.</p>
        <Button variant="secondary" size="sm" className="mt-3" onClick={onClearSearch}>
          Clear search
        </Button>
      </EmptyFrame>
    );
  }
  return (
    <EmptyFrame icon={<PackageOpen aria-hidden="true" className="size-6" />} title="No stock in this replica yet">
      <p>Stock appears here once it is received at one of your locations or synced from the Atlas server.</p>
    </EmptyFrame>
  );
}

function EmptyFrame({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center px-6 py-16 text-center">
      <div className="mb-3 flex size-11 items-center justify-center rounded-full border border-line bg-surface-2 text-muted">{icon}</div>
      <h2 className="text-[14px] font-semibold text-fg">{title}</h2>
      <div className="mt-1 max-w-sm text-[13px] text-muted">{children}</div>
    </div>
  );
}
