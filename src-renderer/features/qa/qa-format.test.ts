import { describe, expect, it } from 'vitest';
import { fieldPathLabel, formatUtc, formatUtcDay, formatValue } from './qa-format';

describe('formatUtc', () => {
  it('shows the date unambiguously and the time in UTC', () => {
    expect(formatUtc('2027-03-12T04:05:09.000Z')).toBe('12 Mar 2027, 04:05:09 UTC');
    expect(formatUtcDay('2027-03-12T23:59:59.000Z')).toBe('12 Mar 2027');
    expect(formatUtc('not a time')).toBe('not a time');
  });
});

describe('fieldPathLabel', () => {
  it('names spec lines from one and nested fields', () => {
    expect(fieldPathLabel('content.specification.2.result')).toBe('Specification line 3 › result');
    expect(fieldPathLabel('title')).toBe('Title');
    expect(fieldPathLabel('lots.0.lotNumber')).toBe('Lot 1 › Lot');
  });
});

describe('formatValue', () => {
  it('never hides a value', () => {
    expect(formatValue(null)).toBe('(none)');
    expect(formatValue('')).toBe('(empty)');
    expect(formatValue(true)).toBe('Pass');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });
});
