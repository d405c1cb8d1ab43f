import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gs1DateToIso, resolveCentury } from './gs1-date';

describe('resolveCentury (GS1 General Specifications §7.12)', () => {
  it('follows the worked cases of the sliding window', () => {
    expect(resolveCentury(21, 2026)).toBe(2021);
    expect(resolveCentury(76, 2026)).toBe(2076); // 50 ahead: still this century
    expect(resolveCentury(77, 2026)).toBe(1977); // 51 ahead: previous century
    expect(resolveCentury(10, 2060)).toBe(2110); // 50 behind: next century
    expect(resolveCentury(11, 2060)).toBe(2011); // 49 behind: this century
    expect(resolveCentury(0, 1999)).toBe(2000);
  });

  it('always lands within -49..+50 years of the current year, on the right last two digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1900, max: 2300 }), (yy, current) => {
        const year = resolveCentury(yy, current);
        expect(year % 100).toBe(yy);
        expect(year - current).toBeGreaterThanOrEqual(-49);
        expect(year - current).toBeLessThanOrEqual(50);
      }),
    );
  });
});

describe('gs1DateToIso', () => {
  it('reads YYMMDD, and day 00 as the policy says', () => {
    expect(gs1DateToIso('210331', 2026, 'last-day')).toEqual({ ok: true, value: '2021-03-31' });
    expect(gs1DateToIso('211200', 2026, 'last-day')).toEqual({ ok: true, value: '2021-12-31' });
    expect(gs1DateToIso('240200', 2026, 'last-day')).toEqual({ ok: true, value: '2024-02-29' });
    expect(gs1DateToIso('250200', 2026, 'last-day')).toEqual({ ok: true, value: '2025-02-28' });
    expect(gs1DateToIso('250200', 2026, 'first-day')).toEqual({ ok: true, value: '2025-02-01' });
    expect(gs1DateToIso('250200', 2026, 'not-allowed')).toMatchObject({ ok: false, error: { message: 'day 00 is not allowed in this date' } });
  });

  it('names what does not exist', () => {
    expect(gs1DateToIso('211341', 2026, 'last-day')).toEqual({ ok: false, error: { code: 'gs1/invalid-date', message: 'month 13 does not exist' } });
    expect(gs1DateToIso('210001', 2026, 'last-day')).toMatchObject({ ok: false, error: { message: 'month 00 does not exist' } });
    expect(gs1DateToIso('210230', 2026, 'last-day')).toMatchObject({ ok: false, error: { message: 'day 30 does not exist in February 2021' } });
    expect(gs1DateToIso('250229', 2026, 'last-day')).toMatchObject({ ok: false, error: { message: 'day 29 does not exist in February 2025' } });
    expect(gs1DateToIso('240229', 2026, 'last-day')).toEqual({ ok: true, value: '2024-02-29' });
    expect(gs1DateToIso('21033', 2026, 'last-day')).toMatchObject({ ok: false, error: { code: 'gs1/invalid-date' } });
  });
});
