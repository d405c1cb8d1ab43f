import { MAY_SIGN } from '../../../shared/qa/policy';
import type { Policy } from '../../../shared/qa/policy';
import { MEANING_LABELS } from '../../../shared/qa/signature';
import type { Actor, DocumentState, KeyState } from '../../../shared/qa/state';
import type { DocumentSummary, DocumentView, KeyView } from '../../../shared/qa/views';
import { current as currentVersion, isActive, nextMeaning } from '../../../shared/qa/workflow';
import { auditTrail, type QaProjection } from '../../../shared/qa/projection';

/** Views the `qa` router returns (shared/qa/views.ts), derived from the folded state. */
export function keyView(key: KeyState): KeyView {
  return {
    keyId: key.keyId,
    userId: key.userId,
    printedName: key.printedName,
    state: keyLifecycle(key),
    registeredAt: key.registeredAt,
    revokedReason: key.revokedReason,
  };
}

function keyLifecycle(key: KeyState): KeyView['state'] {
  // A queued revocation or rotation shows at once (the projection marks it -1 until ledgered).
  if (key.revokedSeq !== null) return 'revoked';
  if (key.retiredSeq !== null) return 'retired';
  if (key.registeredSeq === null) return 'pending';
  return 'active';
}

function isPending(doc: DocumentState): boolean {
  return doc.versions.some((v) => v.seq === null || v.signatures.some((s) => s.seq === null));
}

export function documentSummary(doc: DocumentState, policy: Policy): DocumentSummary {
  const current = currentVersion(doc);
  return {
    documentId: doc.documentId,
    type: doc.type,
    title: current.record.title,
    version: current.record.version,
    status: current.status,
    updatedAt: current.record.createdAt,
    signed: current.signatures.filter((s) => s.signature.manifestation.meaning !== 'rejected').length,
    required: policy[doc.type].length,
    pending: isPending(doc),
  };
}

export function documentView(doc: DocumentState, projection: QaProjection, actor: Actor): DocumentView {
  const policy = projection.policy;
  const current = currentVersion(doc);
  const next = nextMeaning(doc, policy);
  return {
    documentId: doc.documentId,
    type: doc.type,
    title: current.record.title,
    current,
    versions: doc.versions,
    required: [...policy[doc.type]],
    nextMeaning: next,
    canSign: canSign(doc, projection, actor, next),
    audit: auditTrail(doc),
    pending: isPending(doc),
  };
}

/** Whether the signed-in user may give the next required signature, and if not a sentence why. */
function canSign(doc: DocumentState, projection: QaProjection, actor: Actor, next: DocumentView['nextMeaning']): DocumentView['canSign'] {
  const current = currentVersion(doc);
  const no = (why: string) => ({ allowed: false, why });
  if (!next) return no(`Version ${current.record.version} is ${current.status}: it needs no more signatures.`);
  if (!MAY_SIGN[next].includes(actor.role)) {
    return no(`${MEANING_LABELS[next]} needs the role ${MAY_SIGN[next].join(' or ')}; you are signed in as ${actor.role} (21 CFR 11.10(g)).`);
  }
  if (current.signatures.some((s) => s.signature.manifestation.userId === actor.userId)) {
    return no('You have already signed this version; each required signature must be by a different person.');
  }
  if (!projection.keys().some((k) => k.userId === actor.userId && isActive(k))) {
    return no('You have no active signing key: create one under QA → Signing key first.');
  }
  return { allowed: true, why: null };
}
