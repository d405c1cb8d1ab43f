import { describe, expect, it } from 'vitest';
import { daysLeft, describeExpiry, expiryBand } from './expiry-band';

const today = '2027-03-01';

// The band boundaries are tested with shared/inventory/expiry; here, that each shared band
// reaches the screen under its name, and that a value that is not a date is `unknown`.
describe('expiryBand', () => {
  it.each([
    ['2027-02-28', 'expired'],
    ['2027-03-01', 'within-7'],
    ['2027-03-15', 'within-14'],
    ['2027-03-31', 'within-30'],
    ['2027-04-01', 'ok'],
    ['not-a-date', 'unknown'],
  ] as const)('%s → %s', (expiry, band) => {
    expect(expiryBand(expiry, today)).toBe(band);
  });

  it('counts calendar days across a DST change and a leap day', () => {
    expect(daysLeft('2027-03-15', '2027-03-13')).toBe(2);
    expect(daysLeft('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysLeft('2028-01-01', '2027-01-01')).toBe(365);
  });

  it('is null, not an error, for a value that is not a date', () => {
    expect(daysLeft('2027-02-30', today)).toBeNull();
    expect(daysLeft('2027-03-01', '03/01/2027')).toBeNull();
    expect(describeExpiry('soon', today)).toBeNull();
  });
});

describe('describeExpiry', () => {
  it('puts the band into words', () => {
    expect(describeExpiry('2027-02-27', today)).toBe('Expired 2 days ago');
    expect(describeExpiry('2027-02-28', today)).toBe('Expired yesterday');
    expect(describeExpiry('2027-03-01', today)).toBe('Expires today');
    expect(describeExpiry('2027-03-02', today)).toBe('Expires tomorrow');
    expect(describeExpiry('2027-03-20', today)).toBe('Expires in 19 days');
    expect(describeExpiry('2027-06-01', today)).toBeNull();
  });
});
