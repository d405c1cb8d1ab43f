import { AppError } from '../errors';
import { fromBase64 } from '../ledger/tree-head';
import { fingerprint, PUBLIC_KEY_BYTES, verify } from '../signing/ed25519';
import { toFieldIssues } from '../zod-issues';
import { diffRecords } from './diff';
import type { LedgerEntry, VersionStatus } from './ledger-entry';
import { qaOpSchema, type QaOp } from './ops';
import { MAY_SET_POLICY, MAY_SIGN, MAY_VOID, MAY_WRITE } from './policy';
import { recordHash, type DocumentRecord } from './record';
import { keyRegistrationPayload, signaturePayload, type DocSignature, type SignatureMeaning } from './signature';
import type { DecideContext, DocumentState, KeyState, VersionState } from './state';

type Op<K extends QaOp['kind']> = Extract<QaOp, { kind: K }>;
type DocumentEntry = Extract<LedgerEntry, { kind: 'document.version' | 'document.signature' }>;

/** Statuses in which a version takes no more signatures. */
const CLOSED: readonly VersionStatus[] = ['approved', 'rejected', 'voided', 'superseded'];

/**
 * Decides one QA op: the operational and authority checks of 21 CFR 11.10(f)/(g) and the
 * signature checks of 11.70/11.100/11.200, run identically by the server (authoritative, with its
 * clock) and by the desktop (optimistically, offline, so a person is refused at once for the same
 * reason the server would give). Returns the ledger entry that records the op, or throws.
 */
export async function decide(ctx: DecideContext, input: QaOp): Promise<LedgerEntry> {
  const parsed = qaOpSchema.safeParse(input);
  if (!parsed.success) throw new AppError('validation/invalid-input', 'This QA change is not valid.', { issues: toFieldIssues(parsed.error) });
  const op = parsed.data;
  switch (op.kind) {
    case 'key.register':
      return registerKey(ctx, op);
    case 'key.revoke':
      return revokeKey(ctx, op);
    case 'policy.set':
      requireRole(ctx, MAY_SET_POLICY, 'change the signature policy');
      return { ...base(ctx), kind: 'policy.set', policy: op.policy };
    case 'document.version':
      return newVersion(ctx, op);
    case 'document.sign':
      return signVersion(ctx, op.signature);
  }
}

function base(ctx: DecideContext) {
  return { companyId: ctx.companyId, at: ctx.now, actor: { userId: ctx.actor.userId, printedName: ctx.actor.printedName } };
}

function requireRole(ctx: DecideContext, roles: readonly string[], what: string): void {
  if (!roles.includes(ctx.actor.role)) {
    throw new AppError('qa/not-permitted', `Your role (${ctx.actor.role}) may not ${what}; it needs one of: ${roles.join(', ')}.`);
  }
}

async function registerKey(ctx: DecideContext, op: Op<'key.register'>): Promise<LedgerEntry> {
  requireRole(ctx, MAY_SIGN.authored, 'hold a signing key');
  const publicKey = await decodeBase64(op.publicKey, 'publicKey');
  if (publicKey.length !== PUBLIC_KEY_BYTES) throw new AppError('signing/bad-key', `A public key must be ${PUBLIC_KEY_BYTES} bytes; this one has ${publicKey.length}.`);
  const keyId = await fingerprint(publicKey);
  if (ctx.key(keyId)) throw new AppError('qa/invalid-transition', `Key ${keyId} is already registered.`);
  const proof = await decodeBase64(op.proof, 'proof');
  const statement = keyRegistrationPayload({ companyId: ctx.companyId, userId: ctx.actor.userId, publicKey: op.publicKey });
  if (!(await verify(proof, statement, publicKey))) {
    throw new AppError('qa/bad-signature', 'The key registration is not signed by the key being registered, so possession of the private key is not proven.');
  }
  if (op.replaces !== null) {
    const old = ctx.key(op.replaces);
    if (!old) throw new AppError('qa/unknown-key', `Key ${op.replaces} (to be replaced) is not registered.`);
    if (old.userId !== ctx.actor.userId) throw new AppError('qa/not-permitted', `Key ${op.replaces} belongs to ${old.printedName}; you can only replace your own key.`);
    if (!isActive(old)) throw new AppError('qa/invalid-transition', `Key ${op.replaces} is already ${old.revokedSeq !== null ? 'revoked' : 'retired'}.`);
  }
  return { ...base(ctx), kind: 'key.registered', keyId, userId: ctx.actor.userId, printedName: ctx.actor.printedName, publicKey: op.publicKey, proof: op.proof, replaces: op.replaces };
}

function revokeKey(ctx: DecideContext, op: Op<'key.revoke'>): LedgerEntry {
  const key = ctx.key(op.keyId);
  if (!key) throw new AppError('qa/unknown-key', `Key ${op.keyId} is not registered.`);
  // 11.300(c): a lost device's key is revoked by its owner or, when the owner cannot, an administrator.
  if (key.userId !== ctx.actor.userId && ctx.actor.role !== 'admin') {
    throw new AppError('qa/not-permitted', `Key ${op.keyId} belongs to ${key.printedName}; only they or an administrator can revoke it.`);
  }
  if (key.revokedSeq !== null) throw new AppError('qa/invalid-transition', `Key ${op.keyId} is already revoked.`);
  return { ...base(ctx), kind: 'key.revoked', keyId: op.keyId, userId: key.userId, reason: op.reason };
}

