import { APIError, APIConnectionTimeoutError } from '@anthropic-ai/sdk';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { aiUsage } from '../../db/schema/index';
import { createTestDeps, type TestDeps } from '../../testing/test-deps';
import type { AccessClaims } from '../auth/tokens';
import { scriptedClaude, textReply, toolReply, type ScriptedClaude } from './claude-reply.fixture';
import type { SuggestMappingInput } from './import-mapping-schemas';

const KEY = 'sk-ant-api03-unit-test-key-that-must-never-leak';
const AI_ENV = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: 'http://127.0.0.1:9/', ATLAS_AI_MODEL: 'claude-haiku-4-5', ATLAS_AI_TIMEOUT_MS: '5000', ATLAS_AI_QUOTA_FREE: '3' };

const input: SuggestMappingInput = {
  fileKind: 'csv',
  columns: [
    { column: 0, header: 'NDC', samples: ['0002-1433-80'], current: { target: 'ndc', confidence: 1 } },
    { column: 1, header: 'Charge', samples: ['A12B3', 'K9-0012'], current: { target: null, confidence: 0 } },
    { column: 2, header: 'Verw. bis', samples: ['03/2027', '11/2026'], current: { target: 'manufacturedOn', confidence: 0.4 } },
    { column: 3, header: 'Status', samples: ['OK', 'HOLD'], current: { target: null, confidence: 0 } },
  ],
};
const good = {
  mappings: [
    { column: 1, target: 'lot', confidence: 0.9, reason: '"Charge" is German for batch.' },
    { column: 2, target: 'expiry', confidence: 0.85, reason: '"Verwendbar bis" means use by.' },
    { column: 3, target: null, confidence: 0.7, reason: 'An internal status flag.' },
  ],
};

let clock = new Date('2026-06-10T09:00:00Z');
let claude: ScriptedClaude;
let answer: (n: number) => ReturnType<Parameters<typeof scriptedClaude>[0]> = () => toolReply(good);
let t: TestDeps;
let n = 0;
const output: string[] = [];

beforeAll(async () => {
  claude = scriptedClaude((_, i) => answer(i));
  t = await createTestDeps(AI_ENV, {}, { anthropic: claude.factory, now: () => clock });
});
afterAll(() => t.close());
afterEach(() => {
  vi.restoreAllMocks();
  output.length = 0;
  answer = () => toolReply(good);
});

async function signedIn(): Promise<AccessClaims> {
  const s = await t.deps.services.auth.register({ companyName: 'Apotheke Nord', name: 'P', email: `map${++n}@example.com`, password: 'correct horse battery staple' });
  return { userId: s.user.id, companyId: s.company.id, role: 'admin' };
}

function captureLogs(): void {
  for (const m of ['log', 'error', 'warn', 'info'] as const) vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void output.push(a.map(String).join(' ')));
}

const usageRows = (companyId: string) => t.deps.db.select().from(aiUsage).where(eq(aiUsage.companyId, companyId));

