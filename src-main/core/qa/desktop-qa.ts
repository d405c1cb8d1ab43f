import { AppError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { VerificationReport } from '../../../shared/qa/bundle';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, type DocumentType } from '../../../shared/qa/content';
import type { Policy } from '../../../shared/qa/policy';
import type { LedgerEntry } from '../../../shared/qa/ledger-entry';
import type { QaOp } from '../../../shared/qa/ops';
import { signRecord } from '../../../shared/qa/sign-record';
import { manifestationSchema, type SignatureMeaning } from '../../../shared/qa/signature';
import type { Actor, DocumentState } from '../../../shared/qa/state';
import type { DocumentSummary, DocumentView, KeyView, LedgerStatus, MyKeyStatus } from '../../../shared/qa/views';
import type { VersionStatus } from '../../../shared/qa/ledger-entry';
import { decide } from '../../../shared/qa/workflow';
import type { ReplicaWriter } from '../replica/replica-writer';
import { exportBundle, exportFileName, exportPdf, verifyExport } from './qa-export';
import { buildState, documentIdOf, parseRows, type QaState } from './qa-state';
import type { LedgerRow, QaStore } from './qa-store';
import type { QaSync } from './qa-sync';
import { changeRecord, newRecord } from '../../../shared/qa/record-drafts';
import type { SignerKeys } from './signer-keys';
import { documentSummary, documentView, keyView } from './qa-views';

export interface QaActor extends Actor {
  companyId: string;
}

export interface DesktopQaOptions {
  store: QaStore;
  writer: ReplicaWriter;
  keys: SignerKeys;
  sync: QaSync;
  /**
   * A full sync (stock and QA) through the sync runner, so "Sync QA ledger" also refreshes the
   * online state and pending counts the status bar shows; throws the first failure. Without it
   * (tests of QA alone) only QA syncs.
   */
  syncAll?: () => Promise<unknown>;
  /** The signed-in user (throws `auth/unauthenticated` when nobody is). */
  actor: () => QaActor;
  now: () => Date;
  /** A QA op was queued: sync soon. */
  onChange?: () => void;
}

export interface ListFilter {
  type?: DocumentType;
  status?: VersionStatus;
  search?: string;
}

/**
 * QA documents on this computer (issue 5): the `qa` router's API. Everything works offline:
 * changes and signatures are decided locally by the shared workflow, queued in the replica and
 * shown at once as pending; QaSync delivers them to the server's ledger. Exports and
 * verification use only the part of the ledger this computer has verified.
 */
export class DesktopQa {
  private cache: { companyId: string; size: number; rows: LedgerRow[]; entries: LedgerEntry[] } | null = null;

  constructor(private readonly options: DesktopQaOptions) {}

  // ── Signing key ───────────────────────────────────────────────────────────────────────────
  async keyStatus(): Promise<MyKeyStatus> {
    const actor = this.options.actor();
    const keyId = await this.options.keys.keyId(owner(actor));
    if (!keyId) return { hasKey: false, key: null };
    const key = (await this.state(actor)).projection.key(keyId);
    return { hasKey: true, key: key ? keyView(key) : null };
  }

  async createKey(input: { password: string }): Promise<MyKeyStatus> {
    const actor = this.options.actor();
    const current = await this.keyStatus();
    if (current.key && (current.key.state === 'active' || current.key.state === 'pending')) {
      throw new AppError('qa/invalid-transition', 'You already have a signing key on this computer. Rotate it to replace it, or revoke it if it was compromised.');
    }
    const made = await this.options.keys.create(owner(actor), input.password, null, newId());
    await this.queue(actor, made.op, 'Register a new signing key', made.store);
    return this.keyStatus();
  }

  /** Rotation (issue 5, Keys): a new key replaces the current one; the old key's signatures stay valid. */
  async rotateKey(input: { password: string; newPassword: string }): Promise<MyKeyStatus> {
    const actor = this.options.actor();
    const oldKeyId = await this.options.keys.keyId(owner(actor));
    if (!oldKeyId) throw new AppError('qa/no-signing-key', 'You have no signing key on this computer to rotate. Create one instead.');
    // Proof the person rotating holds the current key's password (11.200): opened and wiped at once.
    await this.options.keys.withSecretKey(owner(actor), input.password, async () => undefined);
    const made = await this.options.keys.create(owner(actor), input.newPassword, oldKeyId, newId());
    await this.queue(actor, made.op, `Rotate signing key ${oldKeyId}`, made.store);
    return this.keyStatus();
  }

