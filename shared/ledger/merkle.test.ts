import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { EMPTY_ROOT, consistencyProof, inclusionProof, leafHash, nodeHash, rootOf } from './merkle';
import { RFC6962_LEAVES, consistencyVectors, inclusionVectors } from './merkle-vectors.fixture';

// The RFC 6962 reference functions, checked against the values the transparency-dev testdata
// publishes for its 8-leaf tree. Every expected hash here is read from a fixture file.
const leaves = RFC6962_LEAVES.map(leafHash);
const happyInclusion = inclusionVectors().filter((v) => v.desc === 'happy path');
const happyConsistency = consistencyVectors().filter((v) => v.desc === 'happy path');

/** size → root, as published by the happy-path vectors (sizes 1, 2, 3, 5, 6, 7, 8). */
const publishedRoots = new Map<number, Uint8Array>([
  ...happyInclusion.map((v) => [v.treeSize, v.root] as const),
  ...happyConsistency.flatMap((v) => [[v.size1, v.root1] as const, [v.size2, v.root2] as const]),
]);

describe('RFC 6962 Merkle Tree Hash (reference implementation)', () => {
  it('the empty tree hashes to SHA-256 of the empty string (§2.1), as the vectors publish it', () => {
    const emptyRootVector = inclusionVectors().find((v) => v.file === 'inclusion/additional/0/empty-root.json');
    expect(emptyRootVector?.root).toEqual(EMPTY_ROOT);
    expect(rootOf([])).toEqual(EMPTY_ROOT);
  });

  it('leaf hashes of the reference entries equal the vectors’ leaf hashes (0x00 prefix)', () => {
    expect(happyInclusion.length).toBeGreaterThan(0);
    for (const v of happyInclusion) expect(leaves[v.leafIdx], v.file).toEqual(v.leafHash);
  });

  it('the root of every published tree size matches (7 sizes)', () => {
    expect([...publishedRoots.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 5, 6, 7, 8]);
    for (const [size, root] of publishedRoots) expect(rootOf(leaves.slice(0, size)), `size ${size}`).toEqual(root);
  });

  it('a two-leaf root is SHA-256(0x01 || l || r)', () => {
    expect(rootOf(leaves.slice(0, 2))).toEqual(nodeHash(leaves[0] as Uint8Array, leaves[1] as Uint8Array));
    expect(publishedRoots.get(2)).toEqual(nodeHash(leaves[0] as Uint8Array, leaves[1] as Uint8Array));
  });

  it('generates exactly the audit paths the vectors contain (§2.1.1)', () => {
    for (const v of happyInclusion) expect(inclusionProof(leaves.slice(0, v.treeSize), v.leafIdx), v.file).toEqual(v.proof);
  });

  it('generates exactly the consistency proofs the vectors contain (§2.1.2)', () => {
    for (const v of happyConsistency) expect(consistencyProof(leaves.slice(0, v.size2), v.size1), v.file).toEqual(v.proof);
  });

  it('refuses to build proofs for indices or sizes outside the tree', () => {
    expect(() => inclusionProof(leaves, 8)).toThrow(AppError);
    expect(() => inclusionProof(leaves, -1)).toThrow(AppError);
    expect(() => inclusionProof([], 0)).toThrow(AppError);
    expect(() => consistencyProof(leaves, 0)).toThrow(AppError);
    expect(() => consistencyProof(leaves, 9)).toThrow(AppError);
    expect(consistencyProof(leaves, 8)).toEqual([]);
  });
});
