import { z } from 'zod';
import { serializedErrorSchema } from '../errors-schema';
import { locationRow, lotRow, movementRow, productRow } from '../inventory/rows';

/**
 * The sync wire protocol (SYNC.md). Push: a client sends its outbox in order; `seq` is
 * contiguous per client, so the server applies each mutation exactly once and answers repeats
 * with the stored result. Pull: rows above the client's cursor, in whole versions.
 */
export const MAX_PUSH_BATCH = 500;
export const MAX_PULL_PAGE = 10_000;

/**
 * A mutation's arguments as stored with its outcome (Postgres jsonb): NUL and unpaired surrogates
 * are replaced, so even a malformed change can be recorded as rejected and never blocks the queue.
 */
const storableArgs = z.unknown().transform((args) => {
  if (args === undefined) return null;
  const json = JSON.stringify(args, (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(/\u0000/g, '\uFFFD').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD') : value,
  );
  return JSON.parse(json) as unknown;
});

export const pushedMutation = z.object({
  id: z.string().uuid(),
  seq: z.number().int().positive(),
  name: z.string().min(1).max(100),
  args: storableArgs,
  schemaVersion: z.number().int().positive(),
  /** Device time, informational only: ordering never depends on client clocks. */
  createdAt: z.string(),
});
export type PushedMutation = z.infer<typeof pushedMutation>;

export const pushInput = z.object({
  clientId: z.string().uuid(),
  mutations: z
    .array(pushedMutation)
    .min(1)
    .max(MAX_PUSH_BATCH)
    .refine((ms) => new Set(ms.map((m) => m.seq)).size === ms.length, 'each change in a push must have its own seq')
    .refine((ms) => new Set(ms.map((m) => m.id)).size === ms.length, 'each change in a push must have its own id'),
});
export type PushInput = z.infer<typeof pushInput>;

export const mutationResult = z.discriminatedUnion('status', [
  z.object({ mutationId: z.string().uuid(), seq: z.number().int(), status: z.literal('applied'), version: z.number().int() }),
  z.object({ mutationId: z.string().uuid(), seq: z.number().int(), status: z.literal('rejected'), error: serializedErrorSchema }),
]);
export type MutationResult = z.infer<typeof mutationResult>;

export const pushOutput = z.object({
  results: z.array(mutationResult),
  lastAppliedSeq: z.number().int().nonnegative(),
  /** Set when the batch skipped a seq: the client must resend from `expected`. */
  gap: z.object({ expected: z.number().int(), received: z.number().int() }).nullable(),
});
export type PushOutput = z.infer<typeof pushOutput>;

export const pullInput = z.object({
  clientId: z.string().uuid(),
  cursor: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(MAX_PULL_PAGE).default(1_000),
});
export type PullInput = z.input<typeof pullInput>;

export const pullOutput = z.object({
  products: z.array(productRow),
  locations: z.array(locationRow),
  lots: z.array(lotRow),
  movements: z.array(movementRow),
  /** The new cursor: every row with version ≤ cursor has now been sent. */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  lastAppliedSeq: z.number().int().nonnegative(),
});
export type PullOutput = z.infer<typeof pullOutput>;
