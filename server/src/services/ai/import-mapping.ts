import { randomBytes } from 'node:crypto';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import { z } from 'zod';
import type { ServerConfig } from '../../config';
import type { Database } from '../../db/client';
import { logInfo, logUnexpected } from '../../log';
import type { AccessClaims } from '../auth/tokens';
import { describeAiFailure, unusableAnswer, withReference, type AiFailure } from './ai-failure';
import { quotaStatus, reserveAiCall, type QuotaRequest } from './ai-quota';
import { completeUsage } from './ai-usage';
import { createAnthropicClient, type AnthropicClient, type AnthropicClientFactory, type ClaudeReply } from './anthropic-client';
import { buildImportMappingPrompt, type ImportMappingPrompt } from './import-mapping-prompt';
import type { AiQuotaStatus, MappingSuggestion, SuggestMappingInput, SuggestMappingOutput } from './import-mapping-schemas';
import { MAP_COLUMNS_TOOL, mapColumnsTool, parseMapColumnsInput } from './map-columns-tool';

export interface ImportMappingServiceOptions {
  db: Database;
  config: Pick<ServerConfig, 'ai'>;
  /** The SDK client by default; tests inject a stand-in or point the real one at a fake server. */
  createClient?: AnthropicClientFactory;
  now?: () => Date;
}

export type ImportMappingService = ReturnType<typeof createImportMappingService>;

export const NO_KEY_NOTE = 'No Anthropic API key is configured on the server; using the built-in mapping.';
const NOTHING_TO_ASK_NOTE = 'Every column is already mapped with confidence; Claude was not asked.';

// The API's answer is typed by the SDK but not checked at run time: check what is read.
const replyEnvelope = z.object({
  model: z.string().min(1).max(200),
  stop_reason: z.string().nullish(),
  content: z.array(z.looseObject({ type: z.string(), name: z.string().optional(), input: z.unknown().optional() })),
  usage: z.looseObject({ input_tokens: z.number().int().nonnegative(), output_tokens: z.number().int().nonnegative() }),
});

/**
 * AI-assisted column mapping for spreadsheet imports (issue 4): the desktop sends headers and a
 * few samples of its low-confidence columns; Claude suggests fields through a forced tool call.
 * Every failure — no key, quota used up, any API error, an unusable answer — comes back as the
 * `deterministic` path with a note, so the import never stops because of the AI.
 */
export function createImportMappingService({ db, config, createClient = createAnthropicClient, now = () => new Date() }: ImportMappingServiceOptions) {
  const ai = config.ai;
  let client: AnthropicClient | undefined;
  // No request outlives the SDK timeout (no retries), so a reservation older than this plus a
  // margin for the database writes was left by an instance that died mid-call.
  const staleAfterMs = ai.timeoutMs + 60_000;
  const quotaRequest = (who: AccessClaims, at: Date): QuotaRequest => ({ companyId: who.companyId, now: at, limits: ai.monthlyQuota, staleAfterMs });

  return {
    async suggest(who: AccessClaims, input: SuggestMappingInput): Promise<SuggestMappingOutput> {
      if (!ai.apiKey) return deterministic(NO_KEY_NOTE, await quotaStatus(db, quotaRequest(who, now())));
      const prompt = buildImportMappingPrompt(input);
      if (prompt.asked.size === 0) return deterministic(NOTHING_TO_ASK_NOTE, await quotaStatus(db, quotaRequest(who, now())));

      const reservation = await reserveAiCall(db, { ...quotaRequest(who, now()), userId: who.userId, feature: 'import-mapping', model: ai.model });
      if (!reservation.ok) return deterministic(quotaNote(reservation.quota), reservation.quota);
      const usage = { id: reservation.usageId, companyId: who.companyId };

      client ??= createClient({ apiKey: ai.apiKey, baseUrl: ai.baseUrl, timeoutMs: ai.timeoutMs });
      let reply: ClaudeReply;
      try {
        reply = await client.messages.create(requestFor(prompt, ai.model));
      } catch (err) {
        let failure = describeAiFailure(err, ai.timeoutMs);
        if (failure.kind === 'unexpected') {
          const ref = randomBytes(5).toString('hex');
          logUnexpected(err, ref);
          failure = withReference(failure, ref);
        }
        logFailure(failure, who);
        await completeUsage(db, usage, { outcome: 'error', billed: false, errorKind: failure.kind, httpStatus: failure.httpStatus, requestId: failure.requestId }, now());
        return deterministic(failure.note, await quotaStatus(db, quotaRequest(who, now())));
      }

      const requestId = typeof reply._request_id === 'string' ? reply._request_id : null;
      const answer = readAnswer(reply, prompt, requestId);
      if (!answer.ok) {
        const { failure, model, tokens } = answer;
        logFailure(failure, who);
        await completeUsage(
          db,
          usage,
          { outcome: 'error', billed: true, ...(model ? { model } : {}), inputTokens: tokens?.inputTokens, outputTokens: tokens?.outputTokens, errorKind: failure.kind, httpStatus: 200, requestId },
          now(),
        );
        return { ...deterministic(failure.note, await quotaStatus(db, quotaRequest(who, now()))), usage: tokens };
      }

      const { model, tokens, suggestions } = answer;
      await completeUsage(db, usage, { outcome: 'ok', model, ...tokens, requestId }, now());
      return {
        path: 'ai',
        note: successNote(model, suggestions, prompt.asked.size),
        model,
        suggestions,
        usage: tokens,
        quota: await quotaStatus(db, quotaRequest(who, now())),
      };
    },
  };
}

