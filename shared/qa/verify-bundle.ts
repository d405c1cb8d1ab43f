import { canonicalJson, leafHash, verifyInclusion } from '../ledger';
import { verifyTreeHead } from '../ledger/tree-head';
import { fingerprint, PUBLIC_KEY_BYTES } from '../signing/ed25519';
import { verificationBundleSchema, type VerificationBundle, type VerificationCheck, type VerificationReport } from './bundle';
import { ledgerEntrySchema, type LedgerEntry } from './ledger-entry';
import { base64ToBytes } from './verify-codec';
import { signatureChecks } from './verify-signatures';

export interface VerifyBundleOptions {
  /** The server key the reader trusts (base64), e.g. pinned by their desktop or published by the supplier. */
  serverPublicKey?: string;
}

/** A bundle entry once its canonical JSON has been read; `entry` is null (and `problem` says why) when it could not be. */
export interface ReadEntry {
  seq: number;
  entry: LedgerEntry | null;
  /** The parsed JSON, so an unreadable signature entry is still reported under its signature's name. */
  raw: unknown;
  problem: string | null;
}

const encoder = new TextEncoder();

/**
 * Verifies a verification bundle offline (issue 5, `atlas verify`): every check is named and says
 * in a sentence what passed or exactly what failed. Nothing about the input is trusted and
 * nothing throws: a malformed or tampered bundle yields a failed report, never an exception.
 * `ok` is true only when every check passes.
 */
export async function verifyBundle(input: unknown, options: VerifyBundleOptions = {}): Promise<VerificationReport> {
  const checks: VerificationCheck[] = [];
  try {
    await run(input, options, checks);
  } catch (err) {
    checks.push({ check: 'verification', ok: false, message: `Verification stopped on an unexpected error (${err instanceof Error ? err.message : String(err)}); treat the bundle as unverified.` });
  }
  return { ok: checks.length > 0 && checks.every((c) => c.ok), checks };
}

async function run(input: unknown, options: VerifyBundleOptions, checks: VerificationCheck[]): Promise<void> {
  const pass = (check: string, message: string) => checks.push({ check, ok: true, message });
  const fail = (check: string, message: string) => checks.push({ check, ok: false, message });

  const parsed = verificationBundleSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    fail('bundle format', `This is not an Atlas verification bundle (atlas.qa-bundle/1): ${issues.join('; ')}.`);
    return;
  }
  const bundle = parsed.data;
  pass('bundle format', `An atlas.qa-bundle/1 for version ${bundle.version} of document ${bundle.documentId} (company ${bundle.companyId}), holding ${bundle.entries.length} ledger entries; exported ${bundle.exportedAt} (the export time is not signed).`);

  const read = readEntries(bundle, pass, fail);
  await signatureChecks(bundle, read, checks);
  inclusionChecks(bundle, pass, fail);
  const serverKey = await serverKeyCheck(bundle, options, pass, fail);
  await treeHeadCheck(bundle, serverKey, pass, fail);
}

type Report = (check: string, message: string) => void;

/** Each entry must be exactly the RFC 8785 form that was hashed, and a ledger entry of this company. */
function readEntries(bundle: VerificationBundle, pass: Report, fail: Report): ReadEntry[] {
  const read: ReadEntry[] = [];
  const seen = new Set<number>();
  for (const { seq, canonical } of bundle.entries) {
    const problem = (p: string, raw: unknown = null) => read.push({ seq, entry: null, raw, problem: p });
    if (seen.has(seq)) {
      problem(`entry ${seq} appears twice`);
      continue;
    }
    seen.add(seq);
    let value: unknown;
    try {
      value = JSON.parse(canonical);
    } catch {
      problem(`entry ${seq} is not JSON`);
      continue;
    }
    if (canonicalJson(value) !== canonical) {
      problem(`entry ${seq} is not in canonical form (RFC 8785), so it is not the text the ledger hashed`, value);
      continue;
    }
    const entry = ledgerEntrySchema.safeParse(value);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      problem(`entry ${seq} is not a valid ledger entry (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'schema'})`, value);
      continue;
    }
    if (entry.data.companyId !== bundle.companyId) {
      problem(`entry ${seq} belongs to company ${entry.data.companyId}, not ${bundle.companyId}`, value);
      continue;
    }
    read.push({ seq, entry: entry.data, raw: value, problem: null });
  }
  const problems = read.flatMap((r) => (r.problem ? [r.problem] : []));
  if (problems.length) fail('ledger entries', `Ledger entries unreadable: ${problems.join('; ')}.`);
  else pass('ledger entries', `All ${read.length} entries are canonical JSON (RFC 8785) ledger entries of company ${bundle.companyId}.`);
  return read.sort((a, b) => a.seq - b.seq);
}

