import { z } from 'zod';
import { DOCUMENT_TYPES, utcInstant } from './content';
import { policySchema } from './policy';
import { documentRecordSchema, personSchema } from './record';
import { base64Schema, docSignatureSchema, keyIdSchema } from './signature';

/**
 * What the ledger records for each accepted op: the audit trail (21 CFR 11.10(e), Annex 11 §9)
 * — computer-generated (`at` is the server's clock when it accepted the op), append-only, with the
 * actor, the reason and the before/after values of every changed field. Stored as RFC 8785
 * canonical JSON; its leaf hash is SHA-256(0x00 ‖ canonical UTF-8) (RFC 6962).
 */
export const VERSION_STATUSES = ['draft', 'in-review', 'approved', 'rejected', 'voided', 'superseded'] as const;
export const versionStatusSchema = z.enum(VERSION_STATUSES);
export type VersionStatus = z.infer<typeof versionStatusSchema>;

/** One changed field between a version and the one it replaces; paths like `specification.2.result`. */
export const fieldChangeSchema = z.strictObject({ path: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

const common = { companyId: z.string().uuid(), at: utcInstant, actor: personSchema };

export const ledgerEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('document.version'),
    record: documentRecordSchema,
    recordHash: z.string().regex(/^[0-9a-f]{64}$/),
    /** Field-level before/after against `record.previousVersion` (empty for a create). */
    changes: z.array(fieldChangeSchema),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('document.signature'),
    signature: docSignatureSchema,
    /** The version's status once this signature counted. */
    statusAfter: versionStatusSchema,
  }),
  z.strictObject({
    ...common,
    kind: z.literal('key.registered'),
    keyId: keyIdSchema,
    userId: z.string().uuid(),
    printedName: z.string(),
    publicKey: base64Schema,
    proof: base64Schema,
    replaces: keyIdSchema.nullable(),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('key.revoked'),
    keyId: keyIdSchema,
    userId: z.string().uuid(),
    reason: z.string(),
  }),
  z.strictObject({ ...common, kind: z.literal('policy.set'), policy: policySchema }),
]);
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type LedgerEntryKind = LedgerEntry['kind'];
export { DOCUMENT_TYPES };
