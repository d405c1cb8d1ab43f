import { z } from 'zod';
import { treeHeadSchema } from './api';

/**
 * A self-contained verification bundle for one version of a record (issue 5, Export): everything
 * `atlas verify` needs offline — the record, its signatures, the signers' public keys with the
 * ledger entries that registered (and, if so, revoked) them, an RFC 6962 inclusion proof for every
 * ledger entry it relies on, the signed tree head those proofs lead to, and the server's key.
 */
export const BUNDLE_FORMAT = 'atlas.qa-bundle/1';

export const bundleLedgerEntry = z.strictObject({
  seq: z.number().int().nonnegative(),
  /** The exact canonical JSON that was hashed into the leaf. */
  canonical: z.string(),
  /** Audit path (base64 hashes) from this leaf to `treeHead.rootHash`. */
  proof: z.array(z.string()),
});
export type BundleLedgerEntry = z.infer<typeof bundleLedgerEntry>;

export const verificationBundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  exportedAt: z.string(),
  companyId: z.string().uuid(),
  documentId: z.string().uuid(),
  version: z.number().int().min(1),
  /** The `document.version` entry (its record is the record), every `document.signature` entry of
   * this version, and the `key.registered` / `key.revoked` entries of every signer key. */
  entries: z.array(bundleLedgerEntry).min(1),
  treeHead: treeHeadSchema,
  serverPublicKey: z.string(),
  serverKeyId: z.string(),
});
export type VerificationBundle = z.infer<typeof verificationBundleSchema>;

/** One line of a verification report: a named check, pass or fail, and a sentence a person reads. */
export interface VerificationCheck {
  check: string;
  ok: boolean;
  message: string;
}
export interface VerificationReport {
  ok: boolean;
  checks: VerificationCheck[];
}
