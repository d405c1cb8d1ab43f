import { describe, expect, it } from 'vitest';
import { ColumnProfiler } from './column-profiler';
import { decideDateOrder } from './date-order';
import type { Cell } from './types';

function decide(values: Cell[]) {
  const profiler = new ColumnProfiler(1);
  for (const v of values) profiler.add([v]);
  const [profile] = profiler.result();
  if (!profile) throw new Error('no profile');
  return decideDateOrder(profile);
}

describe('decideDateOrder', () => {
  it('reads a column as MDY when a value can only be month/day/year', () => {
    // The OpenBoxes warehouse sheets: month-end expiries, so the day (30/31) proves the order.
    expect(decide(['01/31/2025', '06/30/2025', '09/30/2023', '02/29/2024'])).toEqual({
      order: 'MDY',
      ambiguous: false,
      reason: '4 values can only be month/day/year (the second number is above 12)',
    });
    expect(decide(['01/02/2025', '03/04/2025', '12/31/2025'])).toMatchObject({ order: 'MDY', ambiguous: false });
  });

  it('reads a column as DMY when a value can only be day/month/year', () => {
    expect(decide(['01/02/2025', '31/12/2025'])).toEqual({ order: 'DMY', ambiguous: false, reason: '1 value can only be day/month/year (the first number is above 12)' });
  });

  it('reads dotted dates as DMY, the European convention', () => {
    expect(decide(['01.02.2025', '03.04.2026'])).toMatchObject({ order: 'DMY', ambiguous: false, reason: expect.stringMatching(/dots/) });
  });

  it('reads ISO dates as YMD', () => {
    expect(decide(['2025-06-30', '2026-01-01'])).toMatchObject({ order: 'YMD', ambiguous: false });
  });

  it('asks the user when every day/month value fits both orders', () => {
    expect(decide(['01/02/2025', '03/04/2025', '2025-06-30'])).toEqual({
      order: null,
      ambiguous: true,
      reason: 'all 2 day/month dates have both numbers 12 or below, so "01/02/2025" could be read either way; choose the order',
    });
  });

  it('calls a column with proof of both orders mixed, naming the counts', () => {
    const decision = decide(['01/31/2025', '02/28/2025', '13/01/2025', '03/04/2025']);
    expect(decision).toEqual({
      order: null,
      ambiguous: true,
      reason: 'mixed conventions: 2 values can only be month/day/year and 1 value only day/month/year; choose the order the other 1 date follow',
    });
  });

  it('calls dots next to month/day/year proof mixed', () => {
    expect(decide(['01/31/2025', '01.02.2025'])).toMatchObject({ order: null, ambiguous: true, reason: expect.stringMatching(/^mixed conventions/) });
  });

  it('needs no order for month-year, month-name and serial dates', () => {
    for (const values of [['06/2025', 'Jun-25', 'Exp 01/13'], ['30 Jun 2025'], [45838, 45900], ['05/05/2025']]) {
      expect(decide(values)).toMatchObject({ order: null, ambiguous: false });
    }
  });
});
