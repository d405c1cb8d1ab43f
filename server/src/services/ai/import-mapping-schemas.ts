import { z } from 'zod';
import { importTargetSchema } from '../../../../shared/import/types';
import { COMPANY_TIERS } from '../../db/schema/accounts';

/** Bounds of what a desktop may send: a few samples per column, never the file itself. */
export const MAX_COLUMNS = 200;
export const MAX_HEADER_CHARS = 200;
export const MAX_SAMPLES = 5;
export const MAX_SAMPLE_CHARS = 100;

const confidence = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

export const suggestMappingColumn = z.object({
  /** 0-based, as in shared/import ColumnMapping. */
  column: z.number().int().nonnegative().max(16_383, 'is beyond the last spreadsheet column (XFD)'),
  header: z.string().max(MAX_HEADER_CHARS, `must be at most ${MAX_HEADER_CHARS} characters`),
  samples: z
    .array(z.string().max(MAX_SAMPLE_CHARS, `must be at most ${MAX_SAMPLE_CHARS} characters`))
    .max(MAX_SAMPLES, `send at most ${MAX_SAMPLES} samples per column`),
  current: z.object({ target: importTargetSchema.nullable(), confidence }),
});
export type SuggestMappingColumn = z.infer<typeof suggestMappingColumn>;

export const suggestMappingInput = z.object({
  columns: z
    .array(suggestMappingColumn)
    .min(1, 'send at least one column')
    .max(MAX_COLUMNS, `send at most ${MAX_COLUMNS} columns`)
    .superRefine((columns, ctx) => {
      const seen = new Set<number>();
      columns.forEach((c, i) => {
        if (seen.has(c.column)) ctx.addIssue({ code: 'custom', path: [i, 'column'], message: `column ${c.column} is listed twice` });
        seen.add(c.column);
      });
    }),
  fileKind: z.enum(['csv', 'xlsx', 'xls']).optional(),
});
export type SuggestMappingInput = z.infer<typeof suggestMappingInput>;

export const mappingSuggestion = z.object({
  column: z.number().int().nonnegative(),
  target: importTargetSchema.nullable(),
  confidence,
  reason: z.string(),
});
export type MappingSuggestion = z.infer<typeof mappingSuggestion>;

export const aiQuotaStatus = z.object({
  /** Calls counted this month, including any in flight. */
  used: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
  tier: z.enum(COMPANY_TIERS),
  /** Calendar month in UTC, `YYYY-MM`. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
});
export type AiQuotaStatus = z.infer<typeof aiQuotaStatus>;

/**
 * Always an answer, never an error for an AI failure: `deterministic` tells the desktop to keep
 * its built-in mapping, and `note` says why in words a person can read.
 */
export const suggestMappingOutput = z.object({
  path: z.enum(['ai', 'deterministic']),
  note: z.string(),
  /** The model whose suggestions these are (path `ai`); null on the deterministic path. */
  model: z.string().nullable(),
  suggestions: z.array(mappingSuggestion),
  /** Tokens Anthropic billed for this request, whenever it answered (also for an unusable answer). */
  usage: z.object({ inputTokens: z.number().int().nonnegative(), outputTokens: z.number().int().nonnegative() }).nullable(),
  quota: aiQuotaStatus,
});
export type SuggestMappingOutput = z.infer<typeof suggestMappingOutput>;
