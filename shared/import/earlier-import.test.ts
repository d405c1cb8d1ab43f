import { describe, expect, it } from 'vitest';
import { earlierOfSheet, type EarlierImport } from './earlier-import';

const at = { fileName: 'stock.xlsx', createdAt: '2026-11-22T10:00:00.000Z', createdByName: 'Lena Vogel', rowsImported: 10 };

describe('earlierOfSheet', () => {
  it('matches the same sheet of a workbook, not its other sheets', () => {
    const earlier: EarlierImport[] = [{ ...at, format: 'xlsx', sheet: 'Lager A' }];
    expect(earlierOfSheet(earlier, 'Lager A')).toBe(earlier[0]);
    expect(earlierOfSheet(earlier, 'Lager B')).toBeNull();
  });

  it('matches a CSV whatever its file (and so its one sheet) was called', () => {
    const earlier: EarlierImport[] = [{ ...at, fileName: 'stock.csv', format: 'csv', sheet: 'stock' }];
    expect(earlierOfSheet(earlier, 'stock copy')).toBe(earlier[0]);
    expect(earlierOfSheet([], 'stock')).toBeNull();
  });
});
