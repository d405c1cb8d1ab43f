import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import { z } from 'zod';
import { IMPORT_TARGETS, type ImportTarget } from '../../../../shared/import/types';
import type { MappingSuggestion } from './import-mapping-schemas';

export const MAP_COLUMNS_TOOL = 'map_columns';
/** Longer explanations are cut, not refused: the reason is shown to a person, briefly. */
export const MAX_REASON_CHARS = 300;

/**
 * Structured output through a forced tool call (Anthropic "tool use" docs: `tool_choice` of type
 * `tool` makes the model answer with exactly this tool's input). The schema is what the model is
 * told; parseMapColumnsInput below is what the server accepts, because a model can still answer
 * outside the schema.
 */
export const mapColumnsTool: Tool = {
  name: MAP_COLUMNS_TOOL,
  description:
    'Report, for each spreadsheet column you were asked about, which Atlas import field it holds (or null when none fits), how sure you are, and a short reason.',
  input_schema: {
    type: 'object',
    properties: {
      mappings: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            column: { type: 'integer', minimum: 0, description: 'The 0-based column number from the request.' },
            target: { type: ['string', 'null'], enum: [...IMPORT_TARGETS, null], description: 'The import field, or null when no field fits.' },
            confidence: { type: 'number', minimum: 0, maximum: 1, description: '0 = a guess, 1 = certain.' },
            reason: { type: 'string', description: 'One short sentence a pharmacist would understand.' },
          },
          required: ['column', 'target', 'confidence', 'reason'],
          additionalProperties: false,
        },
      },
    },
    required: ['mappings'],
    additionalProperties: false,
  },
};

// The envelope must be right or the whole answer is unusable; entries are checked one by one so a
// single bad entry costs only that column.
const envelope = z.object({ mappings: z.array(z.unknown()) });
const entry = z.object({
  column: z.number().int().nonnegative(),
  target: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  reason: z.string(),
});

export type ParsedMapColumns =
  | { ok: true; suggestions: MappingSuggestion[]; dropped: number }
  | { ok: false; problem: string };

export interface ParseMapColumnsOptions {
  /** Columns the model was asked about; answers for any other column are dropped. */
  asked: ReadonlySet<number>;
  /** Targets other columns already hold with confidence; a suggestion taking one is dropped. */
  taken: ReadonlySet<ImportTarget>;
}

/**
 * Validates the `input` of a map_columns tool call. Dropped: entries of the wrong shape, unknown
 * or un-asked columns, unknown targets, a column answered twice (both answers), a target suggested
 * for two columns (every claimant — which one is right is for the person to decide) and targets
 * already held by a confidently mapped column. A wrong envelope, or entries none of which survive,
 * make the whole answer malformed.
 */
export function parseMapColumnsInput(input: unknown, { asked, taken }: ParseMapColumnsOptions): ParsedMapColumns {
  const parsed = envelope.safeParse(input);
  if (!parsed.success) return { ok: false, problem: 'the tool input is not an object with a mappings array' };
  const raw = parsed.data.mappings;

  const candidates: MappingSuggestion[] = [];
  for (const item of raw) {
    const e = entry.safeParse(item);
    if (!e.success || !asked.has(e.data.column)) continue;
    const target = e.data.target;
    if (target !== null && !isImportTarget(target)) continue;
    if (target !== null && taken.has(target)) continue;
    candidates.push({ column: e.data.column, target, confidence: e.data.confidence, reason: e.data.reason.trim().slice(0, MAX_REASON_CHARS) });
  }

  const perColumn = countBy(candidates, (s) => s.column);
  const perTarget = countBy(candidates, (s) => s.target);
  const suggestions = candidates.filter((s) => perColumn.get(s.column) === 1 && (s.target === null || perTarget.get(s.target) === 1));

  if (raw.length > 0 && suggestions.length === 0) return { ok: false, problem: 'no mapping in the tool input was usable' };
  return { ok: true, suggestions: suggestions.sort((a, b) => a.column - b.column), dropped: raw.length - suggestions.length };
}

const TARGETS: ReadonlySet<string> = new Set(IMPORT_TARGETS);
function isImportTarget(value: string): value is ImportTarget {
  return TARGETS.has(value);
}

function countBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
