import { describe, expect, it } from 'vitest';
import { qualityScore } from './quality';

describe('qualityScore', () => {
  it('is 100 only for a file with no errors or warnings', () => {
    expect(qualityScore({ total: 50, valid: 50, errors: 0, warnings: 0, blank: 3 })).toBe(100);
    expect(qualityScore({ total: 1000, valid: 1000, errors: 0, warnings: 1, blank: 0 })).toBe(99);
    expect(qualityScore({ total: 1000, valid: 999, errors: 1, warnings: 0, blank: 0 })).toBe(99);
  });

  it('is the share of rows that import, less a quarter per warning per row', () => {
    expect(qualityScore({ total: 100, valid: 80, errors: 30, warnings: 0, blank: 0 })).toBe(80);
    expect(qualityScore({ total: 100, valid: 100, errors: 0, warnings: 100, blank: 0 })).toBe(75);
    expect(qualityScore({ total: 100, valid: 100, errors: 0, warnings: 400, blank: 0 })).toBe(75);
    expect(qualityScore({ total: 100, valid: 50, errors: 50, warnings: 50, blank: 0 })).toBe(44);
  });

  it('ignores blank rows and scores an empty file 0', () => {
    expect(qualityScore({ total: 10, valid: 10, errors: 0, warnings: 0, blank: 5000 })).toBe(100);
    expect(qualityScore({ total: 0, valid: 0, errors: 0, warnings: 0, blank: 12 })).toBe(0);
  });

  it('stays within 0..100', () => {
    expect(qualityScore({ total: 10, valid: 0, errors: 99, warnings: 99, blank: 0 })).toBe(0);
    expect(qualityScore({ total: 10, valid: 20, errors: 0, warnings: 0, blank: 0 })).toBe(100);
  });
});
