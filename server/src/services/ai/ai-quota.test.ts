import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiUsage, companies } from '../../db/schema/index';
import { createTestDeps, type TestDeps } from '../../testing/test-deps';
import { companyLockKey, countUsed, monthWindow, quotaStatus, reserveAiCall } from './ai-quota';
import { completeUsage } from './ai-usage';

describe('monthWindow', () => {
  it('is the calendar month in UTC, whatever the local zone', () => {
    expect(monthWindow(new Date('2026-03-31T23:59:59.999Z'))).toEqual({
      month: '2026-03',
      start: new Date('2026-03-01T00:00:00Z'),
      end: new Date('2026-04-01T00:00:00Z'),
    });
    // 00:30 on 1 April in UTC is still 31 March in New York: UTC decides.
    expect(monthWindow(new Date('2026-04-01T00:30:00Z')).month).toBe('2026-04');
    expect(monthWindow(new Date('2026-12-10T12:00:00Z')).end).toEqual(new Date('2027-01-01T00:00:00Z'));
  });
});

describe('companyLockKey', () => {
  it('is a stable signed 32-bit integer per company', () => {
    const a = companyLockKey('0b5c9a9e-6a55-4f0e-9c43-5d0d2a1f7e11');
    expect(a).toBe(companyLockKey('0b5c9a9e-6a55-4f0e-9c43-5d0d2a1f7e11'));
    expect(Number.isInteger(a) && a >= -(2 ** 31) && a < 2 ** 31).toBe(true);
    expect(companyLockKey('1b5c9a9e-6a55-4f0e-9c43-5d0d2a1f7e11')).not.toBe(a);
  });
});

describe('reserveAiCall', () => {
  let t: TestDeps;
  const limits = { free: 3, team: 5, enterprise: 100 };
  const now = new Date('2026-05-20T10:00:00Z');
  const staleAfterMs = 80_000;
  let n = 0;

  beforeAll(async () => {
    t = await createTestDeps();
  });
  afterAll(() => t.close());

  async function company() {
    const s = await t.deps.services.auth.register({ companyName: 'Quota Pharmacy', name: 'Q', email: `quota${++n}@example.com`, password: 'correct horse battery staple' });
    return { companyId: s.company.id, userId: s.user.id };
  }
  const reserve = (who: { companyId: string; userId: string }, at = now) =>
    reserveAiCall(t.deps.db, { ...who, now: at, limits, staleAfterMs, feature: 'import-mapping', model: 'claude-haiku-4-5' });

  it('hands out exactly the plan’s calls, even to concurrent requests, then refuses', async () => {
    const who = await company();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => reserve(who)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).map((r) => r.quota)).toEqual([
      { used: 3, limit: 3, tier: 'free', month: '2026-05' },
      { used: 3, limit: 3, tier: 'free', month: '2026-05' },
    ]);
    const rows = await t.deps.db.select().from(aiUsage).where(eq(aiUsage.companyId, who.companyId));
    expect(rows.map((r) => [r.outcome, r.userId, r.feature])).toEqual(Array(3).fill(['pending', who.userId, 'import-mapping']));
  });

  it('counts billed calls, not failed ones, and frees a reservation once its call fails', async () => {
    const who = await company();
    const a = await reserve(who);
    const b = await reserve(who);
    if (!a.ok || !b.ok) throw new Error('expected reservations');
    await completeUsage(t.deps.db, { id: a.usageId, companyId: who.companyId }, { outcome: 'ok', model: 'm', inputTokens: 10, outputTokens: 5, requestId: null }, now);
    await completeUsage(t.deps.db, { id: b.usageId, companyId: who.companyId }, { outcome: 'error', billed: false, errorKind: 'overloaded', httpStatus: 529, requestId: null }, now);
    expect(await countUsed(t.deps.db, { ...who, now, staleAfterMs })).toBe(1);
    const c = await reserve(who);
    if (!c.ok) throw new Error('expected a reservation');
    await completeUsage(t.deps.db, { id: c.usageId, companyId: who.companyId }, { outcome: 'error', billed: true, inputTokens: 9, outputTokens: 3, errorKind: 'bad-response', httpStatus: 200, requestId: null }, now);
    expect(await countUsed(t.deps.db, { ...who, now, staleAfterMs })).toBe(2);
  });

  it('stops counting a reservation left pending by an instance that died mid-call', async () => {
    const who = await company();
    await reserve(who, new Date(now.getTime() - staleAfterMs - 1));
    await reserve(who, new Date(now.getTime() - 1000));
    expect(await countUsed(t.deps.db, { ...who, now, staleAfterMs })).toBe(1);
  });

  it('starts afresh on the 1st of the month (UTC) and uses the company’s tier', async () => {
    const who = await company();
    for (let i = 0; i < 3; i++) await reserve(who, new Date('2026-04-30T23:59:00Z'));
    expect((await reserve(who, new Date('2026-04-30T23:59:30Z'))).ok).toBe(false);
    const may = await reserve(who, new Date('2026-05-01T00:00:00Z'));
    expect(may).toMatchObject({ ok: true, quota: { used: 1, limit: 3, month: '2026-05' } });

    await t.deps.db.update(companies).set({ tier: 'team' }).where(eq(companies.id, who.companyId));
    expect(await quotaStatus(t.deps.db, { ...who, now: new Date('2026-05-01T00:00:30Z'), limits, staleAfterMs })).toEqual({ used: 1, limit: 5, tier: 'team', month: '2026-05' });
  });

  it('keeps each company’s count to itself', async () => {
    const a = await company();
    const b = await company();
    for (let i = 0; i < 3; i++) await reserve(a);
    expect((await reserve(b)).ok).toBe(true);
    expect(await countUsed(t.deps.db, { ...b, now, staleAfterMs })).toBe(1);
  });
});
