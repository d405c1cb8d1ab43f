import { z } from 'zod';
import { qaText } from './content';
import { policySchema } from './policy';
import { documentRecordSchema } from './record';
import { base64Schema, docSignatureSchema, keyIdSchema } from './signature';

/**
 * What a desktop sends to change QA data (qa.push). Each op has a client-made id, so a push
 * repeated after a lost response applies nothing twice. Ops are made offline and queued; the
 * server decides them in order with the shared workflow (workflow.ts) and ledgers each one.
 */
const opId = z.string().uuid();

export const qaOpSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    opId,
    kind: z.literal('key.register'),
    /** Raw 32-byte Ed25519 public key, base64. */
    publicKey: base64Schema,
    /** Signature by the new key over keyRegistrationPayload({companyId, userId, publicKey}). */
    proof: base64Schema,
    /** The key this one replaces (rotation); the old key is retired, its signatures stay valid. */
    replaces: keyIdSchema.nullable(),
  }),
  z.strictObject({ opId, kind: z.literal('key.revoke'), keyId: keyIdSchema, reason: qaText(500) }),
  z.strictObject({ opId, kind: z.literal('document.version'), record: documentRecordSchema }),
  z.strictObject({ opId, kind: z.literal('document.sign'), signature: docSignatureSchema }),
  z.strictObject({ opId, kind: z.literal('policy.set'), policy: policySchema }),
]);
export type QaOp = z.infer<typeof qaOpSchema>;
export type QaOpKind = QaOp['kind'];
