import { describe, expect, it } from 'vitest';
import { AUDIT_KINDS } from '../../../shared/auth/mfa-schemas';
import { AUDIT_KIND_LABELS, dayBoundary, describeDetails } from './audit-labels';

describe('security event labels', () => {
  it('names every audit kind of the contract', () => {
    for (const kind of AUDIT_KINDS) expect(AUDIT_KIND_LABELS[kind]).toMatch(/\w/);
  });

  it('summarises details and skips empty values', () => {
    expect(describeDetails({ method: 'totp', reason: null, attempts: 5, scope: { a: 1 } })).toBe('method: totp · attempts: 5 · scope: {"a":1}');
  });

  it('turns a date filter into the local day’s bounds', () => {
    const start = dayBoundary('2026-06-10', 'start');
    const end = dayBoundary('2026-06-10', 'end');
    expect(start && end && Date.parse(end) - Date.parse(start)).toBe(86_400_000 - 1);
    expect(dayBoundary('', 'start')).toBeUndefined();
  });
});
