import { useQuery } from '@tanstack/react-query';
import { lotStatusSchema, type LotStatus } from '../../../shared/inventory/stock-row';
import { useTRPC } from '../../app/trpc';
import { cx } from '../../components/cx';
import { inputClass } from '../../components/field';
import { EXPIRY_WINDOWS, isExpiryWindow, type ExpiryWindow } from './expiry-window';
import { isStockSort, STOCK_SORTS, type StockSort } from './sort-stock';

export interface StockFilterValues {
  expiry: ExpiryWindow;
  locationId: string;
  status: LotStatus | '';
  sort: StockSort;
}

export const NO_FILTERS: StockFilterValues = { expiry: 'all', locationId: '', status: '', sort: 'expiry' };

const STATUS_LABELS: Record<LotStatus, string> = { available: 'Available', quarantine: 'Quarantine', recalled: 'Recalled', expired: 'Expired', damaged: 'Damaged' };

/** Expiry window, location, status and order: compact labelled selects in one row. */
export function StockFilters({ value, onChange }: { value: StockFilterValues; onChange: (next: StockFilterValues) => void }) {
  const trpc = useTRPC();
  const locations = useQuery(trpc.stock.locations.queryOptions());
  return (
    <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <Compact label="Expiry" value={value.expiry} onChange={(v) => isExpiryWindow(v) && onChange({ ...value, expiry: v })}>
        {EXPIRY_WINDOWS.map((w) => (
          <option key={w.value} value={w.value}>
            {w.label}
          </option>
        ))}
      </Compact>
      <Compact label="Location" value={value.locationId} onChange={(v) => onChange({ ...value, locationId: v })}>
        <option value="">All locations</option>
        {(locations.data ?? []).map((l) => (
          <option key={l.id} value={l.id}>
            {l.label}
          </option>
        ))}
      </Compact>
      <Compact label="Status" value={value.status} onChange={(v) => onChange({ ...value, status: v === '' ? '' : lotStatusSchema.parse(v) })}>
        <option value="">Any status</option>
        {lotStatusSchema.options.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </Compact>
      <Compact label="Sort by" value={value.sort} onChange={(v) => isStockSort(v) && onChange({ ...value, sort: v })}>
        {STOCK_SORTS.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </Compact>
    </div>
  );
}

function Compact({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: React.ReactNode }) {
  return (
    <label className="flex items-center gap-1.5 text-[12px] font-medium text-muted">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} className={cx(inputClass(false).replace('w-full', 'w-auto'), 'h-7 max-w-52 pr-7 text-[12.5px]')}>
        {children}
      </select>
    </label>
  );
}
