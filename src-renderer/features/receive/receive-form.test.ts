import { describe, expect, it } from 'vitest';
import { EMPTY_RECEIVE, toReceiveCommand, validateReceive } from './receive-form';

const good = { ...EMPTY_RECEIVE, productId: crypto.randomUUID(), locationId: crypto.randomUUID(), lotNumber: '0042/a', expiry: '12 Mar 2027', quantity: '1,200' };

describe('receive form', () => {
  it('builds the command, keeping the lot number as typed', () => {
    expect(validateReceive(good)).toEqual({});
    expect(toReceiveCommand(good)).toMatchObject({ lotNumber: '0042/a', expiry: '2027-03-12', quantity: 1200, serial: null, manufacturedOn: null });
  });

  it('names every missing field in words', () => {
    expect(validateReceive(EMPTY_RECEIVE)).toEqual({
      productId: 'Choose the product, or scan its barcode.',
      lotNumber: 'Enter the lot number.',
      expiry: 'Enter the expiry date.',
      locationId: 'Choose where the stock goes.',
      quantity: 'Enter the quantity received.',
    });
  });

  it('refuses ambiguous dates and fractional quantities', () => {
    const errors = validateReceive({ ...good, expiry: '03/12/27', quantity: '2.5' });
    expect(errors.expiry).toMatch(/2027-03-12/);
    expect(errors.quantity).toBe('Must be a whole number.');
  });
});
