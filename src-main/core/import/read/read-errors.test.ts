import { describe, expect, it } from 'vitest';
import { columnName, formatBytes } from './read-errors';

describe('columnName', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 701, 702, 16383].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA', 'XFD']);
  });
});

describe('formatBytes', () => {
  it('uses binary units, as file managers on Windows do', () => {
    expect(formatBytes(1024 ** 3)).toBe('1.0 GB');
    expect(formatBytes(500 * 1024 ** 2)).toBe('500.0 MB');
    expect(formatBytes(10)).toBe('1 KB');
  });
});
