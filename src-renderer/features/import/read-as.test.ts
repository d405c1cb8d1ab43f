import { describe, expect, it } from 'vitest';
import type { NormalizedRow } from '../../../shared/import/types';
import { readAs } from './read-as';

const row: NormalizedRow = {
  row: 2, ndc11: '00093310905', gtin: null, productCode: null, productName: 'Amoxicillin 500 mg', manufacturer: null, strength: null, dosageForm: null,
  productId: null, lotNumber: 'A1', expiry: '2022-06-30', manufacturedOn: null, quantity: 1200, unit: null, location: null, unitCost: null, price: null, notes: null,
};

describe('readAs', () => {
  it('shows the date an Excel serial or a day-first date stands for, in a row with errors too', () => {
    expect(readAs({ ndc11: null, expiry: '2022-06-30', manufacturedOn: null, quantity: null }, 'expiry', '44742')).toBe('2022-06-30');
    expect(readAs(row, 'expiry', '44742')).toBe('2022-06-30');
    expect(readAs(row, 'expiry', '30.06.2022')).toBe('2022-06-30');
  });

  it('shows a repaired NDC in 5-4-2 form and a number read with thousands separators', () => {
    expect(readAs(row, 'ndc', '93310905')).toBe('00093-3109-05');
    expect(readAs(row, 'quantity', '1.200')).toBe('1200');
  });

  it('says nothing when the cell reads as written, could not be read, or is in another column', () => {
    expect(readAs(row, 'expiry', ' 2022-06-30 ')).toBeNull();
    expect(readAs(row, 'ndc', '00093-3109-05')).toBeNull();
    expect(readAs(row, 'quantity', '1200')).toBeNull();
    expect(readAs(row, 'manufacturedOn', '')).toBeNull();
    expect(readAs(row, 'lot', ' A1')).toBeNull();
    expect(readAs(null, 'expiry', '44742')).toBeNull();
    expect(readAs(row, null, '44742')).toBeNull();
    expect(readAs({ ndc11: null, expiry: '2022-06-30', manufacturedOn: null, quantity: null }, 'quantity', 'lots')).toBeNull();
  });
});
