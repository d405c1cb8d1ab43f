import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Test-only loader for the transparency-dev/merkle testdata copied into tests/fixtures/merkle
// (see the README there). Hashes in the files are base64; `proof: null` means an empty proof.
const root = fileURLToPath(new URL('../../tests/fixtures/merkle/', import.meta.url));

export interface InclusionVector {
  file: string;
  desc: string;
  wantErr: boolean;
  leafIdx: number;
  treeSize: number;
  root: Uint8Array;
  leafHash: Uint8Array;
  proof: Uint8Array[];
}

export interface ConsistencyVector {
  file: string;
  desc: string;
  wantErr: boolean;
  size1: number;
  size2: number;
  root1: Uint8Array;
  root2: Uint8Array;
  proof: Uint8Array[];
}

interface RawInclusion { leafIdx: number; treeSize: number; root: string; leafHash: string; proof: string[] | null; desc: string; wantErr: boolean }
interface RawConsistency { size1: number; size2: number; root1: string; root2: string; proof: string[] | null; desc: string; wantErr: boolean }

export function inclusionVectors(): InclusionVector[] {
  return files('inclusion').map((file) => {
    const v = JSON.parse(readFileSync(join(root, file), 'utf8')) as RawInclusion;
    return { file, desc: v.desc, wantErr: v.wantErr, leafIdx: v.leafIdx, treeSize: v.treeSize, root: b64(v.root), leafHash: b64(v.leafHash), proof: (v.proof ?? []).map(b64) };
  });
}

export function consistencyVectors(): ConsistencyVector[] {
  return files('consistency').map((file) => {
    const v = JSON.parse(readFileSync(join(root, file), 'utf8')) as RawConsistency;
    return { file, desc: v.desc, wantErr: v.wantErr, size1: v.size1, size2: v.size2, root1: b64(v.root1), root2: b64(v.root2), proof: (v.proof ?? []).map(b64) };
  });
}

/**
 * The leaf data the transparency-dev testdata trees are built from (the RFC 6962 reference
 * tree: 8 entries, as in Certificate Transparency's own tests).
 */
export const RFC6962_LEAVES: readonly Uint8Array[] = [
  [],
  [0x00],
  [0x10],
  [0x20, 0x21],
  [0x30, 0x31],
  [0x40, 0x41, 0x42, 0x43],
  [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
  [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
].map((bytes) => Uint8Array.from(bytes));

function files(kind: string): string[] {
  return readdirSync(join(root, kind), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

function b64(s: string): Uint8Array {
  return Uint8Array.from(Buffer.from(s, 'base64'));
}
