import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { AppError } from '../../../../shared/errors';
import { canonicalJson, equalBytes, EMPTY_ROOT, leafHash, MerkleTree } from '../../../../shared/ledger';
import type { Executor } from '../../db/client';
import { ledgerEntries, ledgerTreeHeads } from '../../db/schema/index';
import type { ServerLedgerKey } from './server-ledger-key';
import { fromBase64, signTreeHead, toBase64, type TreeHead } from '../../../../shared/ledger/tree-head';

/** First key of the two-key advisory lock form, so these locks never meet other lock users. */
const LEDGER_LOCK_NAMESPACE = 0x4c_45_44_47; // "LEDG"

export interface AppendResult {
  firstSeq: number;
  treeHead: TreeHead;
}

export interface InclusionProof {
  seq: number;
  treeSize: number;
  leafHash: string;
  path: string[];
}

export interface ConsistencyProof {
  fromSize: number;
  toSize: number;
  path: string[];
}

interface CommittedHead {
  size: number;
  root: Uint8Array;
}

/**
 * Appends to and proves from each company's ledger. The Merkle tree of a company is cached in
 * memory; the database stays the truth: before use, a cached tree is checked against the latest
 * committed signed root (its first `size` leaves must hash to it), extended from the table when
 * other instances appended, and rebuilt when it does not match (e.g. an append that rolled back).
 */
export class LedgerStore {
  private readonly trees = new Map<string, MerkleTree>();

  constructor(private readonly key: ServerLedgerKey) {}

  get publicKey(): Uint8Array {
    return this.key.publicKey;
  }

  /** Fingerprint of the server key that signs tree heads (pinned by desktops on first use). */
  get keyId(): string {
    return this.key.keyId;
  }

