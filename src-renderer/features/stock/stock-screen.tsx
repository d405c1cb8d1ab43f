import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { toAppError } from '../../app/app-error';
import { lotHref } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { navigate } from '../../app/use-route';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { Spinner } from '../../components/spinner';
import { expiresByFor, inExpiryWindow } from './expiry-window';
import { localIsoDate } from './format-date';
import { sortStock } from './sort-stock';
import { StockEmpty } from './stock-empty';
import { NO_FILTERS, StockFilters, type StockFilterValues } from './stock-filters';
import { StockSearch } from './stock-search';
import { StockTable } from './stock-table';
import { useDebouncedValue } from './use-debounced-value';

/** The stock screen: what is on hand, by lot and location, read from the encrypted local replica. */
export function StockScreen() {
  const trpc = useTRPC();
  const sectionRef = useRef<HTMLElement>(null);
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<StockFilterValues>(NO_FILTERS);
  const query = useDebouncedValue(search.trim(), 150);
  // Expiry bands count from the local calendar day, recomputed on every render (cheap).
  const today = localIsoDate();
  const expiresBy = expiresByFor(filters.expiry, today);
  // `{}` when unfiltered, so the list shares its cache entry with the status bar.
  const input = {
    ...(query === '' ? {} : { search: query }),
    ...(expiresBy ? { expiresBy } : {}),
    ...(filters.locationId ? { locationId: filters.locationId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
  const stock = useQuery({ ...trpc.stock.list.queryOptions(input), placeholderData: keepPreviousData });
  const data = stock.data;
  const rows = useMemo(() => sortStock((data?.rows ?? []).filter((r) => inExpiryWindow(r, filters.expiry, today)), filters.sort), [data, filters.expiry, filters.sort, today]);
  const searching = stock.isFetching && stock.isPlaceholderData;
  const filtered = filters.expiry !== 'all' || filters.locationId !== '' || filters.status !== '';
  const discrepancies = rows.filter((r) => r.discrepancy).length;
  const unsynced = rows.filter((r) => r.pendingSync).length;

  return (
    <section ref={sectionRef} aria-labelledby="stock-heading" className="flex min-h-0 flex-1 flex-col gap-3 p-4">
      <header className="flex flex-col gap-2.5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-baseline gap-2">
            <h1 id="stock-heading" className="text-[18px] font-semibold tracking-tight">
              Stock
            </h1>
            {data ? (
              <span className="text-[12.5px] text-muted tabular-nums">
                {rows.length === 1 ? '1 line' : `${rows.length.toLocaleString('en-US')}${data.truncated ? '+' : ''} lines`}
                {discrepancies > 0 ? ` · ${discrepancies} with a discrepancy` : ''}
                {unsynced > 0 ? ` · ${unsynced} not yet synced` : ''}
              </span>
            ) : null}
          </div>
          <StockSearch
            value={search}
            onChange={setSearch}
            busy={searching}
            onArrowDown={() => sectionRef.current?.querySelector<HTMLTableRowElement>('tbody tr[tabindex="0"]')?.focus()}
          />
        </div>
        <StockFilters value={filters} onChange={setFilters} />
      </header>

      {stock.isError ? <Alert title="Stock could not be loaded">{toAppError(stock.error).message}</Alert> : null}
      {data?.truncated && !(data.searchCapped && query !== '') ? (
        <Alert tone="info" title={`Only the ${data.total.toLocaleString('en-US')} lines expiring soonest are listed`}>
          There is more stock than that. Search, or filter by location, status or expiry, to see the rest; sorting orders the lines listed here.
        </Alert>
      ) : null}
      {data?.searchCapped && query !== '' ? (
        <Alert tone="info" title={`Many lots match “${query}”: only the first ${data.candidates} found are shown`}>
          They are not necessarily the ones that expire first. Add a strength, a lot number or an NDC to narrow the search.
        </Alert>
      ) : null}

      <Card className="flex min-h-0 flex-1 flex-col overflow-hidden">
        {stock.isPending ? (
          <div role="status" className="flex flex-1 items-center justify-center gap-2 text-muted">
            <Spinner /> Loading stock…
          </div>
        ) : rows.length === 0 && !stock.isError ? (
          <StockEmpty search={query} filtered={filtered} onClearSearch={() => setSearch('')} onClearFilters={() => setFilters({ ...NO_FILTERS, sort: filters.sort })} />
        ) : (
          <div className="flex min-h-0 flex-1 flex-col" aria-busy={searching || undefined}>
            <StockTable rows={rows} today={today} onOpen={(row) => navigate(lotHref(row.lotId))} />
          </div>
        )}
      </Card>
    </section>
  );
}
