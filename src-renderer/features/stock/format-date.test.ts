import { describe, expect, it } from 'vitest';
import { formatDate, localIsoDate } from './format-date';

describe('formatDate', () => {
  it('formats a date unambiguously', () => {
    expect(formatDate('2027-03-12')).toBe('12 Mar 2027');
    expect(formatDate('2026-01-01')).toBe('1 Jan 2026');
    expect(formatDate('1999-12-31')).toBe('31 Dec 1999');
  });

  it('does not shift the day whatever the time zone', () => {
    const original = process.env.TZ;
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      process.env.TZ = tz;
      expect(formatDate('2027-03-12')).toBe('12 Mar 2027');
    }
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('handles leap days', () => {
    expect(formatDate('2028-02-29')).toBe('29 Feb 2028');
    expect(formatDate('2027-02-29')).toBe('2027-02-29');
  });

  it('shows unparsable values unchanged rather than hiding them', () => {
    expect(formatDate('2027-13-01')).toBe('2027-13-01');
    expect(formatDate('12/03/2027')).toBe('12/03/2027');
    expect(formatDate('')).toBe('');
  });
});

describe('localIsoDate', () => {
  it('uses the local calendar day', () => {
    expect(localIsoDate(new Date(2027, 2, 5, 23, 59))).toBe('2027-03-05');
    expect(localIsoDate(new Date(2027, 11, 31, 0, 0))).toBe('2027-12-31');
  });
});
