import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Anthropic Messages API (`POST /v1/messages`), faithful where the app
 * depends on it (INTEGRATIONS.md): it checks the key (`Authorization: Bearer` or `x-api-key`), the
 * `anthropic-version` header, the JSON body and a forced tool_choice naming a defined tool, and
 * answers in the API's shapes — messages with content blocks and `usage`, errors as
 * `{type: 'error', error: {type, message}, request_id}` with a `request-id` header. Tests script
 * each reply and read every request it received.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body text, to check what left the server (and what did not). */
  raw: string;
  body: MessagesRequest | null;
  /** The status the fake answered with (0 when the client went away first). */
  status: number;
}

export interface MessagesRequest {
  model: string;
  max_tokens: number;
  system?: unknown;
  messages: { role: string; content: unknown }[];
  tools?: { name: string; description?: string; input_schema: Record<string, unknown> }[];
  tool_choice?: { type: string; name?: string; disable_parallel_tool_use?: boolean };
}

export type FakeReply =
  | { kind: 'tool'; input: unknown; usage?: { input_tokens: number; output_tokens: number }; delayMs?: number }
  | { kind: 'text'; text: string; stopReason?: 'end_turn' | 'refusal' | 'max_tokens' }
  | { kind: 'error'; status: number; type: string; message: string; headers?: Record<string, string> }
  /** Answers only after `ms` (longer than the client's timeout, to test it). */
  | { kind: 'slow'; ms: number };

export interface FakeAnthropic {
  /** Base URL to give the SDK (`baseURL`), e.g. http://127.0.0.1:43123 */
  url: string;
  requests: RecordedRequest[];
  /** Queues replies for the next requests, in order. Unscripted requests get a 500 api_error. */
  script(...replies: FakeReply[]): void;
  /** Drops replies scripted but not used. */
  clear(): void;
  close(): Promise<void>;
}

export const ERRORS = {
  unauthorized: { kind: 'error', status: 401, type: 'authentication_error', message: 'invalid x-api-key' },
  rateLimited: (retryAfterSeconds: number): FakeReply => ({
    kind: 'error',
    status: 429,
    type: 'rate_limit_error',
    message: 'This request would exceed the rate limit for your organization of 50 requests per minute.',
    headers: { 'retry-after': String(retryAfterSeconds), 'anthropic-ratelimit-requests-limit': '50', 'anthropic-ratelimit-requests-remaining': '0' },
  }),
  overloaded: { kind: 'error', status: 529, type: 'overloaded_error', message: 'Overloaded', headers: { 'x-should-retry': 'true' } },
  internal: { kind: 'error', status: 500, type: 'api_error', message: 'Internal server error' },
} as const satisfies Record<string, FakeReply | ((n: number) => FakeReply)>;

export async function startFakeAnthropic({ apiKey }: { apiKey: string }): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const record: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw, body: null, status: 0 };
      requests.push(record);
      handle(req, res, record);
    });
  });

  function handle(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): void {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_011C${randomBytes(9).toString('hex')}`, ...headers });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, type: string, message: string, headers?: Record<string, string>) =>
      send(status, { type: 'error', error: { type, message }, request_id: `req_011C${randomBytes(9).toString('hex')}` }, headers);

    if (req.method !== 'POST' || record.path !== '/v1/messages') return error(404, 'not_found_error', `Not found: ${req.method} ${record.path}`);
    const bearer = /^Bearer (.+)$/.exec(String(req.headers['authorization'] ?? ''))?.[1];
    const key = bearer ?? req.headers['x-api-key'];
    if (key !== apiKey) return error(401, 'authentication_error', 'invalid x-api-key');
    if (!req.headers['anthropic-version']) return error(400, 'invalid_request_error', 'anthropic-version: header is required');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return error(400, 'invalid_request_error', 'Content-Type must be application/json');
    const body = parseRequest(record.raw);
    if (typeof body === 'string') return error(400, 'invalid_request_error', body);
    record.body = body;

    const reply = queue.shift() ?? { kind: 'error', status: 500, type: 'api_error', message: 'fake-anthropic: no reply was scripted for this request' };
    switch (reply.kind) {
      case 'error':
        return error(reply.status, reply.type, reply.message, reply.headers);
      case 'slow': {
        const timer = setTimeout(() => send(200, message(body, [{ type: 'text', text: 'late' }], 'end_turn', record.raw)), reply.ms);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'text':
        return send(200, message(body, reply.stopReason === 'refusal' ? [] : [{ type: 'text', text: reply.text }], reply.stopReason ?? 'end_turn', record.raw));
      case 'tool': {
        const block = { type: 'tool_use', id: `toolu_01${randomBytes(11).toString('hex')}`, name: body.tool_choice?.name ?? body.tools?.[0]?.name ?? 'tool', input: reply.input };
        const reply200 = () => send(200, message(body, [block], 'tool_use', record.raw, reply.usage));
        if (reply.delayMs) setTimeout(reply200, reply.delayMs);
        else reply200();
        return;
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => void queue.push(...replies),
    clear: () => void queue.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// The API's own checks on a Messages request (the subset Atlas could get wrong).
function parseRequest(raw: string): MessagesRequest | string {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return 'The request body is not valid JSON.';
  }
  if (typeof body !== 'object' || body === null) return 'The request body must be an object.';
  const b = body as Partial<MessagesRequest>;
  if (typeof b.model !== 'string' || b.model === '') return 'model: Field required';
  if (!Number.isInteger(b.max_tokens) || (b.max_tokens ?? 0) < 1) return 'max_tokens: Field required (a positive integer)';
  if (!Array.isArray(b.messages) || b.messages.length === 0) return 'messages: at least one message is required';
  if (b.messages[0]?.role !== 'user') return 'messages: first message must use the "user" role';
  if (b.tool_choice?.type === 'tool' && !b.tools?.some((t) => t.name === b.tool_choice?.name)) {
    return `tool_choice.name: Tool '${b.tool_choice.name}' not found in tools`;
  }
  for (const t of b.tools ?? []) if (t.input_schema?.['type'] !== 'object') return `tools.${t.name}.input_schema.type: Input should be 'object'`;
  return b as MessagesRequest;
}

function message(req: MessagesRequest, content: unknown[], stopReason: string, raw: string, usage?: { input_tokens: number; output_tokens: number }) {
  // Aliases resolve to a dated snapshot in the answer, as the real API does.
  const model = /-\d{8}$/.test(req.model) ? req.model : `${req.model}-20251001`;
  return {
    id: `msg_01${randomBytes(11).toString('hex')}`,
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    stop_details: null,
    container: null,
    usage: {
      input_tokens: usage?.input_tokens ?? Math.ceil(raw.length / 4),
      output_tokens: usage?.output_tokens ?? Math.ceil(JSON.stringify(content).length / 4),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      service_tier: 'standard',
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}
