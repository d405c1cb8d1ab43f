import { describe, expect, it } from 'vitest';
import { formatWhen } from './format-when';

describe('formatWhen', () => {
  it('shows day, month name, year and 24-hour local time', () => {
    const d = new Date(2026, 2, 12, 14, 5, 9);
    expect(formatWhen(d.toISOString())).toBe('12 Mar 2026, 14:05');
  });
  it('shows a dash for nothing or a bad value', () => {
    expect(formatWhen(null)).toBe('—');
    expect(formatWhen('not a date')).toBe('—');
  });
});
