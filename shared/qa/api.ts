import { z } from 'zod';
import { serializedErrorSchema } from '../errors-schema';
import { qaOpSchema } from './ops';

/**
 * The server's `qa` tRPC procedures (server/src/routers/qa.ts), shared with the desktop.
 * push: ops in order, each applied at most once (by opId) and answered with its ledger index or
 * its rejection. pull: ledger entries from `from`, the latest signed tree head, and a consistency
 * proof from the tree size the desktop last verified (RFC 6962 §2.1.2), so it can refuse a fork
 * or a rollback (issue 5, Ledger).
 */
export const MAX_QA_PUSH = 100;
export const MAX_QA_PULL = 2_000;

export const qaPushInput = z.strictObject({ ops: z.array(qaOpSchema).min(1).max(MAX_QA_PUSH) });
export type QaPushInput = z.infer<typeof qaPushInput>;

export const qaOpResult = z.discriminatedUnion('status', [
  z.strictObject({ opId: z.string().uuid(), status: z.literal('applied'), seq: z.number().int().nonnegative() }),
  z.strictObject({ opId: z.string().uuid(), status: z.literal('rejected'), error: serializedErrorSchema }),
]);
export type QaOpResult = z.infer<typeof qaOpResult>;
export const qaPushOutput = z.strictObject({ results: z.array(qaOpResult) });
export type QaPushOutput = z.infer<typeof qaPushOutput>;

export const treeHeadSchema = z.strictObject({
  companyId: z.string().uuid(),
  treeSize: z.number().int().nonnegative(),
  rootHash: z.string(),
  signedAt: z.string(),
  signature: z.string(),
  keyId: z.string(),
});

export const qaPullInput = z.strictObject({
  /** Index of the first entry wanted (= how many the desktop already holds). */
  from: z.number().int().nonnegative(),
  /** Size of the tree head the desktop last verified (0 if none). */
  knownTreeSize: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(MAX_QA_PULL).default(500),
});
export type QaPullInput = z.input<typeof qaPullInput>;

export const qaPullOutput = z.strictObject({
  /** Entries `from`.. in order, each its exact canonical JSON (what was hashed). */
  entries: z.array(z.strictObject({ seq: z.number().int().nonnegative(), canonical: z.string() })),
  /** The latest signed tree head (null while the company's ledger is empty). */
  treeHead: treeHeadSchema.nullable(),
  /** Base64 hashes proving knownTreeSize is a prefix of treeHead.treeSize; empty when knownTreeSize is 0 or equal. */
  consistency: z.array(z.string()),
  /** The server's ledger Ed25519 public key (base64) and its fingerprint, pinned by the desktop on first use. */
  serverPublicKey: z.string(),
  serverKeyId: z.string(),
  hasMore: z.boolean(),
});
export type QaPullOutput = z.infer<typeof qaPullOutput>;

/** A company member as the QA screens name them (signers, reviewers to pick). */
export const qaMember = z.strictObject({ userId: z.string().uuid(), printedName: z.string(), role: z.string() });
export type QaMember = z.infer<typeof qaMember>;
