import { fromBase64, toBase64 } from '../ledger/tree-head';
import { fingerprint, PUBLIC_KEY_BYTES, sign, SECRET_KEY_BYTES } from '../signing/ed25519';
import type { QaOp } from './ops';
import { recordHash, type DocumentRecord } from './record';
import { keyRegistrationPayload, signaturePayload, type DocSignature, type Manifestation } from './signature';

/**
 * Signs one version of a record with the signer's Ed25519 key (libsodium layout: seed ‖ public
 * key). The caller opened the sealed key with the password just now (21 CFR 11.200) and wipes it
 * afterwards; nothing here keeps a copy.
 */
export async function signRecord(record: DocumentRecord, manifestation: Manifestation, secretKey: Uint8Array): Promise<DocSignature> {
  const signature = await sign(signaturePayload(record, manifestation), secretKey);
  return {
    documentId: record.documentId,
    version: record.version,
    recordHash: recordHash(record),
    manifestation,
    keyId: await fingerprint(secretKey.subarray(SECRET_KEY_BYTES - PUBLIC_KEY_BYTES)),
    signature: await toBase64(signature),
  };
}

/** The op that registers a new public key, with the key's own signature proving possession (11.100). */
export async function keyRegistrationOp(a: {
  opId: string;
  companyId: string;
  userId: string;
  secretKey: Uint8Array;
  publicKey: Uint8Array;
  replaces: string | null;
}): Promise<Extract<QaOp, { kind: 'key.register' }>> {
  const publicKey = await toBase64(a.publicKey);
  const proof = await sign(keyRegistrationPayload({ companyId: a.companyId, userId: a.userId, publicKey }), a.secretKey);
  return { opId: a.opId, kind: 'key.register', publicKey, proof: await toBase64(proof), replaces: a.replaces };
}

export { fromBase64, toBase64 };
