import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { toFieldIssues } from '../../../shared/zod-issues';
import { createContextInner } from '../context';
import { createTestDeps, type TestDeps } from '../testing/test-deps';
import { createCaller } from './_app';

let t: TestDeps;
let token: string;
beforeAll(async () => {
  t = await createTestDeps();
  token = (await t.deps.services.auth.register({ companyName: 'Acme Pharma', name: 'A', email: 'imports@acme.example', password: 'correct horse battery staple' })).accessToken;
});
afterAll(() => t.close());

const caller = async (authorization?: string) => createCaller(await createContextInner(t.deps, { authorization }));
const column = (n: number, samples: string[] = ['x']) => ({ column: n, header: `Col ${n}`, samples, current: { target: null, confidence: 0 } });

async function failure(call: Promise<unknown>): Promise<{ code: string; trpc: string; message: string }> {
  try {
    await call;
  } catch (err) {
    const e = err as { message: string; code?: string; cause?: unknown };
    // Input errors carry the ZodError; the HTTP error formatter flattens it the same way.
    if (e.cause instanceof ZodError) return { code: 'validation/invalid-input', trpc: e.code ?? '', message: toFieldIssues(e.cause).map((i) => `${i.path}: ${i.message}`).join('; ') };
    const code = (e.cause as { code?: string } | undefined)?.code;
    return { code: code ?? '(none)', trpc: e.code ?? '', message: e.message };
  }
  throw new Error('expected the call to fail');
}

describe('imports.suggestMapping', () => {
  it('requires a signed-in user', async () => {
    expect(await failure((await caller()).imports.suggestMapping({ columns: [column(0)] }))).toMatchObject({ code: 'auth/unauthenticated' });
    expect(await failure((await caller('Bearer not.a.jwt')).imports.suggestMapping({ columns: [column(0)] }))).toMatchObject({ code: 'auth/token-invalid' });
  });

  it('answers with the built-in path and the quota when the server has no key', async () => {
    const result = await (await caller(`Bearer ${token}`)).imports.suggestMapping({ columns: [column(0)], fileKind: 'xlsx' });
    expect(result).toEqual({
      path: 'deterministic',
      note: 'No Anthropic API key is configured on the server; using the built-in mapping.',
      model: null,
      suggestions: [],
      usage: null,
      quota: { used: 0, limit: 20, tier: 'free', month: expect.stringMatching(/^\d{4}-\d{2}$/) },
    });
  });

  it.each([
    ['more than 5 samples', { columns: [column(0, ['1', '2', '3', '4', '5', '6'])] }, /samples: send at most 5 samples per column/],
    ['a sample over 100 characters', { columns: [column(0, ['x'.repeat(101)])] }, /samples\.0: must be at most 100 characters/],
    ['a header over 200 characters', { columns: [{ ...column(0), header: 'h'.repeat(201) }] }, /header: must be at most 200 characters/],
    ['more than 200 columns', { columns: Array.from({ length: 201 }, (_, i) => column(i)) }, /columns: send at most 200 columns/],
    ['no columns', { columns: [] }, /columns: send at least one column/],
    ['a column listed twice', { columns: [column(3), column(3)] }, /column 3 is listed twice/],
    ['an unknown current target', { columns: [{ ...column(0), current: { target: 'colour', confidence: 0.2 } }] }, /current\.target/],
    ['a confidence above 1', { columns: [{ ...column(0), current: { target: null, confidence: 2 } }] }, /must be between 0 and 1/],
    ['an unknown file kind', { columns: [column(0)], fileKind: 'ods' }, /fileKind/],
  ])('refuses %s, naming the field', async (_, bad, message) => {
    const err = await failure((await caller(`Bearer ${token}`)).imports.suggestMapping(bad as never));
    expect(err).toMatchObject({ code: 'validation/invalid-input', trpc: 'BAD_REQUEST' });
    expect(err.message).toMatch(message);
  });
});
