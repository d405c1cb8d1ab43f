export { canonicalJson } from './canonical-json';
export { EMPTY_ROOT, HASH_SIZE, consistencyProof, inclusionProof, leafHash, nodeHash, rootOf } from './merkle';
export { equalBytes, verifyConsistency, verifyInclusion } from './merkle-verify';
export { MerkleTree } from './merkle-tree';
