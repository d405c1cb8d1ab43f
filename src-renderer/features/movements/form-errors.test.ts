import { describe, expect, it } from 'vitest';
import { receiveCommand } from '../../../shared/inventory/mutations';
import { commandFailure, validateWith } from './form-errors';

const fields = ['productId', 'lotNumber', 'expiry', 'locationId', 'quantity'] as const;
const good = { productId: crypto.randomUUID(), lotNumber: '0042/A', expiry: '2027-03-12', locationId: crypto.randomUUID(), quantity: 5 };

describe('validateWith', () => {
  it('accepts a valid receive', () => {
    expect(validateWith(receiveCommand, good, fields)).toEqual({});
  });

  it('puts the shared schema’s messages under their fields, as sentences', () => {
    const errors = validateWith(receiveCommand, { ...good, lotNumber: '', quantity: 0, expiry: '2027-02-30' }, fields);
    expect(errors).toEqual({ lotNumber: 'Enter the lot number.', quantity: 'Must be more than 0.', expiry: 'Is not a real calendar date.' });
  });
});

describe('commandFailure', () => {
  it('splits issues from the desktop core between fields and the alert', () => {
    const err = { data: { app: { code: 'validation/invalid-input', message: 'x', issues: [{ path: 'quantity', message: 'must be a whole number' }, { path: 'movementId', message: 'bad' }] } } };
    expect(commandFailure(err, fields)).toEqual({ message: 'Some details need fixing. bad', byField: { quantity: 'Must be a whole number.' } });
  });

  it('shows an error without issues as it is', () => {
    const err = { data: { app: { code: 'inventory/unknown-lot', message: 'That lot is not in this replica.' } } };
    expect(commandFailure(err, fields)).toEqual({ message: 'That lot is not in this replica.', byField: {} });
  });
});
