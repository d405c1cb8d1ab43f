import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, leafHash } from './merkle';
import { verifyConsistency, verifyInclusion } from './merkle-verify';
import { consistencyVectors, inclusionVectors } from './merkle-vectors.fixture';

// transparency-dev/merkle testdata: happy paths plus tampered variants (wantErr) of each —
// modified bits, truncated/extended proofs, shifted indices and sizes, swapped or wrong roots.
const inclusion = inclusionVectors();
const consistency = consistencyVectors();

describe('verifyInclusion against the transparency-dev vectors', () => {
  it('reads all 98 inclusion vectors (6 valid, 92 to reject)', () => {
    expect([inclusion.length, inclusion.filter((v) => !v.wantErr).length]).toEqual([98, 6]);
  });

  it.each(inclusion.map((v) => [v.file, v] as const))('%s', (_file, v) => {
    expect(verifyInclusion(v.leafHash, v.leafIdx, v.treeSize, v.proof, v.root)).toBe(!v.wantErr);
  });
});

describe('verifyConsistency against the transparency-dev vectors', () => {
  it('reads all 98 consistency vectors (6 valid, 92 to reject)', () => {
    expect([consistency.length, consistency.filter((v) => !v.wantErr).length]).toEqual([98, 6]);
  });

  it.each(consistency.map((v) => [v.file, v] as const))('%s', (_file, v) => {
    expect(verifyConsistency(v.size1, v.size2, v.root1, v.root2, v.proof)).toBe(!v.wantErr);
  });
});

describe('verifiers never throw on malformed input', () => {
  const h = leafHash(new Uint8Array(0));
  const junk: unknown[] = [null, undefined, 'abc', -1, 1.5, Number.NaN, 2 ** 60, {}, [null], [new Uint8Array(31)], new Uint8Array(33)];

  it('verifyInclusion returns false', () => {
    for (const j of junk) {
      const call = (f: (x: never) => boolean) => expect(f(j as never)).toBe(false);
      call((x) => verifyInclusion(x, 0, 1, [], h));
      call((x) => verifyInclusion(h, x, 1, [], h));
      call((x) => verifyInclusion(h, 0, x, [], h));
      call((x) => verifyInclusion(h, 0, 1, x, h));
      call((x) => verifyInclusion(h, 0, 1, [], x));
    }
    expect(verifyInclusion(h, 0, 1, [], h)).toBe(true);
    expect(verifyInclusion(h, 1, 1, [], h)).toBe(false); // index out of range
    expect(verifyInclusion(h, 0, 0, [], EMPTY_ROOT)).toBe(false); // nothing is in the empty tree
  });

  it('verifyConsistency returns false', () => {
    for (const j of junk) {
      const call = (f: (x: never) => boolean) => expect(f(j as never)).toBe(false);
      call((x) => verifyConsistency(x, 2, h, h, [h]));
      call((x) => verifyConsistency(1, x, h, h, [h]));
      call((x) => verifyConsistency(1, 2, x, h, [h]));
      call((x) => verifyConsistency(1, 2, h, x, [h]));
      call((x) => verifyConsistency(1, 2, h, h, x));
    }
    expect(verifyConsistency(2, 1, h, h, [])).toBe(false);
    expect(verifyConsistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])).toBe(false);
  });
});
