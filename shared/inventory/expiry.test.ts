import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, daysUntil, expiryBand, isExpired, lastDayOfMonth, parseIsoDate, toIsoDate } from './expiry';

const today = '2027-03-01';

describe('calendar', () => {
  it('knows month lengths and leap years (Gregorian: 1900 no, 2000 yes)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => lastDayOfMonth(2027, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(lastDayOfMonth(2028, 2)).toBe(29);
    expect(lastDayOfMonth(1900, 2)).toBe(28);
    expect(lastDayOfMonth(2000, 2)).toBe(29);
  });

  it('parses only real YYYY-MM-DD dates', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    for (const bad of ['2027-02-29', '2021-02-30', '2021-13-01', '2021-00-10', '2021-1-1', '21-03-01', '2021-03-01T00:00:00Z', '']) expect(parseIsoDate(bad)).toBeNull();
    expect(toIsoDate({ year: 987, month: 3, day: 4 })).toBe('0987-03-04');
  });

  it('counts calendar days across DST changes and leap days', () => {
    expect(daysUntil('2027-03-15', '2027-03-13')).toBe(2);
    expect(daysUntil('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysUntil('2028-01-01', '2027-01-01')).toBe(365);
    expect(daysUntil('2029-01-01', '2028-01-01')).toBe(366);
    expect(daysUntil('1970-01-01', '1969-12-31')).toBe(1);
    expect(daysUntil('2027-02-27', today)).toBe(-2);
  });

  it('refuses what is not a date, naming it', () => {
    expect(() => daysUntil('2027-02-30', today)).toThrow('expiry "2027-02-30" is not a calendar date (YYYY-MM-DD).');
    expect(() => isExpired('2027-03-01', '03/01/2027')).toThrow(/today "03\/01\/2027"/);
  });

  it('property: addDays and daysUntil are inverse, and order agrees with compareDates', () => {
    const date = fc.date({ min: new Date(Date.UTC(1600, 0, 1)), max: new Date(Date.UTC(2399, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -100_000, max: 100_000 }), (start, n) => {
        const end = addDays(start, n);
        expect(parseIsoDate(end)).not.toBeNull();
        expect(daysUntil(end, start)).toBe(n);
        expect(compareDates(end, start)).toBe(Math.sign(n));
        expect(Math.sign(compareDates(end, start))).toBe(Math.sign(end.localeCompare(start)));
      }),
    );
  });

  it('agrees with the UTC calendar for every day of four centuries', () => {
    const epoch = Date.UTC(2000, 0, 1);
    for (let n = 0; n < 146_097; n += 1) {
      const iso = new Date(epoch + n * 86_400_000).toISOString().slice(0, 10);
      if (addDays('2000-01-01', n) !== iso) throw new Error(`${n}: ${addDays('2000-01-01', n)} ≠ ${iso}`);
    }
  });
});

describe('expiry', () => {
  it('a lot is usable through its expiry date and expired from the next day', () => {
    expect(isExpired('2027-03-01', today)).toBe(false);
    expect(isExpired('2027-02-28', today)).toBe(true);
    expect(isExpired('2027-03-02', today)).toBe(false);
  });

  it.each([
    ['2027-02-28', 'expired'],
    ['2026-12-31', 'expired'],
    ['2027-03-01', 'le7'],
    ['2027-03-08', 'le7'],
    ['2027-03-09', 'le14'],
    ['2027-03-15', 'le14'],
    ['2027-03-16', 'le30'],
    ['2027-03-31', 'le30'],
    ['2027-04-01', 'ok'],
    ['2030-01-01', 'ok'],
  ] as const)('%s is %s on 2027-03-01 (bands 30/14/7 days)', (expiry, band) => {
    expect(expiryBand(expiry, today)).toBe(band);
  });

  it('compareDates orders dates', () => {
    expect(compareDates('2027-03-01', '2027-03-02')).toBe(-1);
    expect(compareDates('2027-03-01', '2027-03-01')).toBe(0);
    expect(compareDates('2028-01-01', '2027-12-31')).toBe(1);
  });
});