/** Output grows with the number of columns asked (~60 tokens an entry); 1024 covers a dozen. */
export function maxTokensFor(asked: number): number {
  return Math.min(8_192, Math.max(1_024, 256 + 64 * asked));
}

function requestFor(prompt: ImportMappingPrompt, model: string): MessageCreateParamsNonStreaming {
  return {
    model,
    max_tokens: maxTokensFor(prompt.asked.size),
    system: prompt.system,
    tools: [mapColumnsTool],
    tool_choice: { type: 'tool', name: MAP_COLUMNS_TOOL, disable_parallel_tool_use: true },
    messages: [{ role: 'user', content: prompt.user }],
  };
}

type Tokens = { inputTokens: number; outputTokens: number };
type Answer =
  | { ok: true; model: string; tokens: Tokens; suggestions: MappingSuggestion[] }
  /** An answer that cannot be used; `model` and `tokens` when its envelope could be read. */
  | { ok: false; failure: AiFailure; model: string | null; tokens: Tokens | null };

function readAnswer(reply: unknown, prompt: ImportMappingPrompt, requestId: string | null): Answer {
  const envelope = replyEnvelope.safeParse(reply);
  if (!envelope.success) return { ok: false, failure: unusableAnswer('bad-response', requestId), model: null, tokens: null };
  const { model, usage, content, stop_reason } = envelope.data;
  const tokens = { inputTokens: usage.input_tokens, outputTokens: usage.output_tokens };
  const toolUse = content.find((block) => block.type === 'tool_use' && block.name === MAP_COLUMNS_TOOL);
  if (!toolUse) return { ok: false, failure: unusableAnswer(stop_reason === 'refusal' ? 'refusal' : 'no-tool-use', requestId), model, tokens };
  const parsed = parseMapColumnsInput(toolUse.input, prompt);
  if (!parsed.ok) return { ok: false, failure: unusableAnswer('bad-response', requestId), model, tokens };
  return { ok: true, model, tokens, suggestions: parsed.suggestions };
}

function deterministic(note: string, quota: AiQuotaStatus): SuggestMappingOutput {
  return { path: 'deterministic', note, model: null, suggestions: [], usage: null, quota };
}

export function quotaNote({ limit, tier }: AiQuotaStatus): string {
  if (limit === 0) return `AI mapping is not included in the ${tier} plan; using the built-in mapping.`;
  return `This month's AI mapping quota (${limit} call${limit === 1 ? '' : 's'} on the ${tier} plan) is used up; using the built-in mapping.`;
}

function successNote(model: string, suggestions: readonly MappingSuggestion[], asked: number): string {
  const mapped = suggestions.filter((s) => s.target !== null).length;
  const none = suggestions.length - mapped;
  const of = `${mapped} of ${asked} column${asked === 1 ? '' : 's'}`;
  return `Claude (${model}) suggested fields for ${of}${none > 0 ? `; ${none} fit no field` : ''}. Review them before importing.`;
}

// One line per failure: the kind, status and Anthropic's request id — never the key or the body.
function logFailure(failure: AiFailure, who: AccessClaims): void {
  logInfo(`ai import-mapping fell back to the built-in mapping: ${failure.kind} status=${failure.httpStatus ?? '-'} request-id=${failure.requestId ?? '-'} company=${who.companyId}`);
}
