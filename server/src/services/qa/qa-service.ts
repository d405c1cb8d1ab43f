import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { isAppError } from '../../../../shared/errors';
import { qaPullInput, type QaMember, type QaOpResult, type QaPullInput, type QaPullOutput } from '../../../../shared/qa/api';
import type { LedgerEntry } from '../../../../shared/qa/ledger-entry';
import type { QaOp } from '../../../../shared/qa/ops';
import type { Actor } from '../../../../shared/qa/state';
import { decide } from '../../../../shared/qa/workflow';
import { toBase64 } from '../../../../shared/ledger/tree-head';
import type { Database, Transaction } from '../../db/client';
import { ledgerEntries, memberships, users } from '../../db/schema/index';
import type { AccessClaims } from '../auth/tokens';
import type { LedgerStore } from '../ledger/ledger-store';
import { documentIdOf, loadActor, loadDecideContext } from './qa-context';
import { recordApplied, recordRejected, storedResult } from './qa-op-results';
import { projectEntry } from './qa-projections';

export interface QaServiceOptions {
  db: Database;
  ledger: LedgerStore;
  /** The server clock that stamps every ledger entry (21 CFR 11.10(e): computer-generated time stamps). */
  now?: () => Date;
}

export type QaService = ReturnType<typeof createQaService>;

/**
 * QA documents on the server (issue 5): each pushed op is decided by the shared workflow against
 * the company's projections and, when accepted, appended to the company's ledger together with
 * the projection update and its idempotency record, all in one transaction.
 */
export function createQaService({ db, ledger, now = () => new Date() }: QaServiceOptions) {
  /** One op inside the push's transaction; a refusal is an outcome (stored and returned), not a failure. */
  async function applyOne(tx: Transaction, auth: AccessClaims, actor: Actor, op: QaOp): Promise<QaOpResult> {
    const { companyId, userId } = auth;
    const seen = await storedResult(tx, companyId, op.opId);
    if (seen) return seen;
    const ctx = await loadDecideContext(tx, companyId, actor, documentIdOf(op), now());
    let entry: LedgerEntry;
    try {
      entry = await decide(ctx, op);
    } catch (err) {
      if (!isAppError(err)) throw err;
      return recordRejected(tx, companyId, userId, op.opId, err.toJSON());
    }
    const { firstSeq } = await ledger.appendEntries(tx, companyId, [entry]);
    await projectEntry(tx, entry, firstSeq, ctx.document);
    return recordApplied(tx, companyId, userId, op.opId, firstSeq);
  }

  return {
    /**
     * Applies ops in order, each at most once (by opId), in ONE transaction: a desktop coming back
     * online sends its queued work at once and pays one commit. A refused op never blocks the ones
     * after it (the desktop shows it to the person); a database failure fails the whole push, and
     * nothing of it is applied, so the repeated push decides every op again.
     */
    async push(auth: AccessClaims, ops: readonly QaOp[]): Promise<{ results: QaOpResult[] }> {
      return db.transaction(async (tx) => {
        // Serialise with every other append of the company before reading what decide() checks.
        await ledger.lockCompany(tx, auth.companyId);
        const actor = await loadActor(tx, auth);
        const results: QaOpResult[] = [];
        for (const op of ops) results.push(await applyOne(tx, auth, actor, op));
        return { results };
      });
    },

    /**
     * Ledger entries from `from`, the latest signed tree head, and an RFC 6962 §2.1.2 consistency
     * proof from the size the desktop last verified. The head is read first and entries are
     * bounded by it, so every entry returned is covered by the head returned. A knownTreeSize
     * beyond the head gets the head and no proof: the desktop sees the rollback and refuses it.
     */
    async pull(auth: AccessClaims, rawInput: QaPullInput): Promise<QaPullOutput> {
      const input = qaPullInput.parse(rawInput);
      const { companyId } = auth;
      const treeHead = await ledger.latestTreeHead(db, companyId);
      const size = treeHead?.treeSize ?? 0;
      const rows =
        input.from < size
          ? await db
              .select({ seq: ledgerEntries.seq, canonical: ledgerEntries.canonical })
              .from(ledgerEntries)
              .where(and(eq(ledgerEntries.companyId, companyId), gte(ledgerEntries.seq, input.from), lt(ledgerEntries.seq, size)))
              .orderBy(asc(ledgerEntries.seq))
              .limit(input.limit)
          : [];
      const known = input.knownTreeSize;
      const consistency = known > 0 && known < size ? (await ledger.consistencyProof(db, companyId, known, size)).path : [];
      return {
        entries: rows,
        treeHead,
        consistency,
        serverPublicKey: await toBase64(ledger.publicKey),
        serverKeyId: ledger.keyId,
        hasMore: input.from + rows.length < size,
      };
    },

    /** The company's members as signatures name them, for choosing reviewers and showing signers. */
    async members(auth: AccessClaims): Promise<QaMember[]> {
      return db
        .select({ userId: users.id, printedName: users.name, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.companyId, auth.companyId))
        .orderBy(asc(users.name));
    },
  };
}
