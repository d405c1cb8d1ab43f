import { canonicalJson, leafHash, MerkleTree } from '../ledger';
import { signTreeHead, type TreeHead } from '../ledger/tree-head';
import { fingerprint, generateSigningKeys, sign, type SigningKeys } from '../signing/ed25519';
import { buildBundle } from './bundle-builder';
import type { VerificationBundle } from './bundle';
import type { LedgerEntry, VersionStatus } from './ledger-entry';
import { recordHash, type DocumentRecord, type Person } from './record';
import { keyRegistrationPayload, signaturePayload, type SignatureMeaning } from './signature';
import { bytesToBase64 } from './verify-codec';

/**
 * Real ledgers and bundles for tests and benchmarks: real Ed25519 keys, real signatures over
 * signaturePayload, real canonical entries, a real RFC 6962 tree and a tree head signed by a real
 * server key. Entries are made by hand (not by the workflow), so a test can also make the ledgers
 * the workflow would refuse — a key used after its revocation, a signature before registration.
 */
export interface Signer extends Person {
  keys: SigningKeys;
  keyId: string;
  publicKey: string;
}

export const COMPANY_ID = '5b0c1a52-6a3f-4d7e-9a61-1f2e3d4c5b6a';
export const DOCUMENT_ID = '0f4e2d1c-3b5a-4978-8e6d-5c4b3a291807';
const AT = Date.parse('2026-11-22T10:00:00.000Z');

/** A fresh signer with a real key pair; `n` makes the user id and name unique. */
export async function makeSigner(printedName: string, n: number): Promise<Signer> {
  const keys = await generateSigningKeys();
  return { userId: uuidFor(n), printedName, keys, keyId: await fingerprint(keys.publicKey), publicKey: bytesToBase64(keys.publicKey) };
}

export function uuidFor(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const at = (minutes: number) => new Date(AT + minutes * 60_000).toISOString();

export function sampleCoa(author: Person, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    companyId: COMPANY_ID,
    documentId: DOCUMENT_ID,
    version: 1,
    title: 'CoA Amoxicillin 500 mg lot 00392/174',
    createdBy: { userId: author.userId, printedName: author.printedName },
    createdAt: at(0),
    previousVersion: null,
    change: { kind: 'create', reason: null },
    type: 'coa',
    content: {
      productName: 'Amoxicillin Capsules USP 500 mg',
      ndc11: '00093310905',
      lotNumber: '00392/174',
      manufacturedOn: '2026-03-12',
      expiry: '2027-03-12',
      specification: [
        { test: 'Assay (HPLC)', method: 'USP <621>', limit: '90.0–110.0 % of label claim', result: '99.2 %', pass: true },
        { test: 'Dissolution', method: 'USP <711> Apparatus 1, 100 rpm', limit: 'Q ≥ 80 % in 60 min', result: '92 % (min 88 %)', pass: true },
        { test: 'Water content', method: 'USP <921> Method I', limit: '≤ 14.5 %', result: '12.1 %', pass: true },
      ],
      conclusion: 'The lot meets all specifications.',
    },
    ...overrides,
  } as DocumentRecord;
}

export async function keyRegistered(signer: Signer, minutes: number, replaces: string | null = null): Promise<LedgerEntry> {
  const proof = await sign(keyRegistrationPayload({ companyId: COMPANY_ID, userId: signer.userId, publicKey: signer.publicKey }), signer.keys.secretKey);
  return { companyId: COMPANY_ID, at: at(minutes), actor: person(signer), kind: 'key.registered', keyId: signer.keyId, userId: signer.userId, printedName: signer.printedName, publicKey: signer.publicKey, proof: bytesToBase64(proof), replaces };
}

export function keyRevoked(signer: Signer, minutes: number, reason = 'Laptop lost'): LedgerEntry {
  return { companyId: COMPANY_ID, at: at(minutes), actor: person(signer), kind: 'key.revoked', keyId: signer.keyId, userId: signer.userId, reason };
}

export function versionEntry(record: DocumentRecord, minutes: number): LedgerEntry {
  return { companyId: COMPANY_ID, at: at(minutes), actor: record.createdBy, kind: 'document.version', record, recordHash: recordHash(record), changes: [] };
}

