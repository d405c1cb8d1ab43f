import { z } from 'zod';
import { canonicalJson } from '../ledger/canonical-json';
import { optionalQaText, qaText, utcInstant } from './content';
import type { DocumentRecord } from './record';

/**
 * An electronic signature and its manifestation (21 CFR 11.50): printed name, the signer's id, the
 * UTC date and time, and the meaning. The signed bytes are the RFC 8785 canonical JSON of
 * `{ record, manifestation }` — the whole version, not a reference to it — so a signature cannot
 * be excised, copied or moved to another record (11.70).
 */
export const SIGNATURE_MEANINGS = ['authored', 'reviewed', 'approved', 'rejected'] as const;
export const meaningSchema = z.enum(SIGNATURE_MEANINGS);
export type SignatureMeaning = z.infer<typeof meaningSchema>;

export const MEANING_LABELS: Record<SignatureMeaning, string> = {
  authored: 'Authored (responsibility for the content)',
  reviewed: 'Reviewed',
  approved: 'Approved (QA release)',
  rejected: 'Rejected',
};

export const manifestationSchema = z
  .strictObject({
    printedName: qaText(200),
    userId: z.string().uuid(),
    signedAt: utcInstant,
    meaning: meaningSchema,
    reason: optionalQaText(1000),
  })
  .refine((m) => m.meaning !== 'rejected' || m.reason !== null, { path: ['reason'], message: 'give the reason for the rejection' });
export type Manifestation = z.infer<typeof manifestationSchema>;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be standard base64');
/** Fingerprint format of shared/signing/ed25519 `fingerprint()`: eight groups of four hex digits. */
export const keyIdSchema = z.string().regex(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/, 'must be a key fingerprint');

export const docSignatureSchema = z.strictObject({
  documentId: z.string().uuid(),
  version: z.number().int().min(1),
  /** recordHash() of the signed version: lets a reader match the signature without re-hashing. */
  recordHash: z.string().regex(/^[0-9a-f]{64}$/),
  manifestation: manifestationSchema,
  keyId: keyIdSchema,
  /** Ed25519 (RFC 8032) over signaturePayload(record, manifestation), base64. */
  signature: base64,
});
export type DocSignature = z.infer<typeof docSignatureSchema>;

/** The exact bytes an Ed25519 signature covers. */
export function signaturePayload(record: DocumentRecord, manifestation: Manifestation): Uint8Array {
  return new TextEncoder().encode(canonicalJson({ record, manifestation }));
}

/**
 * Proof that whoever registers a public key holds its private key, and for whom: the key signs
 * this statement, so a key cannot be registered to a user who does not hold it (11.100).
 */
export function keyRegistrationPayload(statement: { companyId: string; userId: string; publicKey: string }): Uint8Array {
  return new TextEncoder().encode(canonicalJson({ purpose: 'atlas.signing-key-registration/1', ...statement }));
}
export { base64 as base64Schema };
