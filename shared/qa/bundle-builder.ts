import { AppError } from '../errors';
import { equalBytes, leafHash, MerkleTree } from '../ledger';
import type { TreeHead } from '../ledger/tree-head';
import { BUNDLE_FORMAT, type BundleLedgerEntry, type VerificationBundle } from './bundle';
import { ledgerEntrySchema, type LedgerEntry } from './ledger-entry';
import { base64ToBytes, bytesToBase64 } from './verify-codec';

export interface BuildBundleInput {
  /** The company's whole ledger, entries 0..treeHead.treeSize-1, each its exact canonical JSON. */
  entries: readonly { seq: number; canonical: string }[];
  /** The signed tree head the ledger copy was verified against. */
  treeHead: TreeHead;
  serverPublicKey: string;
  serverKeyId: string;
  documentId: string;
  version: number;
  exportedAt: string;
}

const encoder = new TextEncoder();

/**
 * A self-contained verification bundle for one version of a record (issue 5, Export), built from
 * the desktop's verified ledger copy: the `document.version` entry, every `document.signature`
 * of that version, and for each signer key its `key.registered` entry and the entries that
 * ended it (`key.revoked`, or a `key.registered` that `replaces` it), so a verifier can tell the
 * key was valid when it signed (21 CFR 11.70, 11.300). Each entry carries its RFC 6962 §2.1.1
 * audit path to `treeHead.rootHash`, computed here with MerkleTree over the whole copy.
 */
export function buildBundle(input: BuildBundleInput): VerificationBundle {
  const { entries, treeHead, documentId, version } = input;
  if (entries.length !== treeHead.treeSize || entries.some((e, i) => e.seq !== i)) {
    throw new AppError('qa/bad-bundle', `The ledger copy must hold entries 0..${treeHead.treeSize - 1} in order to export a bundle against a tree head of ${treeHead.treeSize} entries; pull the ledger again.`);
  }
  const tree = MerkleTree.fromLeafHashes(entries.map((e) => leafHash(encoder.encode(e.canonical))));
  const root = base64ToBytes(treeHead.rootHash);
  if (!root || !equalBytes(tree.root(), root)) {
    throw new AppError('qa/bad-bundle', 'The ledger copy does not hash to the tree head\'s root; pull the ledger again before exporting.');
  }

  // Only the entries that can matter are parsed: those naming the document, and key entries.
  const parsed = new Map<number, LedgerEntry>();
  for (const e of entries) {
    if (!e.canonical.includes(documentId) && !e.canonical.includes('"kind":"key.')) continue;
    parsed.set(e.seq, ledgerEntrySchema.parse(JSON.parse(e.canonical)));
  }
  const chosen = new Set<number>();
  const versionSeq = [...parsed].find(([, e]) => e.kind === 'document.version' && e.record.documentId === documentId && e.record.version === version)?.[0];
  if (versionSeq === undefined) {
    throw new AppError('qa/unknown-document', `The ledger holds no version ${version} of document ${documentId}; check the document id and version to export.`);
  }
  chosen.add(versionSeq);

  const signerKeys = new Set<string>();
  for (const [seq, e] of parsed) {
    if (e.kind === 'document.signature' && e.signature.documentId === documentId && e.signature.version === version) {
      chosen.add(seq);
      signerKeys.add(e.signature.keyId);
    }
  }
  for (const keyId of signerKeys) {
    let registered = false;
    for (const [seq, e] of parsed) {
      const registers = e.kind === 'key.registered' && e.keyId === keyId;
      if (registers) registered = true;
      if (registers || (e.kind === 'key.revoked' && e.keyId === keyId) || (e.kind === 'key.registered' && e.replaces === keyId)) chosen.add(seq);
    }
    if (!registered) throw new AppError('qa/unknown-key', `Signer key ${keyId} has no key.registered entry in the ledger copy; pull the ledger again before exporting.`);
  }

  const bundleEntries: BundleLedgerEntry[] = [...chosen]
    .sort((a, b) => a - b)
    .map((seq) => ({ seq, canonical: (entries[seq] as { canonical: string }).canonical, proof: tree.inclusionProof(seq, treeHead.treeSize).map(bytesToBase64) }));
  return {
    format: BUNDLE_FORMAT,
    exportedAt: input.exportedAt,
    companyId: treeHead.companyId,
    documentId,
    version,
    entries: bundleEntries,
    treeHead: { ...treeHead },
    serverPublicKey: input.serverPublicKey,
    serverKeyId: input.serverKeyId,
  };
}
