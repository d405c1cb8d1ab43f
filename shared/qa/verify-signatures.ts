import { fingerprint, PUBLIC_KEY_BYTES, verify } from '../signing/ed25519';
import type { VerificationBundle, VerificationCheck } from './bundle';
import type { LedgerEntry } from './ledger-entry';
import { recordHash, type DocumentRecord } from './record';
import { keyRegistrationPayload, signaturePayload } from './signature';
import type { ReadEntry } from './verify-bundle';
import { base64ToBytes } from './verify-codec';

type Entry<K extends LedgerEntry['kind']> = { seq: number; entry: Extract<LedgerEntry, { kind: K }> };

/**
 * The record and its signatures (21 CFR 11.50, 11.70): the record hashes to what the ledger
 * recorded; each signature covers exactly this record and its manifestation, under the key its
 * signer had registered, registered before and not revoked or replaced before it signed.
 */
export async function signatureChecks(bundle: VerificationBundle, read: readonly ReadEntry[], checks: VerificationCheck[]): Promise<void> {
  const push = (check: string, ok: boolean, message: string) => checks.push({ check, ok, message });
  const of = <K extends LedgerEntry['kind']>(kind: K) => read.filter((r): r is ReadEntry & Entry<K> => r.entry?.kind === kind);

  // The record.
  const versions = of('document.version').filter((v) => v.entry.record.documentId === bundle.documentId && v.entry.record.version === bundle.version);
  let record: DocumentRecord | null = null;
  let hash: string | null = null;
  const v = versions[0];
  if (!v) push('record hash', false, `The bundle holds no readable document.version entry for version ${bundle.version} of document ${bundle.documentId}, so there is no record to verify.`);
  else if (versions.length > 1) push('record hash', false, `The bundle holds ${versions.length} document.version entries for version ${bundle.version} (entries ${versions.map((x) => x.seq).join(', ')}); a version is recorded once.`);
  else {
    hash = recordHash(v.entry.record);
    if (hash !== v.entry.recordHash) push('record hash', false, `The record's SHA-256 is ${hash}, but ledger entry ${v.seq} recorded ${v.entry.recordHash}: the record was changed.`);
    else {
      record = v.entry.record;
      push('record hash', true, `The record "${record.title}" hashes to SHA-256 ${hash}, as ledger entry ${v.seq} recorded.`);
    }
  }

  // Each signature.
  const registrations = of('key.registered');
  const revocations = of('key.revoked');
  // Signature entries that cannot be read still count (and fail) under their number, so a damaged
  // signature is never silently dropped from the report.
  const signatures = read.filter((r) => r.entry?.kind === 'document.signature' || kindOf(r.raw) === 'document.signature');
  const fingerprints = new Map<string, string | null>();
  const keyIdOf = async (publicKey: string): Promise<string | null> => {
    if (!fingerprints.has(publicKey)) {
      const bytes = base64ToBytes(publicKey);
      fingerprints.set(publicKey, bytes && bytes.length === PUBLIC_KEY_BYTES ? await fingerprint(bytes) : null);
    }
    return fingerprints.get(publicKey) ?? null;
  };
  const registeredLate: string[] = [];
  const revoked: string[] = [];
  const proofChecked = new Map<number, boolean>();
  for (const [i, { seq, entry: readable, raw, problem: unreadable }] of signatures.entries()) {
    if (!readable || readable.kind !== 'document.signature') {
      const m = (raw as { signature?: { manifestation?: { printedName?: unknown; meaning?: unknown } } }).signature?.manifestation;
      push(`signature ${i + 1} (${String(m?.printedName ?? '?')}, ${String(m?.meaning ?? '?')})`, false, `Signature ${i + 1} (ledger entry ${seq}) cannot be checked: ${unreadable ?? 'it is not a signature entry'}.`);
      continue;
    }
    const entry = readable;
    const sig = entry.signature;
    const m = sig.manifestation;
    const label = `signature ${i + 1} (${m.printedName}, ${m.meaning})`;
    const reg = registrations.find((r) => r.entry.keyId === sig.keyId);
    const publicKey = reg ? base64ToBytes(reg.entry.publicKey) : null;
    let problem: string | null = null;
    if (sig.documentId !== bundle.documentId || sig.version !== bundle.version) problem = `it was given to version ${sig.version} of document ${sig.documentId}, not to this record (21 CFR 11.70)`;
    else if (!record || !hash) problem = 'there is no verified record to check it against';
    else if (sig.recordHash !== hash) problem = `it names record hash ${sig.recordHash}, not this record's ${hash}`;
    else if (entry.actor.userId !== m.userId) problem = `the ledger recorded ${entry.actor.printedName} (${entry.actor.userId}) as the signer, but the manifestation names user ${m.userId}`;
    else if (!reg || !publicKey) problem = `the bundle holds no key.registered entry with a valid public key for key ${sig.keyId}`;
    else if ((await keyIdOf(reg.entry.publicKey)) !== sig.keyId) problem = `key ${sig.keyId} is not the fingerprint of the public key registered at entry ${reg.seq}`;
    else if (reg.entry.userId !== m.userId) problem = `key ${sig.keyId} is registered to user ${reg.entry.userId}, not to the signer ${m.userId}`;
    else {
      const bytes = base64ToBytes(sig.signature);
      if (!bytes || !(await verify(bytes, signaturePayload(record, m), publicKey))) problem = `the Ed25519 signature of key ${sig.keyId} does not verify over this record and manifestation: the record, the manifestation or the signature was changed`;
    }
    if (problem) push(label, false, `Signature ${i + 1} (ledger entry ${seq}) is not valid: ${problem}.`);
    else push(label, true, `${m.printedName} signed "${m.meaning}" at ${m.signedAt} UTC${m.reason ? ` (reason: ${m.reason})` : ''} with key ${sig.keyId}; the Ed25519 signature verifies over this record and manifestation.`);

    // 11.300 / 11.100: the key was bound to the signer, by its holder, before it signed.
    if (reg) {
      if (!proofChecked.has(reg.seq)) {
        const proof = base64ToBytes(reg.entry.proof);
        const statement = keyRegistrationPayload({ companyId: reg.entry.companyId, userId: reg.entry.userId, publicKey: reg.entry.publicKey });
        proofChecked.set(reg.seq, !!proof && !!publicKey && (await verify(proof, statement, publicKey)));
      }
      if (reg.seq >= seq) registeredLate.push(`signature ${i + 1} (entry ${seq}) precedes the registration of its key ${sig.keyId} (entry ${reg.seq})`);
      else if (!proofChecked.get(reg.seq)) registeredLate.push(`the registration of key ${sig.keyId} (entry ${reg.seq}) is not signed by that key`);
    } else registeredLate.push(`signature ${i + 1} (entry ${seq}): the bundle does not hold the registration of key ${sig.keyId}`);
    const ended = [...revocations.filter((r) => r.entry.keyId === sig.keyId), ...registrations.filter((r) => r.entry.replaces === sig.keyId)].filter((r) => r.seq < seq);
    for (const r of ended) revoked.push(`key ${sig.keyId} was ${r.entry.kind === 'key.revoked' ? 'revoked' : 'replaced'} at entry ${r.seq}, before signature ${i + 1} (entry ${seq})`);
  }

  const n = signatures.length;
  if (registeredLate.length) push('signer key registered before signing', false, `${cap(list(registeredLate))}.`);
  else push('signer key registered before signing', true, n ? `Every signer key was registered to its signer, with proof of possession, before it signed (${n} signature${n === 1 ? '' : 's'}).` : 'There are no signatures to check.');
  if (revoked.length) push('key not revoked before signing', false, `${cap(list(revoked))}.`);
  else push('key not revoked before signing', true, n ? 'No signer key was revoked or replaced before it signed.' : 'There are no signatures to check.');

  // The status the ledger recorded once the last signature counted (draft if none yet). A record
  // that is authentic but not approved fails this check: a CoA recipient or a script running
  // `atlas verify` must never read "all checks passed" for a record nobody approved.
  const valid = of('document.signature');
  const last = valid.at(-1);
  const status = last ? last.entry.statusAfter : 'draft';
  const signed = list(valid.map(({ entry }) => `${entry.signature.manifestation.meaning} by ${entry.signature.manifestation.printedName}`));
  push('required signatures', status === 'approved', status === 'approved'
    ? `Status approved: ${signed}.`
    : `Status ${status}: this version is NOT approved${n ? ` (signed: ${signed})` : ' (no signatures yet)'}.`);
}

function kindOf(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as { kind?: unknown }).kind : undefined;
}

function list(items: readonly string[]): string {
  const shown = items.slice(0, 10).join('; ');
  return items.length > 10 ? `${shown}; and ${items.length - 10} more` : shown;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
