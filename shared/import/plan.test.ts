import { describe, expect, it } from 'vitest';
import { autoMap } from './auto-map';
import { MIN_QUANTITIES_FOR_OUTLIERS, outlierThreshold, planImport } from './plan';
import { fixtureSheet, profilesOf } from './sheets.fixture';
import type { Cell } from './types';

function planFor(rows: Cell[][], dateOrders?: Record<number, 'MDY' | 'DMY' | 'YMD'>) {
  const [header = [], ...data] = rows;
  const profiles = profilesOf(data, header.length);
  const mapping = autoMap(header.map(String), profiles);
  return planImport(mapping, profiles, { today: '2025-06-30', dateSystem: '1900', dateOrders });
}

describe('planImport', () => {
  it('decides the date order of the real OpenBoxes sheet (MM/DD/YYYY) and copies the options', () => {
    const plan = planFor(fixtureSheet('openboxes-boston-warehouse'));
    expect(plan).toMatchObject({ dateSystem: '1900', today: '2025-06-30', dateOrders: { 3: 'MDY' }, ambiguousDateColumns: [] });
    expect(plan.mapping).toHaveLength(8);
  });

  it('lists date columns whose order the values cannot settle, and takes the user\'s choice over them', () => {
    const rows: Cell[][] = [
      ['Lot', 'Expiry', 'Mfg date', 'Qty', 'Product'],
      ['A', '01/02/2027', '01/31/2025', 1, 'X'],
      ['B', '03/04/2027', '13/01/2025', 2, 'Y'],
    ];
    expect(planFor(rows)).toMatchObject({ dateOrders: { 1: null, 2: null }, ambiguousDateColumns: [1, 2] });
    expect(planFor(rows, { 1: 'DMY' })).toMatchObject({ dateOrders: { 1: 'DMY', 2: null }, ambiguousDateColumns: [2] });
  });

  it('needs no order (and asks for none) for month-year expiries', () => {
    expect(planFor([['Lot', 'Exp', 'Qty', 'NDC'], ['A', '06/2027', 1, '0378-1800-01']])).toMatchObject({ dateOrders: { 1: null }, ambiguousDateColumns: [] });
  });

  it('sets no outlier threshold without a quantity column or with too few quantities', () => {
    expect(planFor([['Lot', 'Expiry'], ['A', '2027-01-01']]).quantityOutlierAbove).toBeNull();
    expect(planFor([['Lot', 'Expiry', 'Qty'], ['A', '2027-01-01', 5]]).quantityOutlierAbove).toBeNull();
  });

  it('sets a threshold on the real sheets that none of their counts reaches', () => {
    // Legitimately skewed: a warehouse holds 1 desk and 27,440 tablets of isoniazid.
    for (const name of ['openboxes-boston-warehouse', 'openboxes-chicago-warehouse', 'openboxes-main-warehouse']) {
      const sheet = fixtureSheet(name);
      const largest = Math.max(...sheet.slice(1).map((r) => Number(r[6]) || 0));
      expect(planFor(sheet).quantityOutlierAbove).toBeGreaterThan(largest);
    }
  });
});

describe('outlierThreshold', () => {
  it('needs at least 20 positive counts', () => {
    expect(MIN_QUANTITIES_FOR_OUTLIERS).toBe(20);
    expect(outlierThreshold(Array<number>(19).fill(10))).toBeNull();
    expect(outlierThreshold([...Array<number>(19).fill(10), 0, 0, 0])).toBeNull();
    expect(outlierThreshold(Array<number>(20).fill(10))).toBe(100);
  });

  it('flags an extra typed zero in a uniform file: ten times the median at least', () => {
    const counts = Array.from({ length: 100 }, (_, i) => 90 + (i % 20));
    const threshold = outlierThreshold(counts) ?? 0;
    expect(threshold).toBeGreaterThanOrEqual(990);
    expect(threshold).toBeLessThan(2_000);
    expect(1_000 * 10).toBeGreaterThan(threshold);
  });

  it('widens with the spread of counts (log scale), and one huge value cannot move it', () => {
    const spread = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 3, 30, 300, 3_000, 7, 70, 700];
    const base = outlierThreshold(spread) ?? 0;
    expect(base).toBeGreaterThan(10_000);
    expect(outlierThreshold([...spread, 9_000_000])).toBeLessThan(base * 2);
  });
});