function newVersion(ctx: DecideContext, op: Op<'document.version'>): LedgerEntry {
  const record = op.record as DocumentRecord;
  if (record.companyId !== ctx.companyId) throw new AppError('qa/not-permitted', 'This record belongs to another company.');
  if (record.createdBy.userId !== ctx.actor.userId || record.createdBy.printedName !== ctx.actor.printedName) {
    throw new AppError('qa/not-permitted', `A version is written in its author's own name; this one names ${record.createdBy.printedName}.`);
  }
  const doc = ctx.document;
  let previous: VersionState | null = null;
  if (record.change.kind === 'create') {
    if (doc) throw new AppError('qa/invalid-transition', `Document ${record.documentId} already exists.`);
    requireRole(ctx, MAY_WRITE, 'create QA records');
  } else {
    if (!doc || doc.documentId !== record.documentId) throw new AppError('qa/unknown-document', `Document ${record.documentId} does not exist.`);
    previous = current(doc);
    if (record.type !== doc.type) throw new AppError('qa/invalid-transition', `A ${doc.type} record cannot become a ${record.type} record.`);
    if (record.version !== previous.record.version + 1 || record.previousVersion !== previous.record.version) {
      throw new AppError('qa/invalid-transition', `Version ${previous.record.version} is the current one; the new version must be ${previous.record.version + 1} and replace it. Reload and try again.`);
    }
    checkChange(ctx, record, previous);
  }
  return { ...base(ctx), kind: 'document.version', record, recordHash: recordHash(record), changes: diffRecords(previous?.record ?? null, record) };
}

/** Which changes each status permits (11.10(f)): signed content is never edited, only amended or voided. */
function checkChange(ctx: DecideContext, record: DocumentRecord, previous: VersionState): void {
  const status = previous.status;
  switch (record.change.kind) {
    case 'edit':
      requireRole(ctx, MAY_WRITE, 'edit QA records');
      if (status !== 'draft' || previous.signatures.length > 0) {
        throw new AppError('qa/invalid-transition', `Version ${previous.record.version} is ${status === 'draft' ? 'already signed' : status}; it can no longer be edited. Amend it instead.`);
      }
      return;
    case 'amend':
      requireRole(ctx, MAY_WRITE, 'amend QA records');
      if (status !== 'approved' && status !== 'rejected') {
        throw new AppError('qa/invalid-transition', `Only an approved or rejected record is amended; version ${previous.record.version} is ${status}.`);
      }
      return;
    case 'void':
      requireRole(ctx, MAY_VOID, 'void QA records');
      if (status === 'voided') throw new AppError('qa/invalid-transition', 'This record is already void.');
      // A void records a decision, not new content: the voided version repeats what it voids.
      if (record.title !== previous.record.title || JSON.stringify(record.content) !== JSON.stringify(previous.record.content)) {
        throw new AppError('qa/invalid-transition', 'A void must not change the content; amend the record to change it.');
      }
      return;
    case 'create':
      throw new AppError('qa/invalid-transition', 'Only version 1 is a create.');
  }
}

async function signVersion(ctx: DecideContext, signature: DocSignature): Promise<LedgerEntry> {
  const doc = ctx.document;
  if (!doc || doc.documentId !== signature.documentId) throw new AppError('qa/unknown-document', `Document ${signature.documentId} does not exist.`);
  const version = current(doc);
  const m = signature.manifestation;
  if (signature.version !== version.record.version) {
    throw new AppError('qa/invalid-transition', `Only the current version (${version.record.version}) can be signed; this signature is for version ${signature.version}.`);
  }
  // 11.70: the signature names the exact content it was made over.
  if (signature.recordHash !== version.recordHash) {
    throw new AppError('qa/bad-signature', `This signature was made over different content than version ${version.record.version} holds.`);
  }
  if (m.userId !== ctx.actor.userId || m.printedName !== ctx.actor.printedName) {
    throw new AppError('qa/not-permitted', `A signature is given in one's own name (21 CFR 11.100); this one names ${m.printedName}.`);
  }
  const meaning = m.meaning;
  checkSequence(ctx, doc, version, meaning);
  requireRole(ctx, MAY_SIGN[meaning], `sign as "${meaning}"`);
  if (version.signatures.some((s) => s.signature.manifestation.userId === ctx.actor.userId)) {
    throw new AppError('qa/not-permitted', `You have already signed version ${version.record.version}; each required signature must be by a different person.`);
  }
  const author = version.record.createdBy.userId === ctx.actor.userId;
  if (meaning === 'authored' && !author) throw new AppError('qa/not-permitted', `Authorship is signed by the person who wrote this version (${version.record.createdBy.printedName}).`);
  if ((meaning === 'reviewed' || meaning === 'approved') && author) {
    throw new AppError('qa/not-permitted', `An author cannot ${meaning === 'approved' ? 'approve' : 'review'} their own record; another person must.`);
  }
  const key = ctx.key(signature.keyId);
  if (!key) throw new AppError('qa/unknown-key', `Signing key ${signature.keyId} is not registered.`);
  if (key.userId !== ctx.actor.userId) throw new AppError('qa/not-permitted', `Signing key ${signature.keyId} belongs to ${key.printedName}.`);
  if (key.revokedSeq !== null) throw new AppError('qa/key-revoked', `Signing key ${signature.keyId} was revoked (${key.revokedReason ?? 'no reason given'}); it can no longer sign. Create a new key.`);
  if (key.retiredSeq !== null) throw new AppError('qa/key-revoked', `Signing key ${signature.keyId} was replaced by a newer key; sign with the new one.`);
  const valid = await verify(await decodeBase64(signature.signature, 'signature'), signaturePayload(version.record, m), await decodeBase64(key.publicKey, 'publicKey'));
  if (!valid) throw new AppError('qa/bad-signature', `The signature does not verify against ${key.printedName}'s registered key ${key.keyId}.`);
  return { ...base(ctx), kind: 'document.signature', signature, statusAfter: statusAfter(ctx, doc, version, meaning) };
}