describe('importMapping.suggest', () => {
  it('asks Claude with a forced map_columns call and returns validated suggestions, usage and quota', async () => {
    const who = await signedIn();
    const before = claude.requests.length;
    const result = await t.deps.services.importMapping.suggest(who, input);
    expect(result).toEqual({
      path: 'ai',
      note: 'Claude (claude-haiku-4-5-20251001) suggested fields for 2 of 3 columns; 1 fit no field. Review them before importing.',
      model: 'claude-haiku-4-5-20251001',
      suggestions: good.mappings,
      usage: { inputTokens: 420, outputTokens: 96 },
      quota: { used: 1, limit: 3, tier: 'free', month: '2026-06' },
    });
    const request = claude.requests[before];
    expect(request).toMatchObject({
      model: 'claude-haiku-4-5',
      max_tokens: 1024,
      tool_choice: { type: 'tool', name: 'map_columns', disable_parallel_tool_use: true },
      tools: [{ name: 'map_columns' }],
      messages: [{ role: 'user' }],
    });
    expect(request?.system).toMatch(/pharmaceutical stock spreadsheet/);
    expect(claude.built).toEqual([{ apiKey: KEY, baseUrl: 'http://127.0.0.1:9/', timeoutMs: 5000 }]);

    const [row] = await usageRows(who.companyId);
    expect(row).toMatchObject({
      userId: who.userId,
      feature: 'import-mapping',
      model: 'claude-haiku-4-5-20251001',
      outcome: 'ok',
      billed: true,
      inputTokens: 420,
      outputTokens: 96,
      requestId: 'req_011CTestRequestId',
      httpStatus: null,
      errorKind: null,
      createdAt: clock,
      completedAt: clock,
    });
  });

  it('builds the SDK client once and reuses it', async () => {
    const who = await signedIn();
    await t.deps.services.importMapping.suggest(who, input);
    expect(claude.built).toHaveLength(1);
  });

  it('falls back on an API error, records it unbilled, and keeps the quota; nothing secret is logged', async () => {
    const who = await signedIn();
    captureLogs();
    answer = () => {
      throw APIError.generate(529, { type: 'error', error: { type: 'overloaded_error', message: `Overloaded ${KEY}` } }, undefined, new Headers({ 'request-id': 'req_529' }));
    };
    const result = await t.deps.services.importMapping.suggest(who, input);
    expect(result).toEqual({
      path: 'deterministic',
      note: 'Claude is overloaded right now (529); using the built-in mapping.',
      model: null,
      suggestions: [],
      usage: null,
      quota: { used: 0, limit: 3, tier: 'free', month: '2026-06' },
    });
    expect(await usageRows(who.companyId)).toMatchObject([{ outcome: 'error', billed: false, errorKind: 'overloaded', httpStatus: 529, requestId: 'req_529', inputTokens: null }]);
    expect(output.join('\n')).toMatch(/overloaded status=529 request-id=req_529/);
    expect(output.join('\n')).not.toContain(KEY);
  });

  it('names a timeout', async () => {
    const who = await signedIn();
    captureLogs();
    answer = () => {
      throw new APIConnectionTimeoutError();
    };
    expect((await t.deps.services.importMapping.suggest(who, input)).note).toBe('Claude did not answer within 5 seconds; using the built-in mapping.');
  });

  it('gives an unexpected failure a reference id, the one it was logged under', async () => {
    const who = await signedIn();
    captureLogs();
    answer = () => {
      throw new TypeError(`something broke near ${KEY}`);
    };
    const { note, path } = await t.deps.services.importMapping.suggest(who, input);
    const ref = /reference ([0-9a-f]{10})/.exec(note)?.[1];
    expect(path).toBe('deterministic');
    expect(note).toBe(`The request to Claude failed unexpectedly (reference ${ref}); using the built-in mapping.`);
    expect(output.join('\n')).toContain(`ref=${ref}`);
    expect(await usageRows(who.companyId)).toMatchObject([{ outcome: 'error', billed: false, errorKind: 'unexpected' }]);
  });

  it.each([
    ['malformed tool input', () => toolReply({ mapping: 'lot' }), "Claude's answer was not in the expected form; using the built-in mapping.", 'bad-response'],
    ['only unusable entries', () => toolReply({ mappings: [{ column: 1, target: 'batch', confidence: 0.9, reason: 'x' }] }), "Claude's answer was not in the expected form; using the built-in mapping.", 'bad-response'],
    ['a text-only reply', () => textReply('Column 1 is the lot.'), 'Claude answered without a column mapping; using the built-in mapping.', 'no-tool-use'],
    ['a refusal', () => textReply('', 'refusal'), 'Claude declined to map these columns; using the built-in mapping.', 'refusal'],
  ])('falls back on %s, and counts the call (Anthropic billed it)', async (_, reply, note, kind) => {
    const who = await signedIn();
    captureLogs();
    answer = reply;
    const result = await t.deps.services.importMapping.suggest(who, input);
    expect(result).toMatchObject({ path: 'deterministic', note, model: null, suggestions: [], quota: { used: 1 } });
    expect(result.usage?.inputTokens).toBeGreaterThan(0);
    expect(await usageRows(who.companyId)).toMatchObject([{ outcome: 'error', billed: true, errorKind: kind, httpStatus: 200 }]);
  });

  it('treats an answer with no usable envelope as malformed', async () => {
    const who = await signedIn();
    captureLogs();
    answer = () => ({ model: 'x', stop_reason: null, content: 'nope' }) as unknown as ReturnType<typeof textReply>;
    const result = await t.deps.services.importMapping.suggest(who, input);
    expect(result).toMatchObject({ path: 'deterministic', usage: null, quota: { used: 1 } });
  });

  it('stops calling Claude once the month’s quota is used, and starts again next month', async () => {
    const who = await signedIn();
    for (let i = 0; i < 3; i++) expect((await t.deps.services.importMapping.suggest(who, input)).path).toBe('ai');
    const calls = claude.requests.length;
    expect(await t.deps.services.importMapping.suggest(who, input)).toEqual({
      path: 'deterministic',
      note: "This month's AI mapping quota (3 calls on the free plan) is used up; using the built-in mapping.",
      model: null,
      suggestions: [],
      usage: null,
      quota: { used: 3, limit: 3, tier: 'free', month: '2026-06' },
    });
    expect(claude.requests.length).toBe(calls);
    clock = new Date('2026-07-01T00:00:05Z');
    try {
      expect(await t.deps.services.importMapping.suggest(who, input)).toMatchObject({ path: 'ai', quota: { used: 1, month: '2026-07' } });
    } finally {
      clock = new Date('2026-06-10T09:00:00Z');
    }
  });

  it('does not ask Claude when every column is already mapped with confidence', async () => {
    const who = await signedIn();
    const calls = claude.requests.length;
    const confident: SuggestMappingInput = { columns: [{ column: 0, header: 'NDC', samples: [], current: { target: 'ndc', confidence: 0.95 } }] };
    expect(await t.deps.services.importMapping.suggest(who, confident)).toMatchObject({ path: 'deterministic', note: 'Every column is already mapped with confidence; Claude was not asked.', quota: { used: 0 } });
    expect(claude.requests.length).toBe(calls);
  });
});

