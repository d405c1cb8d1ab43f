import type { LedgerEntry } from './ledger-entry';
import { DEFAULT_POLICY, type Policy } from './policy';
import type { Actor, DecideContext, DocumentState, KeyState } from './state';
import type { AuditEvent } from './views';
import { evolveDocument, isActive } from './workflow';

/**
 * A company's QA state folded from its ledger entries in order: documents, signing keys and the
 * signature policy. The desktop folds its verified ledger copy and then its queued ops (seq null);
 * the server folds to rebuild projections. Entries of another company are refused, not ignored.
 */
export class QaProjection {
  private readonly docs = new Map<string, DocumentState>();
  private readonly keyMap = new Map<string, KeyState>();
  private currentPolicy: Policy = DEFAULT_POLICY;

  constructor(readonly companyId: string) {}

  apply(entry: LedgerEntry, seq: number | null): void {
    if (entry.companyId !== this.companyId) throw new Error(`ledger entry of company ${entry.companyId} folded into ${this.companyId}`);
    switch (entry.kind) {
      case 'document.version': {
        const id = entry.record.documentId;
        this.docs.set(id, evolveDocument(this.docs.get(id) ?? null, entry, seq));
        return;
      }
      case 'document.signature': {
        const id = entry.signature.documentId;
        this.docs.set(id, evolveDocument(this.docs.get(id) ?? null, entry, seq));
        return;
      }
      case 'key.registered': {
        this.keyMap.set(entry.keyId, {
          keyId: entry.keyId,
          userId: entry.userId,
          printedName: entry.printedName,
          publicKey: entry.publicKey,
          registeredSeq: seq,
          registeredAt: seq === null ? null : entry.at,
          retiredSeq: null,
          revokedSeq: null,
          revokedReason: null,
        });
        const old = entry.replaces ? this.keyMap.get(entry.replaces) : undefined;
        // A queued rotation retires the old key at once on this desktop (-1: not yet ledgered).
        if (old) this.keyMap.set(old.keyId, { ...old, retiredSeq: seq ?? -1 });
        return;
      }
      case 'key.revoked': {
        const key = this.keyMap.get(entry.keyId);
        if (key) this.keyMap.set(key.keyId, { ...key, revokedSeq: seq ?? -1, revokedReason: entry.reason });
        return;
      }
      case 'policy.set':
        this.currentPolicy = entry.policy;
        return;
    }
  }

  get policy(): Policy {
    return this.currentPolicy;
  }

  documents(): DocumentState[] {
    return [...this.docs.values()];
  }

  document(id: string): DocumentState | null {
    return this.docs.get(id) ?? null;
  }

  keys(): KeyState[] {
    return [...this.keyMap.values()];
  }

  key(keyId: string): KeyState | null {
    return this.keyMap.get(keyId) ?? null;
  }

  context(actor: Actor, now: string, documentId: string | null): DecideContext {
    return {
      companyId: this.companyId,
      actor,
      now,
      policy: this.currentPolicy,
      document: documentId === null ? null : this.document(documentId),
      key: (keyId) => this.key(keyId),
      activeKeysOf: (userId) => this.keys().filter((k) => k.userId === userId && isActive(k)),
    };
  }
}

const CHANGE_ACTIONS = { create: 'created', edit: 'edited', amend: 'amended', void: 'voided' } as const;

/**
 * The document's audit trail (21 CFR 11.10(e)): every version and signature in ledger order, with
 * who, when (the ledger's time; the device's while still queued), the reason and the before/after
 * values. Queued events come last, in the order they were made.
 */
export function auditTrail(doc: DocumentState): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const v of doc.versions) {
    const r = v.record;
    events.push({
      seq: v.seq,
      at: v.at ?? r.createdAt,
      actor: r.createdBy,
      action: r.change.kind === 'create' ? 'created version 1' : `${CHANGE_ACTIONS[r.change.kind]} version ${r.previousVersion} → version ${r.version}`,
      reason: r.change.reason,
      changes: v.changes,
      pending: v.seq === null,
    });
    for (const s of v.signatures) {
      const m = s.signature.manifestation;
      events.push({
        seq: s.seq,
        at: s.at ?? m.signedAt,
        actor: { userId: m.userId, printedName: m.printedName },
        action: `signed version ${r.version}: ${m.meaning}`,
        reason: m.reason,
        changes: [],
        pending: s.seq === null,
      });
    }
  }
  const order = (e: AuditEvent) => (e.seq === null ? Number.MAX_SAFE_INTEGER : e.seq);
  return events.sort((a, b) => order(a) - order(b) || a.at.localeCompare(b.at));
}
