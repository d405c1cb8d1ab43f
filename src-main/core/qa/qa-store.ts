import { and, asc, count, eq, max, ne } from 'drizzle-orm';
import type { TreeHead } from '../../../shared/ledger/tree-head';
import type { SerializedError } from '../../../shared/errors';
import type { QaOp } from '../../../shared/qa/ops';
import { qaLedger, qaLedgerProblems, qaPendingOps, qaTreeHead } from '../../db/schema';
import type { ReplicaDb } from '../replica/open-replica';

export interface VerifiedHead {
  treeHead: TreeHead;
  serverPublicKey: string;
  serverKeyId: string;
  verifiedAt: string;
}

export interface LedgerRow {
  seq: number;
  canonical: string;
  leafHash: Uint8Array;
}

export interface PendingOp {
  opId: string;
  localSeq: number;
  op: QaOp;
  status: 'pending' | 'rejected';
  error: SerializedError | null;
  summary: string;
  createdAt: string;
}

/**
 * The replica's QA tables (schema.ts: qa_ledger, qa_tree_head, qa_ledger_problems, qa_pending_ops), per company.
 * Writers run inside a ReplicaWriter transaction; the replica runs with synchronous=FULL
 * (open-replica.ts), so a committed signature or verified head survives a power cut.
 */
export class QaStore {
  constructor(private readonly db: ReplicaDb) {}

  head(companyId: string): VerifiedHead | null {
    const row = this.db.select().from(qaTreeHead).where(eq(qaTreeHead.companyId, companyId)).get();
    if (!row) return null;
    return { treeHead: row.treeHead as TreeHead, serverPublicKey: row.serverPublicKey, serverKeyId: row.serverKeyId, verifiedAt: row.verifiedAt };
  }

  ledgerSize(companyId: string): number {
    return this.db.select({ n: count() }).from(qaLedger).where(eq(qaLedger.companyId, companyId)).get()?.n ?? 0;
  }

  ledger(companyId: string): LedgerRow[] {
    return this.db
      .select({ seq: qaLedger.seq, canonical: qaLedger.canonical, leafHash: qaLedger.leafHash })
      .from(qaLedger)
      .where(eq(qaLedger.companyId, companyId))
      .orderBy(asc(qaLedger.seq))
      .all()
      .map((r) => ({ seq: r.seq, canonical: r.canonical, leafHash: new Uint8Array(r.leafHash) }));
  }

  /** Appends verified entries and records the head they lead to; call inside one transaction. */
  storeVerified(companyId: string, entries: readonly LedgerRow[], head: VerifiedHead): void {
    for (const e of entries) {
      this.db.insert(qaLedger).values({ companyId, seq: e.seq, canonical: e.canonical, leafHash: Buffer.from(e.leafHash) }).run();
    }
    const row = { companyId, ...head };
    this.db.insert(qaTreeHead).values(row).onConflictDoUpdate({ target: qaTreeHead.companyId, set: row }).run();
  }

  /** The verification failure of the server's ledger still standing, if any. */
  problem(companyId: string): SerializedError | null {
    const row = this.db.select({ error: qaLedgerProblems.error }).from(qaLedgerProblems).where(eq(qaLedgerProblems.companyId, companyId)).get();
    return row ? (row.error as SerializedError) : null;
  }

  /** Records (or replaces) the failure; the first detection time is kept. Call inside a transaction. */
  setProblem(companyId: string, error: SerializedError, at: string): void {
    this.db.insert(qaLedgerProblems).values({ companyId, error, detectedAt: at }).onConflictDoUpdate({ target: qaLedgerProblems.companyId, set: { error } }).run();
  }

  clearProblem(companyId: string): void {
    this.db.delete(qaLedgerProblems).where(eq(qaLedgerProblems.companyId, companyId)).run();
  }

  /** One person's queued ops, in the order they were made. */
  pending(companyId: string, userId: string): PendingOp[] {
    return this.db
      .select()
      .from(qaPendingOps)
      .where(and(eq(qaPendingOps.companyId, companyId), eq(qaPendingOps.userId, userId)))
      .orderBy(asc(qaPendingOps.localSeq))
      .all()
      .map((r) => ({
        opId: r.opId,
        localSeq: r.localSeq,
        op: r.op as QaOp,
        status: r.status === 'rejected' ? 'rejected' : 'pending',
        error: (r.error as SerializedError | null) ?? null,
        summary: r.summary,
        createdAt: r.createdAt,
      }));
  }

  /** Ops of other people on this computer, still waiting for them to sign in and sync. */
  pendingOfOthers(companyId: string, userId: string): number {
    return this.db.select({ n: count() }).from(qaPendingOps).where(and(eq(qaPendingOps.companyId, companyId), ne(qaPendingOps.userId, userId), eq(qaPendingOps.status, 'pending'))).get()?.n ?? 0;
  }

  enqueue(owner: { companyId: string; userId: string }, op: QaOp, summary: string, now: string): void {
    const { companyId, userId } = owner;
    const last = this.db.select({ n: max(qaPendingOps.localSeq) }).from(qaPendingOps).where(eq(qaPendingOps.companyId, companyId)).get()?.n ?? 0;
    this.db.insert(qaPendingOps).values({ opId: op.opId, companyId, userId, localSeq: last + 1, op, status: 'pending', error: null, summary, createdAt: now }).run();
  }

  /** The server ledgered the op: it now lives in qa_ledger (after the next verified pull). */
  applied(companyId: string, opId: string): void {
    this.db.delete(qaPendingOps).where(and(eq(qaPendingOps.companyId, companyId), eq(qaPendingOps.opId, opId))).run();
  }

  rejected(companyId: string, opId: string, error: SerializedError): void {
    this.db.update(qaPendingOps).set({ status: 'rejected', error }).where(and(eq(qaPendingOps.companyId, companyId), eq(qaPendingOps.opId, opId))).run();
  }
}
