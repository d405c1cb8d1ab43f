import { describe, expect, it } from 'vitest';
import { countVariance, defaultLotAction, validateAdjust, validateCount, validateStatus, validateTransfer } from './command-forms';

const line = { lotId: crypto.randomUUID(), locationId: crypto.randomUUID() };

describe('command forms', () => {
  it('transfer needs another location and a quantity', () => {
    expect(validateTransfer(line, { line: 'x', toLocationId: line.locationId, quantity: '5', reference: '' }).toLocationId).toMatch(/other than/);
    expect(validateTransfer(null, { line: '', toLocationId: '', quantity: '', reference: '' })).toMatchObject({
      line: expect.stringMatching(/Choose the lot/),
      toLocationId: 'Choose where the stock goes.',
      quantity: 'Enter how many to move.',
    });
    expect(validateTransfer(line, { line: 'x', toLocationId: crypto.randomUUID(), quantity: '5', reference: '' })).toEqual({});
  });

  it('adjust needs a signed, non-zero change and a reason; "other" needs a note', () => {
    expect(validateAdjust(line, { line: 'x', delta: '-3', reasonCode: 'damaged', note: '' })).toEqual({});
    expect(validateAdjust(line, { line: 'x', delta: '0', reasonCode: '', note: '' })).toMatchObject({ delta: 'Must not be 0.', reasonCode: 'Choose a reason for the adjustment.' });
    expect(validateAdjust(line, { line: 'x', delta: '2', reasonCode: 'other', note: ' ' }).note).toMatch(/Explain/);
  });

  it('count accepts zero and shows the variance', () => {
    expect(validateCount(line, { line: 'x', countedQuantity: '0' })).toEqual({});
    expect(validateCount(line, { line: 'x', countedQuantity: '-1' }).countedQuantity).toBe('Cannot be negative.');
    expect(countVariance(40, '37')).toBe(-3);
    expect(countVariance(40, '')).toBeNull();
  });

  it('status changes need a reason', () => {
    expect(validateStatus(line, { line: 'x', reason: '', reference: '' }).reason).toMatch(/reason/);
    expect(defaultLotAction('quarantine')).toBe('release');
    expect(defaultLotAction('available')).toBe('quarantine');
  });
});
