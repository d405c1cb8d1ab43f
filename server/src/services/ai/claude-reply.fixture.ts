import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { AnthropicClient, AnthropicClientFactory, AnthropicClientOptions, ClaudeReply } from './anthropic-client';
import { MAP_COLUMNS_TOOL } from './map-columns-tool';

/** A Messages API answer whose only block is a map_columns call (what a forced tool_choice yields). */
export function toolReply(input: unknown, usage = { input_tokens: 420, output_tokens: 96 }): ClaudeReply {
  return {
    model: 'claude-haiku-4-5-20251001',
    stop_reason: 'tool_use',
    content: [{ type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name: MAP_COLUMNS_TOOL, input } as { type: string }],
    usage,
    _request_id: 'req_011CTestRequestId',
  };
}

export function textReply(text: string, stop_reason = 'end_turn'): ClaudeReply {
  return {
    model: 'claude-haiku-4-5-20251001',
    stop_reason,
    content: [{ type: 'text', text } as { type: string }],
    usage: { input_tokens: 400, output_tokens: 12 },
  };
}

export interface ScriptedClaude {
  factory: AnthropicClientFactory;
  /** Every request the service made, in order. */
  requests: MessageCreateParamsNonStreaming[];
  /** The options the client was built with (to check the key and base URL reach the SDK). */
  built: AnthropicClientOptions[];
}

/** A stand-in for the SDK client: `answer` decides each reply (or throws an SDK error). */
export function scriptedClaude(answer: (params: MessageCreateParamsNonStreaming, n: number) => ClaudeReply | Promise<ClaudeReply>): ScriptedClaude {
  const requests: MessageCreateParamsNonStreaming[] = [];
  const built: AnthropicClientOptions[] = [];
  const client: AnthropicClient = {
    messages: {
      create: async (params) => {
        requests.push(params);
        return answer(params, requests.length);
      },
    },
  };
  return {
    requests,
    built,
    factory: (options) => {
      built.push(options);
      return client;
    },
  };
}
