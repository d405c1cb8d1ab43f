import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SerializedError } from '../../shared/errors';
import type { AiConfig } from '../../server/src/config';
import { openDatabase } from '../../server/src/db/client';
import { aiUsage } from '../../server/src/db/schema/index';
import type { AppRouter } from '../../server/src/routers/_app';
import { startServer, type RunningServer } from '../../server/src/start';
import { freePort } from '../support/free-port';
import { backends, type Backend, skippedHere } from './support/backends';
import { ERRORS, startFakeAnthropic, type FakeAnthropic } from './support/fake-anthropic';

/**
 * AI-assisted column mapping end to end: the desktop's tRPC client → the real server over HTTP →
 * the real Anthropic SDK → a local fake Messages API, on both databases. Every failure must come
 * back as the built-in (deterministic) path with a note, and the quota must be counted in the
 * database.
 */
const KEY = 'sk-ant-api03-integration-key-0123456789abcdef';

type Input = Parameters<ReturnType<typeof client>['imports']['suggestMapping']['mutate']>[0];

function client(server: RunningServer, token: string) {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc`, headers: () => ({ authorization: `Bearer ${token}` }) })] });
}

// A 40-row stock file as the desktop reads it; only the header and a few samples may leave it.
const HEADERS = ['Item No', 'Beschreibung', 'Charge', 'Verw. bis', 'Menge', 'Status'];
const ROWS = Array.from({ length: 40 }, (_, i) => {
  const n = String(i + 1).padStart(4, '0');
  return [`SKU-${n}`, `Amoxicillin 500 mg caps #${n}`, `CH${n}X`, `${String((i % 12) + 1).padStart(2, '0')}/2028`, String(10 + i), i % 3 ? 'OK' : 'HOLD'];
});

/** What the desktop sends: every column, with at most 5 distinct samples and its current guess. */
function summarise(): Input {
  return {
    fileKind: 'xlsx',
    columns: HEADERS.map((header, column) => ({
      column,
      header,
      samples: [...new Set(ROWS.map((r) => r[column] ?? ''))].slice(0, 5),
      current: column === 0 ? { target: 'productCode' as const, confidence: 0.95 } : { target: null, confidence: 0 },
    })),
  };
}

const MAPPINGS = [
  { column: 1, target: 'productName', confidence: 0.9, reason: 'Drug names with strength.' },
  { column: 2, target: 'lot', confidence: 0.88, reason: '"Charge" is German for batch.' },
  { column: 3, target: 'expiry', confidence: 0.86, reason: '"Verwendbar bis" means use by; month/year values.' },
  { column: 4, target: 'quantity', confidence: 0.8, reason: 'Small whole numbers.' },
  { column: 5, target: null, confidence: 0.7, reason: 'An internal status flag.' },
];