describe('importMapping.suggest without a key or with no allowance', () => {
  it('takes the built-in path without building a client when no key is configured', async () => {
    const none = scriptedClaude(() => toolReply(good));
    const d = await createTestDeps({}, {}, { anthropic: none.factory });
    try {
      const s = await d.deps.services.auth.register({ companyName: 'No Key Inc', name: 'N', email: 'nokey@example.com', password: 'correct horse battery staple' });
      const result = await d.deps.services.importMapping.suggest({ userId: s.user.id, companyId: s.company.id, role: 'admin' }, input);
      expect(result).toMatchObject({ path: 'deterministic', note: 'No Anthropic API key is configured on the server; using the built-in mapping.', suggestions: [], quota: { used: 0, limit: 20, tier: 'free' } });
      expect(none.built).toEqual([]);
      expect(await d.deps.db.$count(aiUsage)).toBe(0);
    } finally {
      await d.close();
    }
  });

  it('says the plan does not include AI mapping when its quota is 0', async () => {
    const zero = scriptedClaude(() => toolReply(good));
    const d = await createTestDeps({ ...AI_ENV, ATLAS_AI_QUOTA_FREE: '0' }, {}, { anthropic: zero.factory });
    try {
      const s = await d.deps.services.auth.register({ companyName: 'Zero Inc', name: 'Z', email: 'zero@example.com', password: 'correct horse battery staple' });
      const result = await d.deps.services.importMapping.suggest({ userId: s.user.id, companyId: s.company.id, role: 'admin' }, input);
      expect(result.note).toBe('AI mapping is not included in the free plan; using the built-in mapping.');
      expect(zero.requests).toEqual([]);
    } finally {
      await d.close();
    }
  });
});
