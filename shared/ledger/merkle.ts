import { sha256 } from '@noble/hashes/sha2.js';
import { AppError } from '../errors';

/**
 * RFC 6962 §2.1 Merkle Tree Hash over an ordered list of leaf hashes, and the audit paths
 * (§2.1.1) and consistency proofs (§2.1.2) it defines. These functions follow the RFC's
 * recursive definitions literally over a plain array, O(n) per call: they are the reference
 * that `MerkleTree` (cached subtree hashes, O(log n) per proof) is tested against.
 */

export const HASH_SIZE = 32;

/** RFC 6962 §2.1: the hash of an empty tree is the hash of the empty string. */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));

/** RFC 6962 §2.1: MTH({d(0)}) = SHA-256(0x00 || d(0)); the prefix separates leaves from nodes (§2.1, second preimage). */
export function leafHash(entry: Uint8Array): Uint8Array {
  const buf = new Uint8Array(entry.length + 1);
  buf[0] = 0x00;
  buf.set(entry, 1);
  return sha256(buf);
}

/** RFC 6962 §2.1: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const buf = new Uint8Array(1 + left.length + right.length);
  buf[0] = 0x01;
  buf.set(left, 1);
  buf.set(right, 1 + left.length);
  return sha256(buf);
}

/** The Merkle Tree Hash of the leaves in [lo, hi) — a function so that a cached tree can supply it. */
export type RangeHash = (lo: number, hi: number) => Uint8Array;

/** RFC 6962 §2.1: k is the largest power of two smaller than n (n > 1). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function rootOf(leafHashes: readonly Uint8Array[]): Uint8Array {
  return naiveRangeHash(leafHashes)(0, leafHashes.length);
}

/** RFC 6962 §2.1.1 PATH(m, D[n]) for the tree made of `leafHashes`, ordered leaf-side first. */
export function inclusionProof(leafHashes: readonly Uint8Array[], index: number): Uint8Array[] {
  checkIndex(index, leafHashes.length);
  return auditPath(naiveRangeHash(leafHashes), index, leafHashes.length);
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]): proves the tree of the first `m` leaves is a prefix of the whole. */
export function consistencyProof(leafHashes: readonly Uint8Array[], m: number): Uint8Array[] {
  checkPrefix(m, leafHashes.length);
  return consistencyPath(naiveRangeHash(leafHashes), m, leafHashes.length);
}

/**
 * PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) if m < k, else PATH(m - k, D[k:n]) : MTH(D[0:k]).
 * Walked top-down (each step adds the sibling of the half holding m), then reversed because the
 * RFC lists the sibling nearest the leaf first.
 */
export function auditPath(mth: RangeHash, index: number, size: number): Uint8Array[] {
  const path: Uint8Array[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const mid = lo + splitPoint(hi - lo);
    if (index < mid) {
      path.push(mth(mid, hi));
      hi = mid;
    } else {
      path.push(mth(lo, mid));
      lo = mid;
    }
  }
  return path.reverse();
}

/**
 * SUBPROOF(m, D[n], b) of RFC 6962 §2.1.2, for 0 < m <= n:
 *   m = n: [] if b (the verifier already has MTH(D[m])), else [MTH(D[m])];
 *   m <= k: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]);
 *   m > k:  SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k]).
 */
export function consistencyPath(mth: RangeHash, m: number, size: number): Uint8Array[] {
  const proof: Uint8Array[] = [];
  let lo = 0;
  let hi = size;
  let remaining = m;
  let complete = true;
  while (remaining !== hi - lo) {
    const k = splitPoint(hi - lo);
    if (remaining <= k) {
      proof.push(mth(lo + k, hi));
      hi = lo + k;
    } else {
      proof.push(mth(lo, lo + k));
      lo += k;
      remaining -= k;
      complete = false;
    }
  }
  if (!complete) proof.push(mth(lo, hi));
  return proof.reverse();
}

export function checkIndex(index: number, size: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new AppError('validation/invalid-input', `Leaf index ${index} is outside a tree of ${size} leaves.`);
  }
}

/** RFC 6962 §2.1.2 defines consistency for 0 < m <= n; an empty tree proves nothing (RFC 9162 §2.1.4). */
export function checkPrefix(m: number, size: number): void {
  if (!Number.isSafeInteger(m) || m < 1 || m > size) {
    throw new AppError('validation/invalid-input', `No consistency proof from size ${m} to size ${size}: need 0 < size1 <= size2.`);
  }
}

function naiveRangeHash(leaves: readonly Uint8Array[]): RangeHash {
  const mth: RangeHash = (lo, hi) => {
    const n = hi - lo;
    if (n === 0) return EMPTY_ROOT;
    if (n === 1) return leaves[lo] as Uint8Array;
    const mid = lo + splitPoint(n);
    return nodeHash(mth(lo, mid), mth(mid, hi));
  };
  return mth;
}
