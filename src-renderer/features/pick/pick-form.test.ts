import { describe, expect, it } from 'vitest';
import { EMPTY_PICK, validatePick, wantedQuantity } from './pick-form';

describe('pick form', () => {
  it('needs product, location and a positive whole quantity', () => {
    expect(Object.keys(validatePick(EMPTY_PICK, 'fefo'))).toEqual(['productId', 'locationId', 'quantity']);
    expect(validatePick({ ...EMPTY_PICK, productId: 'p', locationId: 'l', quantity: '0' }, 'fefo')).toEqual({ quantity: 'Must be more than 0.' });
    expect(validatePick({ ...EMPTY_PICK, productId: 'p', locationId: 'l', quantity: '3' }, 'lot')).toEqual({ lotId: 'Choose the lot you pick.' });
  });

  it('asks FEFO only for a usable quantity', () => {
    expect(wantedQuantity('30')).toBe(30);
    expect(wantedQuantity('2.5')).toBeNull();
    expect(wantedQuantity('-1')).toBeNull();
  });
});