describe.each(backends)('AI column mapping over HTTP on $name', (backend) => {
  if (skippedHere(backend)) return;

  let store: Awaited<ReturnType<Backend['setup']>>;
  let fake: FakeAnthropic;
  let server: RunningServer | undefined;
  const logged: string[] = [];
  let n = 0;

  beforeAll(async () => {
    store = await backend.setup();
    fake = await startFakeAnthropic({ apiKey: KEY });
    for (const m of ['log', 'error', 'warn', 'info'] as const) {
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
  });
  // A reply a test scripted but did not use must not answer the next test's request.
  afterEach(() => fake.clear());
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.close();
    await fake?.close();
    await store?.teardown();
  });

  /** (Re)starts the server on the same database with these AI settings. */
  async function start(ai: Partial<AiConfig>): Promise<void> {
    await server?.close();
    const config = store.config();
    server = await startServer({ ...config, ai: { ...config.ai, ...ai } });
  }

  /** A new company (fresh quota) with a signed-in admin. */
  async function signUp() {
    if (!server) throw new Error('server not started');
    const anon = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc` })] });
    const s = await anon.auth.register.mutate({ companyName: 'Apotheke am Markt', name: 'Petra', email: `petra${++n}@apotheke.example`, password: 'a long and memorable passphrase' });
    return client(server, s.accessToken);
  }

  describe('with a key', () => {
    beforeAll(() => start({ apiKey: KEY, baseUrl: fake.url, timeoutMs: 2_000, monthlyQuota: { free: 3, team: 500, enterprise: 5_000 } }));

    it('(a) sends headers and at most 5 samples per column through a forced tool call, and returns the suggestions', async () => {
      const api = await signUp();
      fake.script({ kind: 'tool', input: { mappings: MAPPINGS }, usage: { input_tokens: 1234, output_tokens: 210 } });
      const before = fake.requests.length;
      const result = await api.imports.suggestMapping.mutate(summarise());

      expect(result).toEqual({
        path: 'ai',
        note: 'Claude (claude-haiku-4-5-20251001) suggested fields for 4 of 5 columns; 1 fit no field. Review them before importing.',
        model: 'claude-haiku-4-5-20251001',
        suggestions: MAPPINGS,
        usage: { inputTokens: 1234, outputTokens: 210 },
        quota: { used: 1, limit: 3, tier: 'free', month: expect.stringMatching(/^\d{4}-\d{2}$/) },
      });

      expect(fake.requests.length).toBe(before + 1);
      const req = fake.requests[before];
      expect(req).toMatchObject({ method: 'POST', path: '/v1/messages', status: 200 });
      expect(req?.headers['authorization']).toBe(`Bearer ${KEY}`);
      expect(req?.headers['anthropic-version']).toBeTruthy();
      expect(req?.body).toMatchObject({
        model: 'claude-haiku-4-5',
        max_tokens: 1024,
        tool_choice: { type: 'tool', name: 'map_columns' },
        tools: [{ name: 'map_columns', input_schema: { type: 'object', required: ['mappings'] } }],
      });
      expect(JSON.stringify(req?.body?.system)).toMatch(/pharmaceutical stock spreadsheet/);
      const sent = req?.raw ?? '';
      for (const h of HEADERS) expect(sent).toContain(JSON.stringify(h).slice(1, -1));
      // Rows 1-5 of the asked columns may travel as samples; nothing of rows 6-40 may.
      for (const v of ['CH0001X', 'CH0005X', 'Amoxicillin 500 mg caps #0003']) expect(sent).toContain(v);
      for (const row of ROWS.slice(5)) for (const cell of row.slice(1, 3)) expect(sent).not.toContain(cell);
      // The confidently mapped column goes as header and field only, without its values.
      expect(sent).not.toContain('SKU-0001');
    });

    it('(c) a 429 with retry-after: built-in mapping, the wait in the note, no retry, not counted', async () => {
      const api = await signUp();
      fake.script(ERRORS.rateLimited(30));
      const before = fake.requests.length;
      expect(await api.imports.suggestMapping.mutate(summarise())).toEqual({
        path: 'deterministic',
        note: "Claude's rate limit was reached (429); using the built-in mapping. Try again in 30 seconds.",
        model: null,
        suggestions: [],
        usage: null,
        quota: expect.objectContaining({ used: 0, limit: 3 }),
      });
      expect(fake.requests.length).toBe(before + 1);
    });

    it('(d) 529 overloaded_error: built-in mapping with a plain note', async () => {
      const api = await signUp();
      fake.script(ERRORS.overloaded);
      const result = await api.imports.suggestMapping.mutate(summarise());
      expect(result).toMatchObject({ path: 'deterministic', note: 'Claude is overloaded right now (529); using the built-in mapping.', suggestions: [], usage: null, quota: { used: 0 } });
    });

    it('a 500 api_error: built-in mapping', async () => {
      const api = await signUp();
      fake.script(ERRORS.internal);
      expect((await api.imports.suggestMapping.mutate(summarise())).note).toBe('Claude had a server error (500); using the built-in mapping.');
    });

    it('(e) malformed tool input: built-in mapping, but the billed tokens are reported and counted', async () => {
      const api = await signUp();
      fake.script({ kind: 'tool', input: { columns: 'Charge is the lot' }, usage: { input_tokens: 900, output_tokens: 40 } });
      expect(await api.imports.suggestMapping.mutate(summarise())).toMatchObject({
        path: 'deterministic',
        note: "Claude's answer was not in the expected form; using the built-in mapping.",
        model: null,
        suggestions: [],
        usage: { inputTokens: 900, outputTokens: 40 },
        quota: { used: 1 },
      });
    });

    it('drops unusable entries (unknown target, unknown column, a target claimed twice) and keeps the rest', async () => {
      const api = await signUp();
      fake.script({
        kind: 'tool',
        input: {
          mappings: [
            { column: 1, target: 'productName', confidence: 0.9, reason: 'names' },
            { column: 2, target: 'batchNumber', confidence: 0.9, reason: 'not a target' },
            { column: 3, target: 'quantity', confidence: 0.6, reason: 'claims quantity' },
            { column: 4, target: 'quantity', confidence: 0.8, reason: 'also claims quantity' },
            { column: 17, target: 'lot', confidence: 0.9, reason: 'no such column' },
            { column: 0, target: 'notes', confidence: 0.9, reason: 'not asked' },
          ],
        },
      });
      const result = await api.imports.suggestMapping.mutate(summarise());
      expect(result.path).toBe('ai');
      expect(result.suggestions).toEqual([{ column: 1, target: 'productName', confidence: 0.9, reason: 'names' }]);
    });

    it('(f) a text-only reply without tool_use: built-in mapping', async () => {
      const api = await signUp();
      fake.script({ kind: 'text', text: 'Column 2 looks like a lot number.' });
      expect(await api.imports.suggestMapping.mutate(summarise())).toMatchObject({
        path: 'deterministic',
        note: 'Claude answered without a column mapping; using the built-in mapping.',
        usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number) },
      });
    });

    it('a timeout: built-in mapping, and the server answers soon after its timeout', async () => {
      const api = await signUp();
      fake.script({ kind: 'slow', ms: 10_000 });
      const started = Date.now();
      const result = await api.imports.suggestMapping.mutate(summarise());
      expect(result).toMatchObject({ path: 'deterministic', note: 'Claude did not answer within 2 seconds; using the built-in mapping.', quota: { used: 0 } });
      expect(Date.now() - started).toBeLessThan(8_000);
    });

    it('stops calling Claude once the month’s quota is used up', async () => {
      const api = await signUp();
      for (let i = 1; i <= 3; i++) {
        fake.script({ kind: 'tool', input: { mappings: MAPPINGS } });
        expect((await api.imports.suggestMapping.mutate(summarise())).quota.used).toBe(i);
      }
      const before = fake.requests.length;
      expect(await api.imports.suggestMapping.mutate(summarise())).toEqual({
        path: 'deterministic',
        note: "This month's AI mapping quota (3 calls on the free plan) is used up; using the built-in mapping.",
        model: null,
        suggestions: [],
        usage: null,
        quota: expect.objectContaining({ used: 3, limit: 3, tier: 'free' }),
      });
      expect(fake.requests.length).toBe(before);
    });

    it('gives concurrent requests of one company exactly the calls left', async () => {
      const api = await signUp();
      // Slow answers keep the first reservations in flight while the others ask.
      fake.script(...Array.from({ length: 3 }, () => ({ kind: 'tool' as const, input: { mappings: MAPPINGS }, delayMs: 300 })));
      const before = fake.requests.length;
      const results = await Promise.all([1, 2, 3, 4, 5].map(() => api.imports.suggestMapping.mutate(summarise())));
      expect(results.filter((r) => r.path === 'ai')).toHaveLength(3);
      expect(results.filter((r) => r.note.startsWith("This month's AI mapping quota"))).toHaveLength(2);
      expect(fake.requests.length).toBe(before + 3);
    });

    it('refuses a request carrying more than 5 samples per column, without calling Claude', async () => {
      const api = await signUp();
      const before = fake.requests.length;
      const input = summarise();
      const wide = { ...input, columns: input.columns.map((c) => ({ ...c, samples: ROWS.slice(0, 6).map((r) => r[c.column] ?? '') })) };
      try {
        await api.imports.suggestMapping.mutate(wide);
        throw new Error('expected a validation error');
      } catch (err) {
        if (!(err instanceof TRPCClientError)) throw err;
        const data = err.data as { app?: SerializedError; httpStatus?: number };
        expect(data.httpStatus).toBe(400);
        expect(data.app?.code).toBe('validation/invalid-input');
        expect(data.app?.issues).toContainEqual({ path: 'columns.0.samples', message: 'send at most 5 samples per column' });
      }
      expect(fake.requests.length).toBe(before);
    });
  });

  describe('with a key Anthropic refuses', () => {
    beforeAll(() => start({ apiKey: 'sk-ant-api03-revoked', baseUrl: fake.url, timeoutMs: 2_000 }));

    it('(b) 401 authentication_error: built-in mapping, a note for the administrator, not counted', async () => {
      const api = await signUp();
      const before = fake.requests.length;
      expect(await api.imports.suggestMapping.mutate(summarise())).toMatchObject({
        path: 'deterministic',
        note: "Claude refused the server's API key (401); an administrator should check ANTHROPIC_API_KEY. Meanwhile using the built-in mapping.",
        quota: { used: 0 },
      });
      expect(fake.requests[before]).toMatchObject({ path: '/v1/messages', status: 401 });
    });
  });

  describe('without a key', () => {
    beforeAll(() => start({ apiKey: undefined, baseUrl: fake.url }));

    it('takes the built-in path without calling anything', async () => {
      const api = await signUp();
      const before = fake.requests.length;
      expect(await api.imports.suggestMapping.mutate(summarise())).toEqual({
        path: 'deterministic',
        note: 'No Anthropic API key is configured on the server; using the built-in mapping.',
        model: null,
        suggestions: [],
        usage: null,
        quota: expect.objectContaining({ used: 0, limit: 20, tier: 'free' }),
      });
      expect(fake.requests.length).toBe(before);
    });
  });

  describe('when Anthropic cannot be reached', () => {
    beforeAll(async () => start({ apiKey: KEY, baseUrl: `http://127.0.0.1:${await freePort()}`, timeoutMs: 2_000 }));

    it('connection refused: built-in mapping', async () => {
      const api = await signUp();
      expect(await api.imports.suggestMapping.mutate(summarise())).toMatchObject({
        path: 'deterministic',
        note: 'The server could not reach Claude (connection failed); using the built-in mapping.',
        quota: { used: 0 },
      });
    });
  });

  it('recorded every call in ai_usage with its outcome and tokens, and never logged the key', async () => {
    await server?.close();
    server = undefined;
    const database = await openDatabase(store.config());
    try {
      const rows = await database.db.select().from(aiUsage);
      const kinds = rows.map((r) => `${r.outcome}:${r.errorKind ?? '-'}:${r.billed ? 'billed' : 'free'}`).sort();
      expect(kinds).toEqual(
        [
          ...Array(1 + 1 + 3 + 3).fill('ok:-:billed'), // (a), dropped entries, quota run, concurrent
          'error:authentication:free',
          'error:bad-response:billed',
          'error:connection:free',
          'error:no-tool-use:billed',
          'error:overloaded:free',
          'error:rate-limited:free',
          'error:server-error:free',
          'error:timeout:free',
        ].sort(),
      );
      const [first] = await database.db.select().from(aiUsage).where(eq(aiUsage.inputTokens, 1234));
      expect(first).toMatchObject({ feature: 'import-mapping', model: 'claude-haiku-4-5-20251001', outputTokens: 210, httpStatus: null, requestId: expect.stringMatching(/^req_/) });
      expect(rows.find((r) => r.errorKind === 'overloaded')).toMatchObject({ httpStatus: 529, inputTokens: null, model: 'claude-haiku-4-5', requestId: expect.stringMatching(/^req_/) });
      expect(rows.every((r) => r.companyId && r.userId && r.completedAt)).toBe(true);
      expect(JSON.stringify(rows)).not.toContain(KEY);
    } finally {
      await database.close();
    }
    expect(logged.join('\n')).toMatch(/ai import-mapping fell back to the built-in mapping: overloaded status=529/);
    expect(logged.join('\n')).not.toContain(KEY);
  });
});
