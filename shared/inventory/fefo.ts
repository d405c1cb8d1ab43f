import { AppError } from '../errors';
import { compareDates, isExpired } from './expiry';
import type { LotStatus } from './stock-row';

/** A lot's stock at the pick location. */
export interface FefoCandidate {
  lotId: string;
  lotNumber: string;
  /** `YYYY-MM-DD`. */
  expiry: string;
  status: LotStatus;
  quantity: number;
}

export interface FefoAllocation {
  lotId: string;
  quantity: number;
}

export interface FefoSuggestion {
  /** In pick order: earliest expiry first. */
  allocations: FefoAllocation[];
  allocated: number;
  /** How much of `wanted` the usable stock cannot cover; 0 when the pick can be filled. */
  shortfall: number;
}

/**
 * First-expiry-first-out: which lots to pick `wanted` units from. Only `available` lots with
 * stock count; quarantined, recalled, damaged and expired-status lots never do, nor does a lot
 * whose expiry date is before `today`. A lot is usable through its expiry date (21 CFR
 * 211.137(a), USP General Notices 10.40.100; see expiry.ts), so one expiring today is picked —
 * and first. Ties on expiry go by lot number, then lot id, so the suggestion is deterministic.
 */
export function suggestFefo(candidates: readonly FefoCandidate[], wanted: number, today: string): FefoSuggestion {
  if (!Number.isInteger(wanted) || wanted < 0) {
    throw new AppError('validation/invalid-input', `The quantity to pick must be a whole number of at least 0, not ${wanted}.`);
  }
  const usable = candidates
    .filter((c) => c.status === 'available' && c.quantity > 0 && !isExpired(c.expiry, today))
    .sort((a, b) => compareDates(a.expiry, b.expiry) || byCodeUnits(a.lotNumber, b.lotNumber) || byCodeUnits(a.lotId, b.lotId));
  const allocations: FefoAllocation[] = [];
  let allocated = 0;
  for (const lot of usable) {
    if (allocated === wanted) break;
    const quantity = Math.min(lot.quantity, wanted - allocated);
    allocations.push({ lotId: lot.lotId, quantity });
    allocated += quantity;
  }
  return { allocations, allocated, shortfall: wanted - allocated };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
