import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLocalizedNumber } from './localized-number';
import { MAX_QUANTITY, parseMoney, parseQuantity } from './quantity';
import type { Cell } from './types';

describe('parseQuantity', () => {
  it.each<[Cell, number, string | null]>([
    [1200, 1200, null],
    ['1200', 1200, null],
    ['1,200', 1200, null],
    ['1.200', 1200, null],
    ['1 200', 1200, null],
    ['1\u00a0200', 1200, null],
    ['1\u202f200', 1200, null],
    ['1\u2009200', 1200, null],
    ["1'200", 1200, null],
    ['1’200', 1200, null],
    ['1,234,567', 1234567, null],
    ['1.234.567', 1234567, null],
    ['1.234,00', 1234, null],
    ['1,234.00', 1234, null],
    ['12.0', 12, null],
    ['0', 0, null],
    [0, 0, null],
    ['  42 ', 42, null],
    ['+5', 5, null],
    ['1.200 Stk', 1200, 'Stk'],
    ['1.200 Stk.', 1200, 'Stk'],
    ['24 ea', 24, 'ea'],
    ['24ea', 24, 'ea'],
    ['100 tabs', 100, 'tabs'],
    ['Stk. 12', 12, 'Stk'],
    ['30 Tabl.', 30, 'Tabl'],
    ['5 Packungen', 5, 'Packungen'],
    [2.9999999999999996, 3, null],
  ])('%j → %d (unit %j)', (cell, value, unit) => {
    expect(parseQuantity(cell)).toEqual({ ok: true, value, unit });
  });

  it.each<[Cell, string]>([
    ['1.5', '"1.5" must be a whole number'],
    ['1,5', '"1,5" must be a whole number'],
    ['0,500', '"0,500" must be a whole number'],
    [12.5, '"12.5" must be a whole number'],
    ['-5', '"-5" is negative; a stock count cannot be'],
    ['−5', '"−5" is negative; a stock count cannot be'],
    ['(5)', '"(5)" is negative; a stock count cannot be'],
    [-1, '"-1" is negative; a stock count cannot be'],
    ['3 x 10', '"3 x 10" looks like a pack calculation; enter the total number of units'],
    ['3×10', '"3×10" looks like a pack calculation; enter the total number of units'],
    ['abc', '"abc" is not a number'],
    ['1,2,3', '"1,2,3" is not a number'],
    ['12 ea 5', '"12 ea 5" is not a number'],
    ['Stk 12 ea', '"Stk 12 ea" is not a number'],
    ['', 'the quantity is empty'],
    [null, '"" is not a quantity'],
    [true, '"TRUE" is not a quantity'],
    [Number.NaN, '"NaN" is not a number'],
    [20_000_000, '"20000000" is more than 10,000,000, the largest quantity one movement can hold'],
  ])('refuses %j: %s', (cell, reason) => {
    expect(parseQuantity(cell)).toEqual({ ok: false, reason });
  });

  it('reads any whole count back from every thousands convention, with or without a unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_QUANTITY }),
        fc.constantFrom(',', '.', ' ', '\u00a0', '\u202f', "'", ''),
        fc.constantFrom('', ' ea', ' Stk', 'pcs'),
        (n, separator, unit) => {
          const text = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator) + unit;
          expect(parseQuantity(text)).toEqual({ ok: true, value: n, unit: unit.trim() || null });
        },
      ),
    );
  });
});

describe('parseLocalizedNumber', () => {
  it.each<[string, number | null]>([
    ['1,200', 1200],
    ['1.200', 1200],
    ['1.5', 1.5],
    ['1,5', 1.5],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1 234,56', 1234.56],
    ['1234,567', 1234.567],
    ['.5', 0.5],
    ['12,', null],
    ['1.2.3', null],
    ['1,23,456', null],
    ['', null],
    ['.', null],
  ])('%j → %j', (text, value) => {
    expect(parseLocalizedNumber(text)?.value ?? null).toBe(value);
  });
});

describe('parseMoney', () => {
  it.each<[Cell, number, string | null]>([
    [3.5, 3.5, null],
    ['12.50', 12.5, null],
    ['12,50', 12.5, null],
    ['€12,50', 12.5, '€'],
    ['12,50 €', 12.5, '€'],
    ['$3.20', 3.2, '$'],
    ['£0.99', 0.99, '£'],
    ['USD 1,234.56', 1234.56, 'USD'],
    ['1.234,56 EUR', 1234.56, 'EUR'],
    ["CHF 1'234.50", 1234.5, 'CHF'],
    ['12,99 zł', 12.99, 'zł'],
    ['0.125', 0.125, null],
    ['1,200', 1200, null],
    ['0', 0, null],
  ])('%j → %d %j', (cell, value, currency) => {
    expect(parseMoney(cell)).toEqual({ ok: true, value, currency });
  });

  it.each<[Cell, string]>([
    ['-3', '"-3" is negative'],
    [-3, '"-3" is negative'],
    ['abc', '"abc" is not an amount'],
    ['12 apples', '"12 apples" is not an amount'],
    ['€ 12 €', '"€ 12 €" is not an amount'],
    [null, '"" is not an amount'],
  ])('refuses %j', (cell, reason) => {
    expect(parseMoney(cell)).toEqual({ ok: false, reason });
  });
});
