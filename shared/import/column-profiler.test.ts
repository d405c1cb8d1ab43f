import { describe, expect, it } from 'vitest';
import { ColumnProfiler, MAX_SAMPLES, RESERVOIR_SIZE } from './column-profiler';
import type { Cell, ColumnProfile } from './types';

function profileOf(values: Cell[]): ColumnProfile {
  const profiler = new ColumnProfiler(1);
  for (const v of values) profiler.add([v]);
  const [profile] = profiler.result();
  if (!profile) throw new Error('no profile');
  return profile;
}

describe('ColumnProfiler kinds', () => {
  it('counts NDCs in every layout, hyphenated or bare, and codes Excel stripped of zeros', () => {
    const p = profileOf(['0378-1800-01', '00378-1800-01', '67457-153-03', '00591-0369-1', '000591-0369-01', '00378180001', '0378180001', 378180001, '12345-678-9012']);
    expect(p.kinds.ndc).toBe(8);
    expect(p.nonEmpty).toBe(9);
  });

  it('counts GTINs only with a valid GS1 check digit', () => {
    const p = profileOf(['00367457153032', '0367457153032', '367457153032', '00367457153033', 367457153032]);
    expect(p.kinds.gtin).toBe(4);
  });

  it('counts dates and the order evidence of each', () => {
    const p = profileOf(['06/30/2025', '30/06/2025', '03/04/2025', '05/05/2025', '2025-06-30', '06/2025', 'Jun-25', '30 Jun 2025', '30.06.2025', 'Exp 01/13']);
    expect(p.kinds.date).toBe(10);
    expect(p.dateEvidence).toEqual({ mdyOnly: 1, dmyOnly: 2, either: 1, ymd: 1, monthYear: 3, dotted: 1, textMonth: 1 });
  });

  it('does not take prices for month-year dates, but reads MM.YYYY as one', () => {
    expect(profileOf(['12.50', '3.20', '0,99']).kinds).toMatchObject({ date: 0, decimal: 3 });
    expect(profileOf(['06.2025', '12/25', '06.25 ']).kinds.date).toBe(2);
  });

  it('does not count impossible day/month pairs as dates', () => {
    const p = profileOf(['13/13/2025', '45/01/2025']);
    expect(p.kinds.date).toBe(0);
  });

  it('counts Excel serials among numbers and 5-digit text', () => {
    const p = profileOf([45838, 45838.5, '45838', 12, 99999]);
    expect(p.kinds.excelSerial).toBe(3);
    expect(p.kinds.integer).toBe(4);
    expect(p.kinds.decimal).toBe(1);
  });

  it('reads counts in both thousands conventions and with units as numbers', () => {
    const p = profileOf(['1,200', '1.200', '1 200', "1'200", '24 ea', '12,5', 3000]);
    expect(p.kinds.integer).toBe(6);
    expect(p.kinds.decimal).toBe(1);
    expect(p.numbers).toMatchObject({ count: 7, min: 12.5, max: 3000 });
  });

  it('tells lot-like codes from text', () => {
    const p = profileOf(['003P218', '00392/174', 'A1234', 'RACK1-SHELF1', 'Morphine 10mg immediate release tablet', 'Lamivudine', '0042']);
    expect(p.kinds.lotLike).toBe(5);
    expect(p.kinds.text).toBe(2);
  });

  it('skips empty and whitespace-only cells, and counts booleans as text', () => {
    const p = profileOf([null, '', '   ', '\u00a0', true, 'x']);
    expect(p.nonEmpty).toBe(2);
    expect(p.kinds.text).toBe(2);
    expect(p.samples).toEqual(['TRUE', 'x']);
  });

  it('keeps at most 20 distinct samples, each cut to 100 characters', () => {
    const long = 'x'.repeat(150);
    const p = profileOf([long, long, 'a', 'a', ...Array.from({ length: 40 }, (_, i) => `v${i}`)]);
    expect(p.samples).toHaveLength(MAX_SAMPLES);
    expect(p.samples[0]).toHaveLength(100);
    expect(p.samples.slice(1, 4)).toEqual(['a', 'v0', 'v1']);
    expect(p.maxLength).toBe(150);
  });

  it('profiles each column separately and ignores cells beyond the column count', () => {
    const profiler = new ColumnProfiler(2);
    profiler.add(['Lot', 5, 'extra']);
    profiler.add(['Lot2']);
    const [a, b] = profiler.result();
    expect(a?.nonEmpty).toBe(2);
    expect(b).toMatchObject({ column: 1, nonEmpty: 1, numbers: { count: 1, min: 5, max: 5, reservoir: [5] } });
  });

  it('reports zeros, not infinities, for a column without numbers', () => {
    expect(profileOf(['a']).numbers).toEqual({ count: 0, min: 0, max: 0, reservoir: [] });
  });
});

describe('ColumnProfiler at scale', () => {
  it('keeps memory bounded over a million rows, and the sample reservoir deterministic', () => {
    const run = () => {
      const profiler = new ColumnProfiler(2);
      const row: Cell[] = [null, null];
      for (let i = 0; i < 1_000_000; i++) {
        row[0] = i;
        row[1] = `L${i % 5000}`;
        profiler.add(row);
      }
      return profiler.result();
    };
    const [first] = run();
    const [second] = run();
    expect(first?.numbers).toMatchObject({ count: 1_000_000, min: 0, max: 999_999 });
    expect(first?.numbers.reservoir).toHaveLength(RESERVOIR_SIZE);
    expect(first?.numbers.reservoir).toEqual(second?.numbers.reservoir);
    // A fair sample of 0..999,999: its mean is near 500,000 and it reaches past the first 1024 rows.
    const reservoir = first?.numbers.reservoir ?? [];
    const mean = reservoir.reduce((s, v) => s + v, 0) / reservoir.length;
    expect(mean).toBeGreaterThan(450_000);
    expect(mean).toBeLessThan(550_000);
    expect(first?.samples).toHaveLength(MAX_SAMPLES);
  });
});
