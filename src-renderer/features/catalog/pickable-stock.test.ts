import { describe, expect, it } from 'vitest';
import type { StockRow } from '../../../shared/inventory/stock-row';
import { pickableByLocation } from './pickable-stock';

const today = '2026-11-22';
const line = (locationId: string, lotId: string, expiry: string, quantity: number, status: StockRow['status'] = 'available'): StockRow => ({
  lotId,
  locationId,
  productId: 'p',
  productName: 'Amoxicillin 500 mg capsule',
  ndc11: '00093310905',
  lotNumber: lotId.toUpperCase(),
  expiry,
  status,
  location: locationId,
  quantity,
  unit: 'bottle',
  discrepancy: false,
  pendingSync: false,
});

describe('pickableByLocation', () => {
  it('sums what FEFO may take at each location, with the earliest expiry', () => {
    const held = pickableByLocation([line('a', 'l1', '2027-05-01', 40), line('a', 'l2', '2027-01-31', 12), line('b', 'l3', '2028-01-01', 5)], today);
    expect(held.get('a')).toEqual({ quantity: 52, unit: 'bottle', lots: 2, soonest: '2027-01-31' });
    expect(held.get('b')).toEqual({ quantity: 5, unit: 'bottle', lots: 1, soonest: '2028-01-01' });
  });

  it('leaves out quarantined, recalled and expired lots and lines at or below zero', () => {
    const held = pickableByLocation(
      [line('q', 'l1', '2027-05-01', 40, 'quarantine'), line('r', 'l2', '2027-05-01', 40, 'recalled'), line('x', 'l3', '2026-11-21', 40), line('n', 'l4', '2027-05-01', -3), line('ok', 'l5', today, 1)],
      today,
    );
    // A lot is usable through its expiry date, as FEFO has it (shared/inventory/fefo.ts).
    expect([...held.keys()]).toEqual(['ok']);
  });
});
