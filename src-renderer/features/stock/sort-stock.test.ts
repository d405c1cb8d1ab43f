import { describe, expect, it } from 'vitest';
import type { StockRow } from '../../../shared/inventory/stock-row';
import { sortStock } from './sort-stock';

const row = (productName: string, lotNumber: string, expiry: string, location: string): StockRow => ({
  lotId: `${productName}-${lotNumber}`,
  locationId: location,
  productId: productName,
  productName,
  ndc11: null,
  lotNumber,
  expiry,
  status: 'available',
  location,
  quantity: 1,
  unit: 'each',
  discrepancy: false,
  pendingSync: false,
});

const rows = [row('Zinc', 'L10', '2027-01-01', 'B / 2'), row('amoxicillin', 'L9', '2028-01-01', 'A / 10'), row('Amoxicillin', 'L2', '2027-06-01', 'A / 9')];

describe('sortStock', () => {
  it('sorts by each key, numbers in lot and bin names in numeric order', () => {
    expect(sortStock(rows, 'expiry').map((r) => r.lotNumber)).toEqual(['L10', 'L2', 'L9']);
    expect(sortStock(rows, 'product').map((r) => r.lotNumber)).toEqual(['L2', 'L9', 'L10']);
    expect(sortStock(rows, 'lot').map((r) => r.lotNumber)).toEqual(['L2', 'L9', 'L10']);
    expect(sortStock(rows, 'location').map((r) => r.location)).toEqual(['A / 9', 'A / 10', 'B / 2']);
  });
});
