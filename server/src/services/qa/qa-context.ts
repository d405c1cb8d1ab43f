import { and, eq } from 'drizzle-orm';
import type { AccessClaims } from '../auth/tokens';
import { AppError } from '../../../../shared/errors';
import { DEFAULT_POLICY } from '../../../../shared/qa/policy';
import type { QaOp } from '../../../../shared/qa/ops';
import type { Actor, DecideContext, DocumentState, KeyState } from '../../../../shared/qa/state';
import type { Executor } from '../../db/client';
import { memberships, qaDocuments, qaPolicies, signingKeys, users } from '../../db/schema/index';

/**
 * Who is acting: the signed-in user, with the printed name the ledger and every signature
 * manifestation carry (21 CFR 11.50(a)(1)). The role is read from the membership rather than the
 * token, so a role taken away applies at once, not when the access token expires (11.10(g)).
 */
export async function loadActor(db: Executor, auth: AccessClaims): Promise<Actor> {
  const [row] = await db
    .select({ name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.companyId, auth.companyId), eq(memberships.userId, auth.userId)));
  if (!row) throw new AppError('auth/unauthenticated', 'Your account is no longer a member of this company. Sign in again.');
  return { userId: auth.userId, printedName: row.name, role: row.role };
}

/** The document an op touches, if any: the one whose state decide() must check it against. */
export function documentIdOf(op: QaOp): string | null {
  if (op.kind === 'document.version') return op.record.documentId;
  if (op.kind === 'document.sign') return op.signature.documentId;
  return null;
}

/**
 * Everything decide() reads, from the projections. Called inside the op's transaction after the
 * company's ledger lock is taken, so no other op of the company changes them until it commits; the
 * document row is also locked (FOR UPDATE) for writers that do not go through the ledger lock.
 */
export async function loadDecideContext(tx: Executor, companyId: string, actor: Actor, documentId: string | null, now: Date): Promise<DecideContext> {
  const [policyRow] = await tx.select({ policy: qaPolicies.policy }).from(qaPolicies).where(eq(qaPolicies.companyId, companyId));
  let document: DocumentState | null = null;
  if (documentId !== null) {
    const [row] = await tx
      .select({ state: qaDocuments.state })
      .from(qaDocuments)
      .where(and(eq(qaDocuments.companyId, companyId), eq(qaDocuments.documentId, documentId)))
      .for('update');
    document = row?.state ?? null;
  }
  const keys = new Map((await loadKeys(tx, companyId)).map((k) => [k.keyId, k]));
  return {
    companyId,
    actor,
    now: now.toISOString(),
    policy: policyRow?.policy ?? DEFAULT_POLICY,
    document,
    key: (keyId) => keys.get(keyId) ?? null,
    activeKeysOf: (userId) => [...keys.values()].filter((k) => k.userId === userId && k.retiredSeq === null && k.revokedSeq === null),
  };
}

/** A company's registered keys as KeyState (a handful per person over the years). */
export async function loadKeys(db: Executor, companyId: string): Promise<KeyState[]> {
  const rows = await db.select().from(signingKeys).where(eq(signingKeys.companyId, companyId));
  return rows.map((r) => ({
    keyId: r.keyId,
    userId: r.userId,
    printedName: r.printedName,
    publicKey: r.publicKey,
    registeredSeq: r.registeredSeq,
    registeredAt: r.registeredAt.toISOString(),
    retiredSeq: r.retiredSeq,
    revokedSeq: r.revokedSeq,
    revokedReason: r.revokedReason,
  }));
}
