import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { AiConfig } from '../../config';

/**
 * The part of a Messages API answer the server reads. The SDK types the whole message but does not
 * check it at run time, so the service validates this shape itself (see map-columns-tool.ts).
 */
export interface ClaudeReply {
  model: string;
  stop_reason: string | null;
  content: ReadonlyArray<{ type: string }>;
  usage: { input_tokens: number; output_tokens: number };
  /** The `request-id` response header, which the SDK attaches (non-enumerable) to every result. */
  _request_id?: string | null | undefined;
}

/** The one call Atlas makes; the real SDK client satisfies it, and unit tests pass a stand-in. */
export interface AnthropicClient {
  messages: { create(params: MessageCreateParamsNonStreaming): PromiseLike<ClaudeReply> };
}

export type AnthropicClientOptions = Pick<AiConfig, 'baseUrl' | 'timeoutMs'> & { apiKey: string };
export type AnthropicClientFactory = (options: AnthropicClientOptions) => AnthropicClient;

/**
 * The real SDK client. No retries: a person is waiting on the import screen and the built-in
 * mapping is a good answer, so a retry (which honours `retry-after`, possibly tens of seconds)
 * would cost more than it saves. The base URL is passed as `null` rather than left out so the SDK
 * does not read ANTHROPIC_BASE_URL itself: config.ts is the one place the environment is read.
 * SDK logging is off; the service logs one line per failure without the key or the response body.
 */
export const createAnthropicClient: AnthropicClientFactory = ({ apiKey, baseUrl, timeoutMs }) =>
  new Anthropic({ apiKey, baseURL: baseUrl ?? null, timeout: timeoutMs, maxRetries: 0, logLevel: 'off' });
