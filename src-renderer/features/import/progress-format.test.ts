import { describe, expect, it } from 'vitest';
import { commitFraction, formatBytes, formatRate, formatTimeLeft, plural, readFraction } from './progress-format';

describe('formatRate', () => {
  it('shows whole rows per second, rounding fast rates to hundreds', () => {
    expect(formatRate(512.4)).toBe('512 rows/s');
    expect(formatRate(48_263)).toBe('48,300 rows/s');
  });
  it('shows a dash before the first measurement', () => {
    expect(formatRate(0)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
  });
});

describe('formatTimeLeft', () => {
  it('counts seconds, then minutes, then hours', () => {
    expect(formatTimeLeft(0.2)).toBe('less than a second left');
    expect(formatTimeLeft(12.1)).toBe('13 s left');
    expect(formatTimeLeft(150)).toBe('about 3 min left');
    expect(formatTimeLeft(3_600)).toBe('about 1 h left');
    expect(formatTimeLeft(5_000)).toBe('about 1 h 23 min left');
  });
  it('says it is estimating when the reader cannot tell', () => {
    expect(formatTimeLeft(null)).toBe('estimating time left…');
    expect(formatTimeLeft(Number.POSITIVE_INFINITY)).toBe('estimating time left…');
  });
});

describe('fractions', () => {
  it('is the share read, clamped, or null while the size is unknown', () => {
    expect(readFraction({ bytesRead: 50, totalBytes: 200 })).toBe(0.25);
    expect(readFraction({ bytesRead: 300, totalBytes: 200 })).toBe(1);
    expect(readFraction({ bytesRead: 5, totalBytes: 0 })).toBeNull();
    expect(readFraction(null)).toBeNull();
    expect(commitFraction({ done: 3, total: 4 })).toBe(0.75);
    expect(commitFraction({ done: 0, total: 0 })).toBeNull();
  });
});

describe('plural and bytes', () => {
  it('words counts', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(2_001, 'row')).toBe('2,001 rows');
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(20_000)).toBe('20 KB');
    expect(formatBytes(3.5 * 1024 ** 2)).toBe('3.5 MB');
  });
});