  /**
   * Takes the company's append lock for the rest of `tx` — the same one appendEntries takes
   * (advisory locks are re-entrant within a session) — so a caller that must read state, decide
   * and append (QA ops) does so with no other append for the company in between.
   */
  async lockCompany(tx: Executor, companyId: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${LEDGER_LOCK_NAMESPACE}::int, ${companyLockKey(companyId)}::int)`);
  }

  /**
   * Appends `entries` (each stored as its RFC 8785 canonical JSON) and signs the new tree head,
   * inside the caller's transaction. A per-company transaction advisory lock serialises appenders
   * across server instances, so seq has no gaps or duplicates and each head extends the last.
   */
  async appendEntries(tx: Executor, companyId: string, entries: readonly unknown[]): Promise<AppendResult> {
    if (entries.length === 0) throw new AppError('validation/invalid-input', 'Nothing to append: the entry list is empty.');
    const canonical = entries.map((e) => canonicalJson(e));
    const encoder = new TextEncoder();
    const leaves = canonical.map((c) => leafHash(encoder.encode(c)));

    await this.lockCompany(tx, companyId);
    const head = await latestHead(tx, companyId);
    let tree = await this.treeFor(tx, companyId, head);
    // From here to the cache update nothing awaits, so no other caller sees a half-extended tree.
    if (tree.size > head.size) tree = prefixOf(tree, head.size); // leftovers of a rolled-back append
    const firstSeq = tree.size;
    for (const leaf of leaves) tree.append(leaf);
    const root = tree.root();
    this.trees.set(companyId, tree);

    await tx.insert(ledgerEntries).values(
      canonical.map((c, i) => ({ companyId, seq: firstSeq + i, entry: JSON.parse(c) as unknown, canonical: c, leafHash: leaves[i] as Uint8Array })),
    );
    const treeHead = await signTreeHead(
      { companyId, treeSize: tree.size, rootHash: await toBase64(root), signedAt: new Date().toISOString() },
      this.key.secretKey,
      this.key.keyId,
    );
    await tx.insert(ledgerTreeHeads).values({
      companyId,
      treeSize: treeHead.treeSize,
      rootHash: root,
      signedAt: new Date(treeHead.signedAt),
      signature: await fromBase64(treeHead.signature),
      keyId: treeHead.keyId,
    });
    return { firstSeq, treeHead };
  }

  /** The latest signed tree head, or null before the first append. */
  async latestTreeHead(db: Executor, companyId: string): Promise<TreeHead | null> {
    const [row] = await db.select().from(ledgerTreeHeads).where(eq(ledgerTreeHeads.companyId, companyId)).orderBy(desc(ledgerTreeHeads.treeSize)).limit(1);
    return row ? toTreeHead(row) : null;
  }

  /** RFC 6962 §2.1.1 audit path for entry `seq` in the tree of `treeSize` entries (default: the latest signed size). */
  async inclusionProof(db: Executor, companyId: string, seq: number, treeSize?: number): Promise<InclusionProof> {
    const head = await latestHead(db, companyId);
    const size = treeSize ?? head.size;
    checkSize(size, head.size);
    if (!Number.isSafeInteger(seq) || seq < 0 || seq >= size) {
      throw new AppError('ledger/out-of-range', `Entry ${seq} is not in a ledger of ${size} entries.`);
    }
    const tree = await this.treeFor(db, companyId, head);
    return { seq, treeSize: size, leafHash: await toBase64(tree.leafHash(seq)), path: await Promise.all(tree.inclusionProof(seq, size).map(toBase64)) };
  }

  /** RFC 6962 §2.1.2 proof that the tree of `fromSize` entries is a prefix of the tree of `toSize`. */
  async consistencyProof(db: Executor, companyId: string, fromSize: number, toSize?: number): Promise<ConsistencyProof> {
    const head = await latestHead(db, companyId);
    const to = toSize ?? head.size;
    checkSize(to, head.size);
    if (!Number.isSafeInteger(fromSize) || fromSize < 1 || fromSize > to) {
      throw new AppError('ledger/out-of-range', `A consistency proof needs 1 <= from (${fromSize}) <= to (${to}).`);
    }
    const tree = await this.treeFor(db, companyId, head);
    return { fromSize, toSize: to, path: await Promise.all(tree.consistencyProof(fromSize, to).map(toBase64)) };
  }

  /** A cached tree whose first `head.size` leaves are the committed ones (it may hold more). */
  private async treeFor(db: Executor, companyId: string, head: CommittedHead): Promise<MerkleTree> {
    for (;;) {
      const cached = this.trees.get(companyId);
      if (cached && cached.size >= head.size) {
        if (equalBytes(cached.rootAt(head.size), head.root)) return cached;
      } else if (cached) {
        const from = cached.size;
        const more = await leafHashes(db, companyId, from, head.size);
        // Another caller replaced or grew the tree while we read: start over with what it left.
        if (this.trees.get(companyId) !== cached || cached.size !== from) continue;
        for (const h of more) cached.append(h);
        if (equalBytes(cached.root(), head.root)) return cached;
      }
      const tree = MerkleTree.fromLeafHashes(await leafHashes(db, companyId, 0, head.size));
      if (!equalBytes(tree.root(), head.root)) {
        throw new AppError('internal/unexpected', `Ledger of company ${companyId} does not hash to its signed root at size ${head.size}.`);
      }
      this.trees.set(companyId, tree);
      return tree;
    }
  }
}

/** A stable 32-bit key per company for pg_advisory_xact_lock(int, int). */
function companyLockKey(companyId: string): number {
  return createHash('sha256').update(companyId).digest().readInt32BE(0);
}

async function latestHead(db: Executor, companyId: string): Promise<CommittedHead> {
  const [row] = await db
    .select({ size: ledgerTreeHeads.treeSize, root: ledgerTreeHeads.rootHash })
    .from(ledgerTreeHeads)
    .where(eq(ledgerTreeHeads.companyId, companyId))
    .orderBy(desc(ledgerTreeHeads.treeSize))
    .limit(1);
  return row ?? { size: 0, root: EMPTY_ROOT };
}

async function leafHashes(db: Executor, companyId: string, from: number, to: number): Promise<Uint8Array[]> {
  if (to <= from) return [];
  const rows = await db
    .select({ leafHash: ledgerEntries.leafHash })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.companyId, companyId), gte(ledgerEntries.seq, from), lt(ledgerEntries.seq, to)))
    .orderBy(asc(ledgerEntries.seq));
  if (rows.length !== to - from) throw new AppError('internal/unexpected', `Ledger of company ${companyId} is missing entries in ${from}..${to}.`);
  return rows.map((r) => r.leafHash);
}

function prefixOf(tree: MerkleTree, size: number): MerkleTree {
  const prefix = new MerkleTree();
  for (let i = 0; i < size; i += 1) prefix.append(tree.leafHash(i));
  return prefix;
}

function checkSize(size: number, latest: number): void {
  if (!Number.isSafeInteger(size) || size < 1 || size > latest) {
    throw new AppError('ledger/out-of-range', `Tree size ${size} is outside the signed sizes 1..${latest}.`);
  }
}

async function toTreeHead(row: typeof ledgerTreeHeads.$inferSelect): Promise<TreeHead> {
  return {
    companyId: row.companyId,
    treeSize: row.treeSize,
    rootHash: await toBase64(row.rootHash),
    signedAt: row.signedAt.toISOString(),
    signature: await toBase64(row.signature),
    keyId: row.keyId,
  };
}
