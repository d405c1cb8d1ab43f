import type { SerializedError } from '../errors';
import type { DocumentType } from './content';
import type { FieldChange, VersionStatus } from './ledger-entry';
import type { DocumentRecord, Person } from './record';
import type { SignatureMeaning } from './signature';
import type { VersionState } from './state';

/**
 * What the desktop core's `qa` router returns to the renderer (src-main/core/router/qa.ts).
 * `pending` marks anything made on this computer and not yet accepted into the server's ledger.
 */
export interface DocumentSummary {
  documentId: string;
  type: DocumentType;
  title: string;
  version: number;
  status: VersionStatus;
  /** createdAt of the current version. */
  updatedAt: string;
  /** Signatures on the current version / signatures the policy requires. */
  signed: number;
  required: number;
  pending: boolean;
}

export interface AuditEvent {
  seq: number | null;
  /** Ledger (server) time, or the device time while pending. */
  at: string;
  actor: Person;
  /** e.g. "created version 1", "signed v2: approved", "voided v3". */
  action: string;
  reason: string | null;
  changes: FieldChange[];
  pending: boolean;
}

export interface DocumentView {
  documentId: string;
  type: DocumentType;
  title: string;
  current: VersionState;
  versions: VersionState[];
  /** The company's required meanings for this type, in order. */
  required: SignatureMeaning[];
  /** The next meaning the current version needs, or null when approved / rejected / voided. */
  nextMeaning: SignatureMeaning | null;
  /** Whether the signed-in user may give that next meaning now, and if not, why (a sentence). */
  canSign: { allowed: boolean; why: string | null };
  audit: AuditEvent[];
  pending: boolean;
}

export type KeyLifecycle = 'pending' | 'active' | 'retired' | 'revoked';

export interface KeyView {
  keyId: string;
  userId: string;
  printedName: string;
  state: KeyLifecycle;
  registeredAt: string | null;
  revokedReason: string | null;
}

/** The signed-in user's own signing key on this computer. */
export interface MyKeyStatus {
  /** A sealed key for this user is in this computer's keychain. */
  hasKey: boolean;
  key: KeyView | null;
}

export interface LedgerStatus {
  /** Size and root (base64) of the last tree head this desktop verified, or null before the first. */
  treeSize: number | null;
  rootHash: string | null;
  verifiedAt: string | null;
  serverKeyId: string | null;
  /** QA changes made here and not yet accepted by the server. */
  pendingOps: number;
  /** Set when the server's ledger failed verification (fork, rollback, bad tree head, key change). */
  problem: SerializedError | null;
  /** Ops the server refused, with its reason (the person must see them; they never block the queue). */
  rejected: { opId: string; summary: string; error: SerializedError }[];
}

export type { DocumentRecord };
