import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, isExpired } from './expiry';
import { suggestFefo, type FefoCandidate } from './fefo';
import { lotStatusSchema } from './stock-row';

const today = '2027-03-01';
const lot = (lotId: string, expiry: string, quantity: number, status: FefoCandidate['status'] = 'available', lotNumber = lotId): FefoCandidate => ({
  lotId,
  lotNumber,
  expiry,
  status,
  quantity,
});

describe('suggestFefo', () => {
  it('picks the earliest expiry first, splitting across lots', () => {
    const lots = [lot('c', '2027-09-30', 50), lot('a', '2027-04-30', 10), lot('b', '2027-06-30', 20)];
    expect(suggestFefo(lots, 25, today)).toEqual({
      allocations: [
        { lotId: 'a', quantity: 10 },
        { lotId: 'b', quantity: 15 },
      ],
      allocated: 25,
      shortfall: 0,
    });
  });

  it('uses a lot on its expiry date, never after it', () => {
    const lots = [lot('later', '2027-05-01', 10), lot('today', today, 3), lot('yesterday', '2027-02-28', 100)];
    expect(suggestFefo(lots, 5, today).allocations).toEqual([
      { lotId: 'today', quantity: 3 },
      { lotId: 'later', quantity: 2 },
    ]);
  });

  it('skips quarantined, recalled, damaged, expired-status and empty lots', () => {
    const lots = [
      lot('q', '2027-03-10', 5, 'quarantine'),
      lot('r', '2027-03-10', 5, 'recalled'),
      lot('d', '2027-03-10', 5, 'damaged'),
      lot('e', '2027-03-10', 5, 'expired'),
      lot('zero', '2027-03-10', 0),
      lot('negative', '2027-03-10', -4),
      lot('ok', '2027-12-31', 5),
    ];
    expect(suggestFefo(lots, 3, today).allocations).toEqual([{ lotId: 'ok', quantity: 3 }]);
  });

  it('breaks expiry ties by lot number', () => {
    const lots = [lot('x', '2027-06-30', 5, 'available', 'B200'), lot('y', '2027-06-30', 5, 'available', 'A100')];
    expect(suggestFefo(lots, 7, today).allocations).toEqual([
      { lotId: 'y', quantity: 5 },
      { lotId: 'x', quantity: 2 },
    ]);
  });

  it('reports a shortfall when usable stock is not enough', () => {
    expect(suggestFefo([lot('a', '2027-04-30', 4), lot('q', '2027-04-30', 100, 'quarantine')], 10, today)).toEqual({
      allocations: [{ lotId: 'a', quantity: 4 }],
      allocated: 4,
      shortfall: 6,
    });
    expect(suggestFefo([], 3, today)).toEqual({ allocations: [], allocated: 0, shortfall: 3 });
    expect(suggestFefo([lot('a', '2027-04-30', 4)], 0, today)).toEqual({ allocations: [], allocated: 0, shortfall: 0 });
  });

  it('refuses a quantity that is not a whole number of at least 0', () => {
    expect(() => suggestFefo([], -1, today)).toThrow(/whole number/);
    expect(() => suggestFefo([], 1.5, today)).toThrow(/whole number/);
  });

  const candidates = fc.uniqueArray(
    fc.record({
      lotId: fc.stringMatching(/^lot-[a-z0-9]{1,6}$/),
      lotNumber: fc.string({ maxLength: 4 }),
      expiry: fc.integer({ min: -60, max: 400 }).map((d) => addDays(today, d)),
      status: fc.constantFrom(...lotStatusSchema.options),
      quantity: fc.integer({ min: -5, max: 60 }),
    }),
    { maxLength: 25, selector: (l) => l.lotId },
  );

  it('property: only usable lots, never more than wanted or than a lot holds, earliest expiry first', () => {
    fc.assert(
      fc.property(candidates, fc.integer({ min: 0, max: 500 }), (lots, wanted) => {
        const { allocations, allocated, shortfall } = suggestFefo(lots, wanted, today);
        const byId = new Map(lots.map((l) => [l.lotId, l]));
        const usable = lots.filter((l) => l.status === 'available' && l.quantity > 0 && !isExpired(l.expiry, today));
        const usableTotal = usable.reduce((n, l) => n + l.quantity, 0);
        expect(allocated).toBe(allocations.reduce((n, a) => n + a.quantity, 0));
        expect(allocated).toBeLessThanOrEqual(wanted);
        expect(allocated).toBe(Math.min(wanted, usableTotal));
        expect(shortfall).toBe(wanted - allocated);
        for (const a of allocations) {
          const source = byId.get(a.lotId);
          expect(source?.status).toBe('available');
          expect(isExpired(source?.expiry ?? '', today)).toBe(false);
          expect(a.quantity).toBeGreaterThan(0);
          expect(a.quantity).toBeLessThanOrEqual(source?.quantity ?? 0);
        }
        const expiries = allocations.map((a) => byId.get(a.lotId)?.expiry ?? '');
        expect(expiries.every((e, i) => i === 0 || compareDates(expiries[i - 1] ?? '', e) <= 0)).toBe(true);
        // Every lot but the last is taken whole: FEFO does not leave an earlier lot half-used.
        allocations.slice(0, -1).forEach((a) => expect(a.quantity).toBe(byId.get(a.lotId)?.quantity));
        // No usable lot expiring before the last one picked was left out.
        const lastExpiry = expiries.at(-1);
        if (lastExpiry) {
          const skipped = usable.filter((l) => compareDates(l.expiry, lastExpiry) < 0 && !allocations.some((a) => a.lotId === l.lotId));
          expect(skipped).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
