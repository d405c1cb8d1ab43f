import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { Spinner } from '../../components/spinner';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { localIsoDate } from './format-date';
import { StockEmpty } from './stock-empty';
import { StockSearch } from './stock-search';
import { StockTable } from './stock-table';
import { useDebouncedValue } from './use-debounced-value';

/** The stock screen: what is on hand, by lot and location, read from the encrypted local replica. */
export function StockScreen() {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 150);
  // `{}` rather than `{search: ''}` so the unfiltered list shares its cache entry with the status bar.
  const input = query === '' ? {} : { search: query };
  const stock = useQuery({ ...trpc.stock.list.queryOptions(input), placeholderData: keepPreviousData });
  // Expiry bands count from the local calendar day, recomputed on every render (cheap).
  const today = localIsoDate();
  const rows = stock.data?.rows ?? [];
  const searching = stock.isFetching && stock.isPlaceholderData;

  return (
    <section aria-labelledby="stock-heading" className="flex min-h-0 flex-1 flex-col gap-3 p-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-baseline gap-2">
          <h1 id="stock-heading" className="text-[18px] font-semibold tracking-tight">
            Stock
          </h1>
          {stock.data ? (
            <span className="text-[12.5px] text-muted tabular-nums">
              {stock.data.total === 1 ? '1 line' : `${stock.data.total.toLocaleString('en-US')} lines`}
            </span>
          ) : null}
        </div>
        <StockSearch value={search} onChange={setSearch} busy={searching} />
      </header>

      {stock.isError ? <Alert title="Stock could not be loaded">{toAppError(stock.error).message}</Alert> : null}

      <Card className="flex min-h-0 flex-1 flex-col overflow-hidden">
        {stock.isPending ? (
          <div role="status" className="flex flex-1 items-center justify-center gap-2 text-muted">
            <Spinner /> Loading stock…
          </div>
        ) : rows.length === 0 && !stock.isError ? (
          <StockEmpty search={query} onClearSearch={() => setSearch('')} />
        ) : (
          <div className="min-h-0 flex-1 overflow-auto" aria-busy={searching || undefined}>
            <StockTable rows={rows} today={today} />
          </div>
        )}
      </Card>
    </section>
  );
}