/** RFC 6962 §2.1.1 / RFC 9162 §2.1.3.2: each entry's leaf reaches the signed root through its audit path. */
function inclusionChecks(bundle: VerificationBundle, pass: Report, fail: Report): void {
  const { treeSize, rootHash } = bundle.treeHead;
  const root = base64ToBytes(rootHash);
  for (const { seq, canonical, proof } of bundle.entries) {
    const check = `ledger inclusion of entry ${seq}`;
    const path = proof.map(base64ToBytes);
    const bad = path.findIndex((h) => h === null || h.length !== 32);
    if (!root || root.length !== 32) fail(check, `The tree head's root hash is not a base64 SHA-256 hash, so entry ${seq} cannot be shown to be in the ledger.`);
    else if (bad >= 0) fail(check, `Hash ${bad + 1} of entry ${seq}'s inclusion proof is not a base64 SHA-256 hash.`);
    else if (!verifyInclusion(leafHash(encoder.encode(canonical)), seq, treeSize, path as Uint8Array[], root)) {
      fail(check, `Entry ${seq}'s inclusion proof does not lead to the signed root of the ${treeSize}-entry ledger: the entry, its proof or the tree head was changed.`);
    } else pass(check, `Entry ${seq} is in the ${treeSize}-entry ledger (RFC 6962 audit path of ${path.length} hashes to the signed root).`);
  }
}

/** The server key must be well-formed, match its fingerprint, and — when the reader has one — the key they trust. */
async function serverKeyCheck(bundle: VerificationBundle, options: VerifyBundleOptions, pass: Report, fail: Report): Promise<Uint8Array | null> {
  const key = base64ToBytes(bundle.serverPublicKey);
  if (!key || key.length !== PUBLIC_KEY_BYTES) {
    fail('server key', `The server public key is not a base64 ${PUBLIC_KEY_BYTES}-byte Ed25519 key.`);
    return null;
  }
  const id = await fingerprint(key);
  if (id !== bundle.serverKeyId) fail('server key', `The server key's fingerprint is ${id}, but the bundle names ${bundle.serverKeyId}.`);
  else if (bundle.treeHead.keyId !== id) fail('server key', `The tree head names signing key ${bundle.treeHead.keyId}, not the bundle's server key ${id}.`);
  else if (options.serverPublicKey !== undefined && options.serverPublicKey !== bundle.serverPublicKey) {
    const trusted = base64ToBytes(options.serverPublicKey);
    const trustedId = trusted && trusted.length === PUBLIC_KEY_BYTES ? await fingerprint(trusted) : 'not a valid key';
    fail('server key', `The bundle was signed by server key ${id}, not by the key you trust (${trustedId}).`);
  } else if (options.serverPublicKey !== undefined) pass('server key', `The tree head was signed by the server key you trust (${id}).`);
  else pass('server key', `Server key fingerprint ${id}: compare it with the fingerprint your supplier publishes (or pass --server-key) to be sure who signed the ledger.`);
  return key;
}

/** RFC 6962 §3.5: the server signed this tree head for this company. */
async function treeHeadCheck(bundle: VerificationBundle, serverKey: Uint8Array | null, pass: Report, fail: Report): Promise<void> {
  const head = bundle.treeHead;
  const check = 'tree head signature';
  if (head.companyId !== bundle.companyId) fail(check, `The tree head is company ${head.companyId}'s ledger, not company ${bundle.companyId}'s.`);
  else if (!serverKey) fail(check, 'The tree head cannot be checked without a valid server public key.');
  else if (!(await verifyTreeHead(head, serverKey))) fail(check, `The server's Ed25519 signature over the tree head (size ${head.treeSize}, root ${head.rootHash}, signed ${head.signedAt}) does not verify: the tree head was changed or signed by another key.`);
  else pass(check, `The server signed the ${head.treeSize}-entry ledger with root ${head.rootHash} at ${head.signedAt}.`);
}
