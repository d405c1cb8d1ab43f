import type { Role } from '../auth/schemas';
import type { DocumentType } from './content';
import type { FieldChange, VersionStatus } from './ledger-entry';
import type { Policy } from './policy';
import type { DocumentRecord, Person } from './record';
import type { DocSignature } from './signature';

/**
 * The QA state both sides derive by folding ledger entries in order (workflow.ts `evolve`): the
 * server keeps it per document to decide the next op; the desktop folds its verified copy of the
 * ledger plus its own queued ops. Plain JSON (no Maps, no Dates) so the server can store it.
 *
 * `seq` is the ledger index of the entry that produced a thing, or null while it is only queued
 * on this desktop (made offline, not yet accepted by the server).
 */
export interface SignatureState {
  signature: DocSignature;
  seq: number | null;
  /** Server time the ledger accepted it (null while queued). */
  at: string | null;
}

export interface VersionState {
  record: DocumentRecord;
  recordHash: string;
  status: VersionStatus;
  signatures: SignatureState[];
  changes: FieldChange[];
  seq: number | null;
  at: string | null;
}

export interface DocumentState {
  documentId: string;
  companyId: string;
  type: DocumentType;
  /** Every version in order; the last is the current one. */
  versions: VersionState[];
}

export interface KeyState {
  keyId: string;
  userId: string;
  printedName: string;
  publicKey: string;
  registeredSeq: number | null;
  registeredAt: string | null;
  /** Set when a newer key replaced this one: it signs no more, its signatures stay valid. -1 (here
   * and in revokedSeq) marks a rotation or revocation queued on this desktop, not yet ledgered. */
  retiredSeq: number | null;
  /** Set on revocation (lost machine): it signs no more; signatures ledgered before stay valid. */
  revokedSeq: number | null;
  revokedReason: string | null;
}

/** Who is acting, as the server's session (or the desktop's signed-in user) says. */
export interface Actor extends Person {
  role: Role;
}

/** Everything `decide` reads: the document the op touches, the keys, the company policy. */
export interface DecideContext {
  companyId: string;
  actor: Actor;
  /** Server time on the server; the device clock on the desktop's optimistic run. */
  now: string;
  policy: Policy;
  document: DocumentState | null;
  key(keyId: string): KeyState | null;
  /** The actor's keys that are neither retired nor revoked (at most one in practice). */
  activeKeysOf(userId: string): KeyState[];
}
