import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { EMPTY_ROOT, consistencyProof, inclusionProof, leafHash, rootOf } from './merkle';
import { MerkleTree } from './merkle-tree';
import { verifyConsistency, verifyInclusion } from './merkle-verify';
import { RFC6962_LEAVES, consistencyVectors, inclusionVectors } from './merkle-vectors.fixture';

// Distinct leaves: with two equal sibling leaves, an index flipped between them would rightly verify.
function leavesFor(n: number, seed: number): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => leafHash(Uint8Array.from([i & 0xff, (i >> 8) & 0xff, seed & 0xff, (seed >> 8) & 0xff])));
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = bytes.slice();
  out[bit >> 3] = (out[bit >> 3] as number) ^ (1 << (bit & 7));
  return out;
}

function withFlip(proof: readonly Uint8Array[], element: number, bit: number): Uint8Array[] {
  return proof.map((p, j) => (j === element ? flipBit(p, bit) : p));
}

describe('MerkleTree', () => {
  it('reproduces the transparency-dev vectors: roots, audit paths and consistency proofs', () => {
    const tree = MerkleTree.fromLeafHashes(RFC6962_LEAVES.map(leafHash));
    for (const v of inclusionVectors().filter((x) => x.desc === 'happy path')) {
      expect(tree.rootAt(v.treeSize), v.file).toEqual(v.root);
      expect(tree.inclusionProof(v.leafIdx, v.treeSize), v.file).toEqual(v.proof);
    }
    for (const v of consistencyVectors().filter((x) => x.desc === 'happy path')) {
      expect([tree.rootAt(v.size1), tree.rootAt(v.size2)], v.file).toEqual([v.root1, v.root2]);
      expect(tree.consistencyProof(v.size1, v.size2), v.file).toEqual(v.proof);
    }
  });

  it('an empty tree has the empty root and no proofs', () => {
    const tree = new MerkleTree();
    expect(tree.size).toBe(0);
    expect(tree.root()).toEqual(EMPTY_ROOT);
    expect(() => tree.inclusionProof(0)).toThrow(AppError);
    expect(() => tree.rootAt(1)).toThrow(AppError);
    expect(() => tree.append(new Uint8Array(31))).toThrow(AppError);
  });

  it('hands out copies: mutating a returned hash does not change the tree', () => {
    const tree = MerkleTree.fromLeafHashes(leavesFor(5, 1));
    const root = tree.root();
    tree.root().fill(0);
    tree.inclusionProof(0).forEach((p) => p.fill(0));
    tree.leafHash(4).fill(0);
    expect(tree.root()).toEqual(root);
    expect(tree.leafHash(4)).toEqual(leavesFor(5, 1)[4]);
  });

  it('8-leaf reference tree: every single-bit change of any proof element or root is rejected (exhaustive)', () => {
    const tree = MerkleTree.fromLeafHashes(RFC6962_LEAVES.map(leafHash));
    for (let n = 1; n <= 8; n++) {
      const root = tree.rootAt(n);
      for (let i = 0; i < n; i++) {
        const proof = tree.inclusionProof(i, n);
        const leaf = tree.leafHash(i);
        expect(verifyInclusion(leaf, i, n, proof, root)).toBe(true);
        for (let bit = 0; bit < 256; bit++) {
          expect(verifyInclusion(leaf, i, n, proof, flipBit(root, bit))).toBe(false);
          for (let j = 0; j < proof.length; j++) expect(verifyInclusion(leaf, i, n, withFlip(proof, j, bit), root)).toBe(false);
        }
      }
      for (let m = 1; m <= n; m++) {
        const proof = tree.consistencyProof(m, n);
        const root1 = tree.rootAt(m);
        expect(verifyConsistency(m, n, root1, root, proof)).toBe(true);
        for (let bit = 0; bit < 256; bit++) {
          expect(verifyConsistency(m, n, flipBit(root1, bit), root, proof)).toBe(false);
          expect(verifyConsistency(m, n, root1, flipBit(root, bit), proof)).toBe(false);
          for (let j = 0; j < proof.length; j++) expect(verifyConsistency(m, n, root1, root, withFlip(proof, j, bit))).toBe(false);
        }
      }
    }
  });

  it('property: matches the RFC reference for random trees and historical sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 0xffff }), fc.double({ min: 0, max: 1, noNaN: true }), (n, seed, at) => {
        const leaves = leavesFor(n, seed);
        const tree = MerkleTree.fromLeafHashes(leaves);
        const size = Math.max(1, Math.ceil(at * n));
        const prefix = leaves.slice(0, size);
        expect(tree.rootAt(size)).toEqual(rootOf(prefix));
        const i = Math.min(size - 1, Math.floor(at * size));
        expect(tree.inclusionProof(i, size)).toEqual(inclusionProof(prefix, i));
        expect(tree.consistencyProof(Math.max(1, i), size)).toEqual(consistencyProof(prefix, Math.max(1, i)));
      }),
      { numRuns: 100 },
    );
  });

  it('property: every proof of a random tree (≤ 300 leaves) verifies, and any flipped bit of a proof element, root, index or size1 fails', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, seed, bitSeed) => {
        const tree = MerkleTree.fromLeafHashes(leavesFor(n, seed));
        const root = tree.root();
        const bitOf = (a: number, b: number) => (bitSeed ^ Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 7, 0x85ebca6b)) >>> 24; // 0..255
        const indexBits = Math.ceil(Math.log2(n + 1)) + 1;
        for (let i = 0; i < n; i++) {
          const proof = tree.inclusionProof(i);
          const leaf = tree.leafHash(i);
          expect(verifyInclusion(leaf, i, n, proof, root)).toBe(true);
          expect(verifyInclusion(leaf, i, n, proof, flipBit(root, bitOf(i, -1)))).toBe(false);
          for (let j = 0; j < proof.length; j++) expect(verifyInclusion(leaf, i, n, withFlip(proof, j, bitOf(i, j)), root)).toBe(false);
          for (let b = 0; b < indexBits; b++) expect(verifyInclusion(leaf, i ^ (1 << b), n, proof, root)).toBe(false);
        }
        for (let m = 1; m <= n; m++) {
          const proof = tree.consistencyProof(m);
          const root1 = tree.rootAt(m);
          expect(verifyConsistency(m, n, root1, root, proof)).toBe(true);
          expect(verifyConsistency(m, n, flipBit(root1, bitOf(m, -2)), root, proof)).toBe(false);
          expect(verifyConsistency(m, n, root1, flipBit(root, bitOf(m, -3)), proof)).toBe(false);
          for (let j = 0; j < proof.length; j++) expect(verifyConsistency(m, n, root1, root, withFlip(proof, j, bitOf(m, j)))).toBe(false);
          for (let b = 0; b < indexBits; b++) expect(verifyConsistency(m ^ (1 << b), n, root1, root, proof)).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });
});