export async function signatureEntry(record: DocumentRecord, signer: Signer, meaning: SignatureMeaning, statusAfter: VersionStatus, minutes: number, reason: string | null = null): Promise<LedgerEntry> {
  const manifestation = { printedName: signer.printedName, userId: signer.userId, signedAt: at(minutes), meaning, reason };
  const signature = await sign(signaturePayload(record, manifestation), signer.keys.secretKey);
  return {
    companyId: COMPANY_ID,
    at: at(minutes),
    actor: person(signer),
    kind: 'document.signature',
    signature: { documentId: record.documentId, version: record.version, recordHash: recordHash(record), manifestation, keyId: signer.keyId, signature: bytesToBase64(signature) },
    statusAfter,
  };
}

export interface SealedLedger {
  entries: { seq: number; canonical: string }[];
  treeHead: TreeHead;
  server: SigningKeys;
  serverPublicKey: string;
  serverKeyId: string;
}

/** Canonicalises the entries as the server stores them and signs a tree head over all of them. */
export async function sealLedger(ledger: readonly LedgerEntry[], server?: SigningKeys): Promise<SealedLedger> {
  const keys = server ?? (await generateSigningKeys());
  const entries = ledger.map((e, seq) => ({ seq, canonical: canonicalJson(e) }));
  const tree = MerkleTree.fromLeafHashes(entries.map((e) => leafHash(new TextEncoder().encode(e.canonical))));
  const serverKeyId = await fingerprint(keys.publicKey);
  const treeHead = await signTreeHead({ companyId: COMPANY_ID, treeSize: tree.size, rootHash: bytesToBase64(tree.root()), signedAt: at(24 * 60) }, keys.secretKey, serverKeyId);
  return { entries, treeHead, server: keys, serverPublicKey: bytesToBase64(keys.publicKey), serverKeyId };
}

export function exportBundle(sealed: SealedLedger, documentId = DOCUMENT_ID, version = 1): VerificationBundle {
  return buildBundle({ ...sealed, documentId, version, exportedAt: at(25 * 60) });
}

export interface ApprovedCoa extends SealedLedger {
  bundle: VerificationBundle;
  record: DocumentRecord;
  signers: Signer[];
}

/**
 * A CoA approved by author, reviewer and QA (three different people), between unrelated entries
 * so proofs are non-trivial; with `signatures` > 3, one version carrying that many signatures by
 * as many signers (the workflow would stop at three — the verifier checks crypto, not policy).
 */
export async function approvedCoa(options: { signatures?: number; names?: string[] } = {}): Promise<ApprovedCoa> {
  const count = options.signatures ?? 3;
  const names = options.names ?? ['Avery Author', 'Riley Reviewer', 'Zoë Quality-Approver'];
  const signers = await Promise.all(Array.from({ length: count }, (_, i) => makeSigner(names[i] ?? `Signer ${i + 1}`, i + 1)));
  const record = sampleCoa(signers[0] as Signer);
  const other = sampleCoa(signers[0] as Signer, { documentId: uuidFor(9_999_999), title: 'CoA another lot' });
  const ledger: LedgerEntry[] = [versionEntry(other, 0)];
  for (const [i, s] of signers.entries()) ledger.push(await keyRegistered(s, 1 + i / 1000));
  ledger.push(versionEntry(record, 2));
  const meanings: SignatureMeaning[] = ['authored', 'reviewed', 'approved'];
  for (const [i, s] of signers.entries()) {
    const meaning = count === 3 ? (meanings[i] as SignatureMeaning) : i === count - 1 ? 'approved' : 'reviewed';
    ledger.push(await signatureEntry(record, s, meaning, i === count - 1 ? 'approved' : 'in-review', 3 + i / 1000, meaning === 'approved' ? 'Released for distribution' : null));
  }
  ledger.push(versionEntry(sampleCoa(signers[0] as Signer, { documentId: uuidFor(9_999_998), title: 'CoA a later lot' }), 5));
  const sealed = await sealLedger(ledger);
  return { ...sealed, bundle: exportBundle(sealed), record, signers };
}

const person = (s: Person): Person => ({ userId: s.userId, printedName: s.printedName });
