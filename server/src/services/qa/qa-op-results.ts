import { and, eq } from 'drizzle-orm';
import type { SerializedError } from '../../../../shared/errors';
import type { QaOpResult } from '../../../../shared/qa/api';
import type { Executor } from '../../db/client';
import { qaOps } from '../../db/schema/index';

/** The stored outcome of an op already pushed, or null the first time it is seen. */
export async function storedResult(tx: Executor, companyId: string, opId: string): Promise<QaOpResult | null> {
  const [row] = await tx.select().from(qaOps).where(and(eq(qaOps.companyId, companyId), eq(qaOps.opId, opId)));
  if (!row) return null;
  if (row.status === 'applied' && row.seq !== null) return { opId, status: 'applied', seq: row.seq };
  return { opId, status: 'rejected', error: row.error ?? { code: 'internal/unexpected', message: 'The stored outcome of this change is missing its reason.' } };
}

export async function recordApplied(tx: Executor, companyId: string, userId: string, opId: string, seq: number): Promise<QaOpResult> {
  await tx.insert(qaOps).values({ companyId, opId, userId, status: 'applied', seq });
  return { opId, status: 'applied', seq };
}

export async function recordRejected(tx: Executor, companyId: string, userId: string, opId: string, error: SerializedError): Promise<QaOpResult> {
  await tx.insert(qaOps).values({ companyId, opId, userId, status: 'rejected', error });
  return { opId, status: 'rejected', error };
}
