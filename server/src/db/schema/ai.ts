import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies, users } from './accounts';

export const AI_FEATURES = ['import-mapping'] as const;
export type AiFeature = (typeof AI_FEATURES)[number];

/** `pending` is a reservation taken before the call, so concurrent requests cannot overshoot a quota. */
export const AI_OUTCOMES = ['pending', 'ok', 'error'] as const;
export type AiOutcome = (typeof AI_OUTCOMES)[number];

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * One row per Claude call a company's user asked for: the quota is counted from here (not from
 * process memory), so it holds across several server instances and restarts. Rows are written
 * before the call (`pending`) and completed after it with the outcome and the billed tokens.
 */
export const aiUsage = pgTable(
  'ai_usage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    feature: text('feature').$type<AiFeature>().notNull(),
    /** The model asked for; replaced by the model that answered when a response came back. */
    model: text('model').notNull(),
    outcome: text('outcome').$type<AiOutcome>().notNull().default('pending'),
    /**
     * Anthropic answered with a message, so the call cost tokens and counts toward the quota.
     * Error statuses (401, 429, 529, 5xx) are not billed by Anthropic and do not count.
     */
    billed: boolean('billed').notNull().default(false),
    /** Why a call failed, as a short kind (`overloaded`, `timeout`, `bad-response`, ...); never a raw message. */
    errorKind: text('error_kind'),
    /** HTTP status of a failed call (200 when the answer itself was unusable). */
    httpStatus: integer('http_status'),
    /** Anthropic's `request-id` response header, to quote to their support. */
    requestId: text('request_id'),
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('ai_usage_company_created_idx').on(t.companyId, t.createdAt),
    check('ai_usage_outcome_check', sql.raw(`"outcome" in (${list(AI_OUTCOMES)})`)),
    check('ai_usage_feature_check', sql.raw(`"feature" in (${list(AI_FEATURES)})`)),
    check('ai_usage_tokens_check', sql`${t.inputTokens} >= 0 and ${t.outputTokens} >= 0`),
  ],
);
