import type { StockRow } from '../../../shared/inventory/stock-row';

export const STOCK_SORTS = [
  { value: 'expiry', label: 'Expiry (soonest first)' },
  { value: 'product', label: 'Product' },
  { value: 'lot', label: 'Lot number' },
  { value: 'location', label: 'Location' },
] as const;
export type StockSort = (typeof STOCK_SORTS)[number]['value'];

export function isStockSort(value: string): value is StockSort {
  return STOCK_SORTS.some((s) => s.value === value);
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Rows in the chosen order; each order falls back to expiry, then product, so it is stable. */
export function sortStock(rows: readonly StockRow[], sort: StockSort): StockRow[] {
  const byExpiry = (a: StockRow, b: StockRow) => (a.expiry < b.expiry ? -1 : a.expiry > b.expiry ? 1 : 0);
  const byProduct = (a: StockRow, b: StockRow) => collator.compare(a.productName, b.productName);
  const compare: Record<StockSort, (a: StockRow, b: StockRow) => number> = {
    expiry: (a, b) => byExpiry(a, b) || byProduct(a, b) || collator.compare(a.lotNumber, b.lotNumber),
    product: (a, b) => byProduct(a, b) || byExpiry(a, b) || collator.compare(a.location, b.location),
    lot: (a, b) => collator.compare(a.lotNumber, b.lotNumber) || byProduct(a, b) || collator.compare(a.location, b.location),
    location: (a, b) => collator.compare(a.location, b.location) || byProduct(a, b) || byExpiry(a, b),
  };
  return [...rows].sort(compare[sort]);
}