  /** Revocation (lost machine): the key signs no more; what it signed before stays valid. */
  async revokeKey(input: { keyId: string; reason: string }): Promise<KeyView[]> {
    const actor = this.options.actor();
    await this.queue(actor, { opId: newId(), kind: 'key.revoke', keyId: input.keyId, reason: input.reason }, `Revoke signing key ${input.keyId}`);
    return this.keys();
  }

  /** The company's required signatures per record type (shared/qa/policy.ts). */
  async policy(): Promise<Policy> {
    return (await this.state(this.options.actor())).projection.policy;
  }

  /** Administrators set which signatures each type needs; the change is ledgered like any other. */
  async setPolicy(policy: Policy): Promise<Policy> {
    const actor = this.options.actor();
    const summary = DOCUMENT_TYPES.map((t) => `${DOCUMENT_TYPE_LABELS[t]}: ${policy[t].join(' → ')}`).join('; ');
    await this.queue(actor, { opId: newId(), kind: 'policy.set', policy }, `Signature policy — ${summary}`);
    return this.policy();
  }

  async keys(): Promise<KeyView[]> {
    return (await this.state(this.options.actor())).projection.keys().map(keyView);
  }

  // ── Documents ─────────────────────────────────────────────────────────────────────────────
  async list(filter: ListFilter = {}): Promise<DocumentSummary[]> {
    const { projection } = await this.state(this.options.actor());
    const search = filter.search?.trim().toLowerCase();
    return projection
      .documents()
      .filter((d) => !filter.type || d.type === filter.type)
      .filter((d) => !search || matches(d, search))
      .map((d) => documentSummary(d, projection.policy))
      .filter((s) => !filter.status || s.status === filter.status)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async get(documentId: string): Promise<DocumentView> {
    const actor = this.options.actor();
    const { projection } = await this.state(actor);
    return documentView(this.document(projection.document(documentId), documentId), projection, actor);
  }

  async create(input: { type: DocumentType; title: string; content: unknown }): Promise<{ documentId: string }> {
    const actor = this.options.actor();
    const record = newRecord(actor, input, this.nowIso());
    await this.queue(actor, { opId: newId(), kind: 'document.version', record }, `Create ${DOCUMENT_TYPE_LABELS[record.type]} "${record.title}"`);
    return { documentId: record.documentId };
  }

  async edit(input: { documentId: string; title: string; content: unknown }): Promise<DocumentView> {
    return this.change(input.documentId, (doc, actor) => changeRecord(actor, doc, { kind: 'edit', reason: null, title: input.title, content: input.content }, this.nowIso()));
  }

  async amend(input: { documentId: string; reason: string }): Promise<DocumentView> {
    return this.change(input.documentId, (doc, actor) => changeRecord(actor, doc, { kind: 'amend', reason: input.reason }, this.nowIso()));
  }

  async void(input: { documentId: string; reason: string }): Promise<DocumentView> {
    return this.change(input.documentId, (doc, actor) => changeRecord(actor, doc, { kind: 'void', reason: input.reason }, this.nowIso()));
  }

  /**
   * Signs one version (21 CFR 11.50, 11.70, 11.200): the password is asked for every signature,
   * opens the sealed key for this one signature only, and the key is wiped straight after.
   */
  async sign(input: { documentId: string; version: number; meaning: SignatureMeaning; reason: string | null; password: string }): Promise<DocumentView> {
    const actor = this.options.actor();
    const doc = this.document((await this.state(actor)).projection.document(input.documentId), input.documentId);
    const version = doc.versions.find((v) => v.record.version === input.version);
    if (!version) throw new AppError('qa/invalid-transition', `This record has no version ${input.version}; sign the current version ${doc.versions.at(-1)?.record.version}.`);
    const manifestation = manifestationSchema.parse({ printedName: actor.printedName, userId: actor.userId, signedAt: this.nowIso(), meaning: input.meaning, reason: input.reason ?? null });
    const signature = await this.options.keys.withSecretKey(owner(actor), input.password, (secretKey) => signRecord(version.record, manifestation, secretKey));
    await this.queue(actor, { opId: newId(), kind: 'document.sign', signature }, `Signature "${input.meaning}" on "${version.record.title}" v${input.version}`);
    return this.get(input.documentId);
  }

  // ── Ledger, verification, export ──────────────────────────────────────────────────────────
  ledger(): LedgerStatus {
    const { companyId, userId } = this.options.actor();
    const head = this.options.store.head(companyId);
    const pending = this.options.store.pending(companyId, userId);
    return {
      treeSize: head?.treeHead.treeSize ?? null,
      rootHash: head?.treeHead.rootHash ?? null,
      verifiedAt: head?.verifiedAt ?? null,
      serverKeyId: head?.serverKeyId ?? null,
      pendingOps: pending.filter((p) => p.status === 'pending').length,
      problem: this.options.sync.problem(companyId),
      rejected: pending.flatMap((p) => (p.status === 'rejected' && p.error ? [{ opId: p.opId, summary: p.summary, error: p.error }] : [])),
    };
  }

  async sync(): Promise<LedgerStatus> {
    const { companyId, userId } = this.options.actor();
    if (this.options.syncAll) await this.options.syncAll();
    else await this.options.sync.run(companyId, userId);
    return this.ledger();
  }

  async verify(input: { documentId: string; version?: number }): Promise<VerificationReport> {
    const { bundle, head } = this.bundle(input);
    return verifyExport(bundle, head);
  }

  async exportBundle(input: { documentId: string; version?: number }): Promise<{ fileName: string; json: string }> {
    const { bundle, title } = this.bundle(input);
    return { fileName: exportFileName(title, bundle.version, 'atlas-bundle.json'), json: `${JSON.stringify(bundle, null, 2)}\n` };
  }

  async exportPdf(input: { documentId: string; version?: number }): Promise<{ fileName: string; base64: string }> {
    const { bundle, title, head } = this.bundle(input);
    return { fileName: exportFileName(title, bundle.version, 'pdf'), base64: await exportPdf(bundle, head) };
  }

  // ── Internals ─────────────────────────────────────────────────────────────────────────────
  private bundle(input: { documentId: string; version?: number }) {
    const { companyId } = this.options.actor();
    const head = this.options.store.head(companyId);
    const verified = this.verified(companyId);
    const made = exportBundle({ companyId, rows: verified.rows, entries: verified.entries, head, now: this.nowIso() }, input.documentId, input.version);
    if (!head) throw new AppError('internal/unexpected', 'No verified tree head.');
    return { ...made, head };
  }

  private async change(documentId: string, make: (doc: DocumentState, actor: QaActor) => ReturnType<typeof changeRecord>): Promise<DocumentView> {
    const actor = this.options.actor();
    const doc = this.document((await this.state(actor)).projection.document(documentId), documentId);
    const record = make(doc, actor);
    await this.queue(actor, { opId: newId(), kind: 'document.version', record }, `${record.change.kind[0]?.toUpperCase()}${record.change.kind.slice(1)} "${record.title}" (v${record.version})`);
    return this.get(documentId);
  }

  /**
   * Decides the op against the state as it is inside the write transaction (so two quick actions
   * cannot both pass on the same stale state) and queues it only if the workflow accepts it —
   * the same refusal offline as the server would give. `alsoDo` runs in the same transaction.
   */
  private async queue(actor: QaActor, op: QaOp, summary: string, alsoDo?: () => void): Promise<void> {
    const { store, writer } = this.options;
    await writer.transaction(async () => {
      const { projection } = await this.state(actor);
      await decide(projection.context(plain(actor), this.nowIso(), documentIdOf(op)), op);
      store.enqueue(owner(actor), op, summary, this.nowIso());
      alsoDo?.();
    });
    this.options.onChange?.();
  }

  private state(actor: QaActor): Promise<QaState> {
    const verified = this.verified(actor.companyId);
    return buildState(actor.companyId, verified.entries, this.options.store.pending(actor.companyId, actor.userId), plain(actor), this.nowIso());
  }

  private verified(companyId: string): { rows: LedgerRow[]; entries: LedgerEntry[] } {
    const size = this.options.store.ledgerSize(companyId);
    if (this.cache?.companyId !== companyId || this.cache.size !== size) {
      const rows = this.options.store.ledger(companyId);
      this.cache = { companyId, size, rows, entries: parseRows(rows) };
    }
    return this.cache;
  }

  private document(doc: DocumentState | null, documentId: string): DocumentState {
    if (!doc) throw new AppError('qa/unknown-document', `There is no QA record ${documentId} on this computer. Sync, or check the link.`);
    return doc;
  }

  private nowIso(): string {
    return this.options.now().toISOString();
  }
}

function owner(actor: QaActor) {
  return { companyId: actor.companyId, userId: actor.userId };
}

/** The actor exactly as the workflow records it (no extra fields in a ledger entry). */
function plain(actor: QaActor): Actor {
  return { userId: actor.userId, printedName: actor.printedName, role: actor.role };
}

function matches(doc: DocumentState, search: string): boolean {
  const current = doc.versions.at(-1)?.record;
  return !!current && (current.title.toLowerCase().includes(search) || doc.documentId.startsWith(search) || JSON.stringify(current.content).toLowerCase().includes(search));
}
