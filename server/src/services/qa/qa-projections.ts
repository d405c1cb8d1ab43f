import { and, eq, isNull } from 'drizzle-orm';
import type { LedgerEntry } from '../../../../shared/qa/ledger-entry';
import type { DocumentState } from '../../../../shared/qa/state';
import { evolveDocument } from '../../../../shared/qa/workflow';
import type { Executor } from '../../db/client';
import { qaDocuments, qaPolicies, signingKeys } from '../../db/schema/index';

/**
 * Folds one accepted ledger entry into the projection tables, inside the transaction that appended
 * it: the projections never show an op the ledger does not hold, nor miss one it does. Documents
 * fold with the shared evolveDocument, exactly as the desktop folds its verified copy.
 */
export async function projectEntry(tx: Executor, entry: LedgerEntry, seq: number, document: DocumentState | null): Promise<void> {
  const { companyId } = entry;
  switch (entry.kind) {
    case 'document.version':
    case 'document.signature': {
      const state = evolveDocument(document, entry, seq);
      const current = state.versions.at(-1);
      if (!current) throw new Error(`document ${state.documentId} has no version after seq ${seq}`);
      const row = {
        type: state.type,
        title: current.record.title,
        status: current.status,
        currentVersion: current.record.version,
        state,
        updatedSeq: seq,
        updatedAt: new Date(entry.at),
      };
      await tx
        .insert(qaDocuments)
        .values({ companyId, documentId: state.documentId, ...row })
        .onConflictDoUpdate({ target: [qaDocuments.companyId, qaDocuments.documentId], set: row });
      return;
    }
    case 'key.registered':
      await tx.insert(signingKeys).values({
        companyId,
        keyId: entry.keyId,
        userId: entry.userId,
        printedName: entry.printedName,
        publicKey: entry.publicKey,
        registeredSeq: seq,
        registeredAt: new Date(entry.at),
      });
      // Rotation: the replaced key signs no more; what it signed stays valid (issue 5, Keys).
      if (entry.replaces !== null) {
        await tx
          .update(signingKeys)
          .set({ retiredSeq: seq })
          .where(and(eq(signingKeys.companyId, companyId), eq(signingKeys.keyId, entry.replaces), isNull(signingKeys.retiredSeq)));
      }
      return;
    case 'key.revoked':
      await tx
        .update(signingKeys)
        .set({ revokedSeq: seq, revokedReason: entry.reason })
        .where(and(eq(signingKeys.companyId, companyId), eq(signingKeys.keyId, entry.keyId)));
      return;
    case 'policy.set':
      await tx
        .insert(qaPolicies)
        .values({ companyId, policy: entry.policy, seq })
        .onConflictDoUpdate({ target: qaPolicies.companyId, set: { policy: entry.policy, seq } });
      return;
  }
}