/** 11.10(f): the signatures a policy requires come in its order; a rejection ends the review. */
function checkSequence(ctx: DecideContext, doc: DocumentState, version: VersionState, meaning: SignatureMeaning): void {
  if (CLOSED.includes(version.status)) throw new AppError('qa/invalid-transition', `Version ${version.record.version} is ${version.status}; it takes no more signatures.`);
  if (meaning === 'rejected') {
    if (version.status !== 'in-review') throw new AppError('qa/invalid-transition', 'Only a record in review can be rejected; a draft is edited instead.');
    return;
  }
  const expected = nextMeaning(doc, ctx.policy);
  if (meaning !== expected) {
    throw new AppError('qa/invalid-transition', `This record needs the "${expected ?? 'none'}" signature next, not "${meaning}".`);
  }
}

function statusAfter(ctx: DecideContext, doc: DocumentState, version: VersionState, meaning: SignatureMeaning): VersionStatus {
  if (meaning === 'rejected') return 'rejected';
  const signed = new Set([...version.signatures.map((s) => s.signature.manifestation.meaning), meaning]);
  return ctx.policy[doc.type].every((m) => signed.has(m)) ? 'approved' : 'in-review';
}

/** The next signature the current version needs under `policy`, or null when it takes none. */
export function nextMeaning(doc: DocumentState, policy: DecideContext['policy']): SignatureMeaning | null {
  const version = current(doc);
  if (CLOSED.includes(version.status)) return null;
  const signed = new Set(version.signatures.map((s) => s.signature.manifestation.meaning));
  return policy[doc.type].find((m) => !signed.has(m)) ?? null;
}

export function current(doc: DocumentState): VersionState {
  const last = doc.versions.at(-1);
  if (!last) throw new AppError('internal/unexpected', `Document ${doc.documentId} has no versions.`);
  return last;
}

export function isActive(key: KeyState): boolean {
  return key.revokedSeq === null && key.retiredSeq === null;
}

/**
 * Folds one document entry into the document's state, returning a new state (the old one is not
 * changed). `seq` is the entry's ledger index, or null for an op queued on this desktop.
 */
export function evolveDocument(doc: DocumentState | null, entry: DocumentEntry, seq: number | null): DocumentState {
  const at = seq === null ? null : entry.at;
  if (entry.kind === 'document.version') {
    const { record } = entry;
    const version: VersionState = { record, recordHash: entry.recordHash, status: record.change.kind === 'void' ? 'voided' : 'draft', signatures: [], changes: entry.changes, seq, at };
    if (!doc) return { documentId: record.documentId, companyId: record.companyId, type: record.type, versions: [version] };
    const versions = doc.versions.map((v) => (v.record.version === record.previousVersion && record.change.kind === 'edit' ? { ...v, status: 'superseded' as const } : v));
    return { ...doc, versions: [...versions, version] };
  }
  if (!doc) throw new AppError('qa/unknown-document', `Document ${entry.signature.documentId} does not exist.`);
  const { signature } = entry;
  const versions = doc.versions.map((v) => {
    if (v.record.version === signature.version) return { ...v, status: entry.statusAfter, signatures: [...v.signatures, { signature, seq, at }] };
    // An approved amendment supersedes the version it amends (and any earlier approved one).
    if (entry.statusAfter === 'approved' && v.status === 'approved') return { ...v, status: 'superseded' as const };
    return v;
  });
  return { ...doc, versions };
}

async function decodeBase64(text: string, field: string): Promise<Uint8Array> {
  try {
    return await fromBase64(text);
  } catch {
    throw new AppError('validation/invalid-input', `${field} is not valid base64.`, { issues: [{ path: field, message: 'is not valid base64' }] });
  }
}
