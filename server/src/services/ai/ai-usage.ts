import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { aiUsage, type AiFeature } from '../../db/schema/index';

export interface PendingUsage {
  companyId: string;
  userId: string;
  feature: AiFeature;
  model: string;
  createdAt: Date;
}

/** Writes the reservation row of a call about to be made (see ai-quota.ts). */
export async function insertPendingUsage(tx: Executor, usage: PendingUsage): Promise<string> {
  const [row] = await tx.insert(aiUsage).values({ ...usage, outcome: 'pending' }).returning({ id: aiUsage.id });
  if (!row) throw new Error('ai_usage insert returned no row');
  return row.id;
}

export type UsageResult =
  | { outcome: 'ok'; model: string; inputTokens: number; outputTokens: number; requestId: string | null }
  | {
      outcome: 'error';
      /** Anthropic answered (200), so the tokens were billed even though the answer was unusable. */
      billed: boolean;
      model?: string;
      inputTokens?: number | null;
      outputTokens?: number | null;
      errorKind: string;
      httpStatus: number | null;
      requestId: string | null;
    };

/**
 * Completes a reservation. Only a call Anthropic answered counts toward the quota (`billed`):
 * error statuses and calls that never got an answer cost the company nothing at Anthropic, and an
 * outage there must not use up a customer's month. A timeout may have been billed even so; we
 * cannot know, and err on the customer's side.
 */
export async function completeUsage(db: Executor, who: { id: string; companyId: string }, result: UsageResult, completedAt: Date): Promise<void> {
  const values =
    result.outcome === 'ok'
      ? { outcome: 'ok' as const, billed: true, model: result.model, inputTokens: result.inputTokens, outputTokens: result.outputTokens, requestId: result.requestId }
      : {
          outcome: 'error' as const,
          billed: result.billed,
          ...(result.model === undefined ? {} : { model: result.model }),
          inputTokens: result.inputTokens ?? null,
          outputTokens: result.outputTokens ?? null,
          errorKind: result.errorKind,
          httpStatus: result.httpStatus,
          requestId: result.requestId,
        };
  await db
    .update(aiUsage)
    .set({ ...values, completedAt })
    .where(and(eq(aiUsage.id, who.id), eq(aiUsage.companyId, who.companyId)));
}
