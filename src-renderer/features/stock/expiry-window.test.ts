import { describe, expect, it } from 'vitest';
import { expiresByFor, inExpiryWindow } from './expiry-window';

describe('expiry windows', () => {
  it('gives the query bound in calendar days, across month, leap-day and year ends', () => {
    expect(expiresByFor('all', '2027-03-01')).toBeUndefined();
    expect(expiresByFor('expired', '2027-03-01')).toBe('2027-02-28');
    expect(expiresByFor('14', '2027-03-01')).toBe('2027-03-15');
    expect(expiresByFor('7', '2028-02-22')).toBe('2028-02-29');
    expect(expiresByFor('30', '2027-12-25')).toBe('2028-01-24');
  });

  it('matches the colour bands: usable through the expiry date', () => {
    const today = '2027-03-01';
    expect(inExpiryWindow({ expiry: '2027-03-01' }, '7', today)).toBe(true);
    expect(inExpiryWindow({ expiry: '2027-02-28' }, '7', today)).toBe(false);
    expect(inExpiryWindow({ expiry: '2027-02-28' }, 'expired', today)).toBe(true);
    expect(inExpiryWindow({ expiry: '2027-03-31' }, '30', today)).toBe(true);
    expect(inExpiryWindow({ expiry: '2027-04-01' }, '30', today)).toBe(false);
    expect(inExpiryWindow({ expiry: 'unknown' }, 'expired', today)).toBe(false);
  });
});
