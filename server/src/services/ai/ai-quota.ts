import { createHash } from 'node:crypto';
import { and, count, eq, gt, gte, lt, or, sql } from 'drizzle-orm';
import type { AiConfig } from '../../config';
import type { Database, Executor } from '../../db/client';
import { aiUsage, companies, type AiFeature, type CompanyTier } from '../../db/schema/index';
import { insertPendingUsage } from './ai-usage';
import type { AiQuotaStatus } from './import-mapping-schemas';

/** First key of the two-key advisory lock form, so these locks never meet other lock users. */
const QUOTA_LOCK_NAMESPACE = 0x41_49_51_54; // "AIQT"

export interface MonthWindow {
  month: string;
  start: Date;
  end: Date;
}

/** The calendar month (UTC) containing `now`: quotas reset at 00:00 UTC on the 1st. */
export function monthWindow(now: Date): MonthWindow {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  return { month: `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`, start: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1)) };
}

/** A stable 32-bit key per company for pg_advisory_xact_lock(int, int). */
export function companyLockKey(companyId: string): number {
  return createHash('sha256').update(companyId).digest().readInt32BE(0);
}

export interface QuotaRequest {
  companyId: string;
  now: Date;
  limits: AiConfig['monthlyQuota'];
  /** A `pending` row older than this was left by an instance that died mid-call; it stops counting. */
  staleAfterMs: number;
}

/**
 * What counts this month: every call Anthropic answered (`billed`), plus reservations still in
 * flight, so two requests cannot both take the last call while the first waits for Claude.
 */
export async function countUsed(db: Executor, { companyId, now, staleAfterMs }: Omit<QuotaRequest, 'limits'>): Promise<number> {
  const { start, end } = monthWindow(now);
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  const [row] = await db
    .select({ n: count() })
    .from(aiUsage)
    .where(
      and(
        eq(aiUsage.companyId, companyId),
        gte(aiUsage.createdAt, start),
        lt(aiUsage.createdAt, end),
        or(eq(aiUsage.billed, true), and(eq(aiUsage.outcome, 'pending'), gt(aiUsage.createdAt, staleBefore))),
      ),
    );
  return row?.n ?? 0;
}

async function tierOf(db: Executor, companyId: string): Promise<CompanyTier> {
  const [row] = await db.select({ tier: companies.tier }).from(companies).where(eq(companies.id, companyId));
  return row?.tier ?? 'free';
}

export async function quotaStatus(db: Executor, request: QuotaRequest): Promise<AiQuotaStatus> {
  const tier = await tierOf(db, request.companyId);
  return { used: await countUsed(db, request), limit: request.limits[tier], tier, month: monthWindow(request.now).month };
}

export type Reservation = { ok: true; usageId: string; quota: AiQuotaStatus } | { ok: false; quota: AiQuotaStatus };

/**
 * Checks the company's monthly quota and, when a call is left, reserves it by writing a `pending`
 * ai_usage row — both under a transaction-scoped advisory lock per company, so server instances
 * sharing the database take turns and cannot both hand out the last call. The lock is released at
 * commit, before Claude is called: holding it (and a connection) for the whole call would stall
 * every other request of the company, and on PGlite every request of the server.
 */
export async function reserveAiCall(db: Database, request: QuotaRequest & { userId: string; feature: AiFeature; model: string }): Promise<Reservation> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${QUOTA_LOCK_NAMESPACE}::int, ${companyLockKey(request.companyId)}::int)`);
    const quota = await quotaStatus(tx, request);
    if (quota.used >= quota.limit) return { ok: false, quota };
    const usageId = await insertPendingUsage(tx, {
      companyId: request.companyId,
      userId: request.userId,
      feature: request.feature,
      model: request.model,
      createdAt: request.now,
    });
    return { ok: true, usageId, quota: { ...quota, used: quota.used + 1 } };
  });
}
