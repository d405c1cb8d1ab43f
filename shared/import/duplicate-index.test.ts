import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from './duplicate-index';

describe('DuplicateIndex', () => {
  it('returns the first row of a repeated key, and 0 for a new one', () => {
    const index = new DuplicateIndex();
    expect(index.check(1, 'A1', 'R1', '2027-01-31', 2)).toBe(0);
    expect(index.check(1, 'A1', 'R2', '2027-01-31', 3)).toBe(0);
    expect(index.check(2, 'A1', 'R1', '2027-01-31', 4)).toBe(0);
    expect(index.check(1, 'A1', 'R1', '2027-01-31', 5)).toBe(2);
    expect(index.check(1, 'A1', 'R1', '2027-01-31', 6)).toBe(2);
  });

  it('keeps the parts of a key apart ("AB" + "C" is not "A" + "BC")', () => {
    const index = new DuplicateIndex();
    expect(index.check(1, 'AB', 'C', '2027-01-31', 2)).toBe(0);
    expect(index.check(1, 'A', 'BC', '2027-01-31', 3)).toBe(0);
    expect(index.check(1, 'A', '', 'BC2027-01-31', 4)).toBe(0);
  });

  it('tells 500,000 distinct keys apart while growing, and finds each again', () => {
    const index = new DuplicateIndex();
    const falseDuplicates: number[] = [];
    for (let i = 1; i <= 500_000; i++) if (index.check(i % 997, `L${i}`, `R${i % 13}`, '2027-01-31', i) !== 0) falseDuplicates.push(i);
    expect(falseDuplicates).toEqual([]);
    for (let i = 1; i <= 500_000; i += 4999) expect(index.check(i % 997, `L${i}`, `R${i % 13}`, '2027-01-31', 1_000_000)).toBe(i);
  });

  it('agrees with a Map of joined keys on random rows', () => {
    const part = fc.string({ maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), part, part, part), { maxLength: 60 }), (keys) => {
        const index = new DuplicateIndex();
        const exact = new Map<string, number>();
        keys.forEach(([product, lot, location, expiry], i) => {
          const key = JSON.stringify([product, lot, location, expiry]);
          const expected = exact.get(key) ?? 0;
          if (!exact.has(key)) exact.set(key, i + 1);
          expect(index.check(product, lot, location, expiry, i + 1)).toBe(expected);
        });
      }),
    );
  });
});
