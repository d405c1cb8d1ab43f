import { describe, expect, it } from 'vitest';
import { EMPTY_PICK, pickLocationHint, validatePick, wantedQuantity } from './pick-form';

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

  it('says where the product is not, once its pickable stock is known', () => {
    expect(pickLocationHint(undefined, '')).toBeUndefined();
    expect(pickLocationHint([], '')).toBe('No location holds available, unexpired stock of this product.');
    expect(pickLocationHint([{ locationId: 'a' }], '')).toBeUndefined();
    expect(pickLocationHint([{ locationId: 'a' }], 'a')).toBeUndefined();
    expect(pickLocationHint([{ locationId: 'a' }], 'b')).toMatch(/^None of this product can be picked here/);
  });
});
