import { AppError } from '../../../shared/errors';
import { canonicalJson } from '../../../shared/ledger/canonical-json';
import { leafHash } from '../../../shared/ledger/merkle';
import { MerkleTree } from '../../../shared/ledger/merkle-tree';
import { equalBytes, verifyConsistency } from '../../../shared/ledger/merkle-verify';
import { fromBase64, verifyTreeHead, type TreeHead } from '../../../shared/ledger/tree-head';
import type { QaPullOutput } from '../../../shared/qa/api';
import { ledgerEntrySchema } from '../../../shared/qa/ledger-entry';
import { fingerprint } from '../../../shared/signing/ed25519';
import type { LedgerRow, VerifiedHead } from './qa-store';

const encoder = new TextEncoder();
const TELL = 'Nothing was changed here; tell your administrator.';

/** What the server sent across all pull pages: the entries after ours and its latest head. */
export interface PulledLedger {
  entries: QaPullOutput['entries'];
  treeHead: TreeHead | null;
  consistency: string[];
  serverPublicKey: string;
  serverKeyId: string;
}

export interface VerifyPullInput {
  companyId: string;
  /** The head this computer verified last (null before the first pull). */
  stored: VerifiedHead | null;
  /** The verified tree over the entries this computer holds (size = stored head's size). */
  tree: MerkleTree;
  pulled: PulledLedger;
  now: string;
}

/**
 * Checks what a pull brought before anything is stored (issue 5, Ledger; RFC 6962 §2.1.2):
 * the server key is the one pinned on first use, the tree head is signed by it, the new tree is
 * not smaller than the one verified before (rollback), the consistency proof shows the old tree is
 * a prefix of the new one (fork), and the leaves we hold plus the new ones rebuild the signed
 * root. Returns the rows to store and the new head, or throws a ledger/* AppError with a sentence
 * a person can act on; the caller then keeps its old verified state untouched.
 */
export async function verifyPull(input: VerifyPullInput): Promise<{ rows: LedgerRow[]; head: VerifiedHead } | null> {
  const { stored, tree, pulled, companyId } = input;
  const verifiedSize = stored?.treeHead.treeSize ?? 0;

  if (stored && pulled.serverPublicKey !== stored.serverPublicKey) {
    throw new AppError(
      'ledger/server-key-changed',
      `The server now signs its QA ledger with a different key (${pulled.serverKeyId}) from the one this computer trusted (${stored.serverKeyId}). ${TELL}`,
    );
  }
  const head = pulled.treeHead;
  if (!head) {
    if (verifiedSize > 0) throw rollback(0, verifiedSize);
    return null; // the company's ledger is empty: nothing to verify or pin yet
  }

  const serverKey = await decodeKey(pulled.serverPublicKey);
  if (!serverKey || (await fingerprint(serverKey)) !== pulled.serverKeyId || head.keyId !== pulled.serverKeyId || head.companyId !== companyId || !(await verifyTreeHead(head, serverKey))) {
    throw new AppError('ledger/bad-tree-head', `The server's QA ledger head is not validly signed by its ledger key: it may have been altered on the way. ${TELL}`);
  }
  if (head.treeSize < verifiedSize) throw rollback(head.treeSize, verifiedSize);

  const newRoot = await decodeHash(head.rootHash);
  if (stored && verifiedSize > 0) {
    const oldRoot = await decodeHash(stored.treeHead.rootHash);
    const proof = await Promise.all(pulled.consistency.map(decodeHash));
    if (!oldRoot || !newRoot || proof.some((p) => !p) || !verifyConsistency(verifiedSize, head.treeSize, oldRoot, newRoot, proof as Uint8Array[])) {
      throw fork(verifiedSize);
    }
  }

  // Only the entries the signed head covers are taken; anything past it is left for the next pull.
  const wanted = pulled.entries.slice(0, Math.max(0, head.treeSize - verifiedSize));
  const rows: LedgerRow[] = [];
  const rebuilt = MerkleTree.fromLeafHashes(leavesOf(tree));
  for (const [i, e] of wanted.entries()) {
    if (e.seq !== verifiedSize + i) throw fork(verifiedSize);
    checkEntry(e.canonical, companyId, e.seq);
    const hash = leafHash(encoder.encode(e.canonical));
    rebuilt.append(hash);
    rows.push({ seq: e.seq, canonical: e.canonical, leafHash: hash });
  }
  if (rebuilt.size !== head.treeSize) {
    throw new AppError('server/bad-response', `The server's QA ledger head covers ${head.treeSize} entries but it sent only ${rebuilt.size}. Try syncing again.`);
  }
  if (!newRoot || !equalBytes(rebuilt.root(), newRoot)) throw fork(verifiedSize);
  return { rows, head: { treeHead: head, serverPublicKey: pulled.serverPublicKey, serverKeyId: pulled.serverKeyId, verifiedAt: input.now } };
}

function* leavesOf(tree: MerkleTree): Generator<Uint8Array> {
  for (let i = 0; i < tree.size; i++) yield tree.leafHash(i);
}

/** A ledgered entry must be a well-formed entry of this company, in canonical form (RFC 8785). */
function checkEntry(canonical: string, companyId: string, seq: number): void {
  let json: unknown;
  try {
    json = JSON.parse(canonical);
  } catch {
    json = undefined;
  }
  const parsed = ledgerEntrySchema.safeParse(json);
  if (!parsed.success || parsed.data.companyId !== companyId || canonicalJson(json) !== canonical) {
    throw new AppError('server/bad-response', `QA ledger entry #${seq} from the server is not a well-formed ledger entry of this company. ${TELL}`);
  }
}

function fork(verifiedSize: number): AppError {
  return new AppError(
    'ledger/fork',
    `The server's QA ledger does not extend the one this computer verified at ${verifiedSize} entries: it may have been altered. ${TELL}`,
  );
}

function rollback(size: number, verifiedSize: number): AppError {
  return new AppError(
    'ledger/rollback',
    `The server's QA ledger has ${size} entries, fewer than the ${verifiedSize} this computer already verified: it may have been rolled back or replaced. ${TELL}`,
  );
}

async function decodeHash(text: string): Promise<Uint8Array | null> {
  try {
    const bytes = await fromBase64(text);
    return bytes.length === 32 ? bytes : null;
  } catch {
    return null;
  }
}

async function decodeKey(text: string): Promise<Uint8Array | null> {
  try {
    const bytes = await fromBase64(text);
    return bytes.length === 32 ? bytes : null;
  } catch {
    return null;
  }
}
