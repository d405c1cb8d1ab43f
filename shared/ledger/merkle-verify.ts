import { HASH_SIZE, nodeHash } from './merkle';

/**
 * Proof verification as the RFC 9162 (Certificate Transparency 2.0) algorithms specify it:
 * the iterative bit-walks of §2.1.3.2 and §2.1.4.2, which need no tree and no recursion.
 * Both run on data from the network or an exported bundle, so they never throw: any malformed
 * input (wrong types, wrong hash lengths, out-of-range sizes) is simply "not verified".
 *
 * Sizes and indices are JS numbers; the walks use arithmetic rather than 32-bit bitwise operators
 * so they stay exact up to 2^53.
 */

/** RFC 9162 §2.1.3.2: does `proof` show `leafHash` at `index` in the tree of `treeSize` leaves with `root`? */
export function verifyInclusion(leafHash: Uint8Array, index: number, treeSize: number, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  try {
    if (!isSize(index) || !isSize(treeSize) || index >= treeSize) return false; // step 1
    if (!isHash(leafHash) || !isHash(root) || !isProof(proof)) return false;
    let fn = index; // step 2
    let sn = treeSize - 1;
    let r = leafHash; // step 3
    for (const p of proof) {
      // step 4
      if (sn === 0) return false; // 4a: more path than tree
      if (isOdd(fn) || fn === sn) {
        r = nodeHash(p, r); // 4b.i, then 4b.ii: climb past the levels where the node has no right sibling
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      } else {
        r = nodeHash(r, p);
      }
      fn = half(fn); // 4c
      sn = half(sn);
    }
    return sn === 0 && equalBytes(r, root); // step 5
  } catch {
    return false;
  }
}

/**
 * RFC 9162 §2.1.4.2: is the tree of `size2` leaves with `root2` an append-only extension of the
 * tree of `size1` leaves with `root1`? size1 = 0 is refused: every tree extends the empty tree, so
 * such a "proof" proves nothing, and the transparency-dev test data requires its rejection.
 */
export function verifyConsistency(size1: number, size2: number, root1: Uint8Array, root2: Uint8Array, proof: readonly Uint8Array[]): boolean {
  try {
    if (!isSize(size1) || !isSize(size2) || size1 < 1 || size1 > size2) return false;
    if (!(root1 instanceof Uint8Array) || !(root2 instanceof Uint8Array) || !isProof(proof)) return false;
    // Same size: nothing to prove beyond the heads being identical (RFC 9162 §2.1.4.2 covers m < n).
    if (size1 === size2) return proof.length === 0 && equalBytes(root1, root2);
    if (proof.length === 0 || !isHash(root1) || !isHash(root2)) return false; // step 1
    // Step 2: when size1 is a power of two its root is itself a node of the larger tree, so the
    // RFC 6962 proof omits it and the verifier puts it back at the front.
    const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
    let fn = size1 - 1; // step 3
    let sn = size2 - 1;
    while (isOdd(fn)) {
      // step 4
      fn = half(fn);
      sn = half(sn);
    }
    let fr = path[0] as Uint8Array; // step 5
    let sr = fr;
    for (const c of path.slice(1)) {
      // step 6
      if (sn === 0) return false;
      if (isOdd(fn) || fn === sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn = half(fn);
      sn = half(sn);
    }
    return sn === 0 && equalBytes(fr, root1) && equalBytes(sr, root2); // step 7
  } catch {
    return false;
  }
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isSize(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

function isHash(h: unknown): h is Uint8Array {
  return h instanceof Uint8Array && h.length === HASH_SIZE;
}

function isProof(proof: unknown): proof is readonly Uint8Array[] {
  return Array.isArray(proof) && proof.every(isHash);
}

function isOdd(n: number): boolean {
  return n % 2 === 1;
}

function half(n: number): number {
  return Math.floor(n / 2);
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}
