import { sha256 } from '@noble/hashes/sha2.js';
import { AppError } from '../errors';
import { EMPTY_ROOT, HASH_SIZE, auditPath, checkIndex, checkPrefix, consistencyPath, nodeHash, splitPoint } from './merkle';

const CHUNK_HASHES = 4096; // 128 KiB per chunk: appends never copy what is stored
const CHUNK_BYTES = CHUNK_HASHES * HASH_SIZE;

/**
 * An append-only RFC 6962 tree that keeps every *perfect* subtree hash it has computed: level h
 * holds, in order, the hashes of the complete subtrees of 2^h leaves (level 0 = the leaf hashes).
 * A perfect subtree never changes once complete, so the same store answers for every earlier
 * tree size too (`rootAt`, historical proofs) — which is what serving consistency proofs to
 * clients holding old tree heads needs.
 *
 * Every MTH the RFC proofs ask for is a range starting at a multiple of its largest power-of-two
 * split, so it is at most log2(n) stored hashes folded right to left: an inclusion proof costs
 * O(log n) lookups plus at most O(log n) hashes for the single non-perfect element on the right edge.
 *
 * Memory: level h holds floor(n / 2^h) hashes, about 2n hashes in all, i.e. 64 bytes per leaf
 * (64 MiB at 1,000,000 leaves), plus at most one partly filled 128 KiB chunk per level
 * (a level's first chunk starts at 256 bytes and doubles, so small trees stay small).
 */
export class MerkleTree {
  private readonly levels: Level[] = [];
  private count = 0;
  // 0x01 || left || right, reused so an append allocates only the digests.
  private readonly nodeInput = new Uint8Array(1 + 2 * HASH_SIZE);

  static fromLeafHashes(leafHashes: Iterable<Uint8Array>): MerkleTree {
    const tree = new MerkleTree();
    for (const h of leafHashes) tree.append(h);
    return tree;
  }

  get size(): number {
    return this.count;
  }

  /** Appends one leaf hash (RFC 6962 `leafHash(entry)`), returning its index. */
  append(leafHash: Uint8Array): number {
    if (!(leafHash instanceof Uint8Array) || leafHash.length !== HASH_SIZE) {
      throw new AppError('validation/invalid-input', `A leaf hash must be ${HASH_SIZE} bytes.`);
    }
    const index = this.count;
    this.put(0, index, leafHash);
    // Each time a level gains its (2i+1)-th hash, the pair (2i, 2i+1) completes a parent.
    let level = 0;
    let i = index;
    while (i % 2 === 1) {
      const input = this.nodeInput;
      input[0] = 0x01;
      input.set(this.get(level, i - 1), 1);
      input.set(this.get(level, i), 1 + HASH_SIZE);
      level += 1;
      i = (i - 1) / 2;
      this.put(level, i, sha256(input));
    }
    this.count = index + 1;
    return index;
  }

  /** The stored leaf hash at `index` (a copy). */
  leafHash(index: number): Uint8Array {
    checkIndex(index, this.count);
    return this.get(0, index).slice();
  }

  root(): Uint8Array {
    return this.rootAt(this.count);
  }

  /** The root the tree had when it held `size` leaves. */
  rootAt(size: number): Uint8Array {
    this.checkSize(size);
    return size === 0 ? EMPTY_ROOT.slice() : this.rangeHash(0, size).slice();
  }

  /** RFC 6962 §2.1.1 audit path for leaf `index` in the tree of `treeSize` leaves (default: now). */
  inclusionProof(index: number, treeSize: number = this.count): Uint8Array[] {
    this.checkSize(treeSize);
    checkIndex(index, treeSize);
    return auditPath(this.rangeHash, index, treeSize).map((h) => h.slice());
  }

  /** RFC 6962 §2.1.2 consistency proof from the tree of `size1` leaves to that of `size2` (default: now). */
  consistencyProof(size1: number, size2: number = this.count): Uint8Array[] {
    this.checkSize(size2);
    checkPrefix(size1, size2);
    return consistencyPath(this.rangeHash, size1, size2).map((h) => h.slice());
  }

  // MTH(D[lo:hi]) for ranges that arise in RFC 6962 recursion (lo is a multiple of the split).
  // Returns internal storage views: callers outside this class get copies.
  private readonly rangeHash = (lo: number, hi: number): Uint8Array => {
    const n = hi - lo;
    if (n === 1) return this.get(0, lo);
    const k = splitPoint(n);
    if (k * 2 === n) return this.get(log2(n), lo / n);
    return nodeHash(this.get(log2(k), lo / k), this.rangeHash(lo + k, hi));
  };

  private checkSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.count) {
      throw new AppError('validation/invalid-input', `Tree size ${size} is outside 0..${this.count}.`);
    }
  }

  private get(level: number, i: number): Uint8Array {
    const chunk = this.levels[level]?.[Math.floor(i / CHUNK_HASHES)];
    if (!chunk) throw new AppError('internal/unexpected', `Merkle level ${level} has no hash ${i}.`);
    const at = (i % CHUNK_HASHES) * HASH_SIZE;
    return chunk.subarray(at, at + HASH_SIZE);
  }

  private put(level: number, i: number, hash: Uint8Array): void {
    const chunks = (this.levels[level] ??= []);
    const c = Math.floor(i / CHUNK_HASHES);
    const at = (i % CHUNK_HASHES) * HASH_SIZE;
    let chunk = chunks[c];
    if (!chunk || chunk.length < at + HASH_SIZE) {
      // A level's first chunk starts small and doubles, so a tree of a few leaves stays small.
      const grown = new Uint8Array(Math.min(CHUNK_BYTES, Math.max(8 * HASH_SIZE, (chunk?.length ?? 0) * 2)));
      if (chunk) grown.set(chunk);
      chunks[c] = chunk = grown;
    }
    chunk.set(hash, at);
  }
}

type Level = Uint8Array[];

function log2(powerOfTwo: number): number {
  return Math.round(Math.log2(powerOfTwo));
}
