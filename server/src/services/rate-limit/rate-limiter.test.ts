import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { auditEvents } from '../../db/schema/index';
import { createTestDeps, type TestDeps } from '../../testing/test-deps';
import { bucketFor } from './policy';
import { BLOCK_AFTER_VIOLATIONS, pruneIdle, takeRateLimitToken, type RateLimitRequest } from './rate-limiter';

let t: TestDeps;
beforeAll(async () => {
  t = await createTestDeps();
});
afterAll(() => t.close());

const limits = { authPerMinute: 10, apiPerMinute: 100, syncPerMinute: 600 };
let n = 0;
/** A fresh address per test, so tests do not share buckets. */
const freshIp = () => `203.0.113.${++n}`;
const signIn = (ip: string, email = `someone${n}@example.com`): RateLimitRequest => ({ ...bucketFor('auth.signIn', { ip, auth: null, rawInput: { email } }), path: 'auth.signIn', origin: { ip } });

async function outcome(request: RateLimitRequest, l = limits): Promise<'ok' | AppError> {
  try {
    await takeRateLimitToken(t.deps.db, l, request);
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
}

async function auditKinds(ip: string): Promise<string[]> {
  const rows = await t.deps.db.select({ kind: auditEvents.kind }).from(auditEvents).where(sql`${auditEvents.ip} = ${ip}`).orderBy(auditEvents.createdAt);
  return rows.map((r) => r.kind);
}

describe('token bucket in Postgres (issue 6)', () => {
  it('allows 10 sign-in attempts a minute from one address and refuses the 11th with 429 and a retry time', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect(await outcome(signIn(ip, `p${i}@example.com`))).toBe('ok');
    const refused = await outcome(signIn(ip, 'p10@example.com'));
    expect(refused).toBeInstanceOf(AppError);
    const err = refused as AppError;
    expect(err.code).toBe('rate-limit/exceeded');
    expect(err.httpStatus).toBe(429);
    // One token comes back every 6 s at 10/min.
    expect(err.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(err.retryAfterSeconds).toBeLessThanOrEqual(6);
    expect(err.message).toMatch(/Too many requests from this address \(limit 10 a minute\)\. Try again in \d+ seconds?\./);
    // Another address is not affected.
    expect(await outcome(signIn(freshIp()))).toBe('ok');
  });

  it('also counts per account email, whatever the address (a distributed guess at one account)', async () => {
    for (let i = 0; i < 10; i++) expect(await outcome(signIn(freshIp(), 'Victim@Example.com'))).toBe('ok');
    const err = (await outcome(signIn(freshIp(), 'victim@example.com'))) as AppError;
    expect(err.code).toBe('rate-limit/exceeded');
    expect(err.message).toMatch(/this account/);
    // The email is not stored in clear.
    const keys = await t.deps.db.execute(sql`select key from rate_limit_buckets where key like 'auth:email:%'`);
    expect(JSON.stringify(keys)).not.toMatch(/victim/i);
  });

  it('refills by elapsed time on the database clock', async () => {
    const ip = freshIp();
    const fast = { ...limits, authPerMinute: 120, apiPerMinute: 100 }; // 2 tokens a second
    const request = { ...bucketFor('auth.refresh', { ip, auth: null }), path: 'auth.refresh', origin: { ip } };
    for (let i = 0; i < 120; i++) expect(await outcome(request, fast)).toBe('ok');
    expect(await outcome(request, fast)).toBeInstanceOf(AppError);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await outcome(request, fast)).toBe('ok');
  });

  it('takes exactly the capacity when many requests race for the last tokens', async () => {
    const ip = freshIp();
    const request = { ...bucketFor('auth.refresh', { ip, auth: null }), path: 'auth.refresh', origin: { ip } };
    const results = await Promise.all(Array.from({ length: 25 }, () => outcome(request)));
    expect(results.filter((r) => r === 'ok')).toHaveLength(10);
  });

  it('limits the API per signed-in user, not per address', async () => {
    const session = await t.deps.services.auth.register({ companyName: 'Limits Ltd', name: 'Ada', email: 'ada@limits.example', password: 'a long and memorable passphrase' });
    const user = { userId: session.user.id, companyId: session.company.id };
    const small = { ...limits, authPerMinute: 10, apiPerMinute: 3 };
    const call = (ip: string) => ({ ...bucketFor('qa.list', { ip, auth: user }), path: 'qa.list', origin: { ip } });
    for (let i = 0; i < 3; i++) expect(await outcome(call(freshIp()), small)).toBe('ok');
    expect(((await outcome(call(freshIp()), small)) as AppError).message).toMatch(/this account \(limit 3 a minute\)/);
    // The company's admins see it on their audit screen.
    const events = await t.deps.db.select().from(auditEvents).where(sql`${auditEvents.companyId} = ${user.companyId}`);
    expect(events.map((e) => [e.kind, e.userId, e.details])).toContainEqual(['security.rate-limited', user.userId, { scope: 'api', subject: 'user', path: 'qa.list', limitPerMinute: 3 }]);
  });

  it('blocks a repeated violator for 15 minutes and records one rate-limited and one blocked event', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) await outcome(signIn(ip, `r${i}@example.com`));
    const refusals: AppError[] = [];
    for (let i = 0; i < BLOCK_AFTER_VIOLATIONS; i++) refusals.push((await outcome(signIn(ip, `s${i}@example.com`))) as AppError);
    expect(refusals.every((e) => e.code === 'rate-limit/exceeded')).toBe(true);
    // The refusal that starts the block already says how long it lasts.
    expect(refusals.at(-1)?.retryAfterSeconds).toBeGreaterThan(14 * 60);

    // Blocked: refused at once, long Retry-After, even after the bucket would have refilled.
    const blocked = (await outcome(signIn(ip, 'later@example.com'))) as AppError;
    expect(blocked.code).toBe('rate-limit/exceeded');
    expect(blocked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(blocked.message).toMatch(/blocked for a while .* Try again in 15 minutes\./);
    expect(await auditKinds(ip)).toEqual(['security.rate-limited', 'security.blocked']);

    // The block is per bucket: the same address can still reach the API (its signed-in users are counted by user).
    expect(await outcome({ ...bucketFor('qa.list', { ip, auth: null }), path: 'qa.list', origin: { ip } })).toBe('ok');
  });

  it('gives sync its own bucket per user, throttled but never blocked', async () => {
    const session = await t.deps.services.auth.register({ companyName: 'Bulk Imports Ltd', name: 'Ida', email: 'ida@bulk.example', password: 'a long and memorable passphrase' });
    const auth = { userId: session.user.id, companyId: session.company.id };
    const small = { ...limits, syncPerMinute: 3 };
    const push = (): RateLimitRequest => ({ ...bucketFor('sync.push', { ip: freshIp(), auth }), path: 'sync.push', origin: {} });
    for (let i = 0; i < 3; i++) expect(await outcome(push(), small)).toBe('ok');
    // Refused many more times than would block an API caller: each refusal is a plain "wait".
    for (let i = 0; i < BLOCK_AFTER_VIOLATIONS + 3; i++) {
      const refused = (await outcome(push(), small)) as AppError;
      expect(refused.code).toBe('rate-limit/exceeded');
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(20);
    }
    const rows = await t.deps.db.execute(sql`select count(*)::int as n from rate_limit_blocks where key = ${`sync:user:${auth.userId}`} and blocked_until is not null`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    // The API bucket is untouched by all that syncing; a caller without a token is counted as any other.
    expect(await outcome({ ...bucketFor('auth.me', { ip: freshIp(), auth }), path: 'auth.me', origin: {} }, small)).toBe('ok');
    expect(bucketFor('sync.push', { ip: '203.0.113.250', auth: null }).scope).toBe('api');
  });

  it('never blocks an account email (a stranger typing it must not lock the person out)', async () => {
    const email = `target-${crypto.randomUUID()}@example.com`;
    for (let i = 0; i < 10 + BLOCK_AFTER_VIOLATIONS + 2; i++) await outcome(signIn(freshIp(), email));
    const rows = await t.deps.db.execute(sql`select count(*)::int as n from rate_limit_blocks where key like 'auth:email:%' and blocked_until is not null`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
  });

  it('counts nothing for a call with neither an address nor a user (in-process callers)', async () => {
    for (let i = 0; i < 30; i++) expect(await outcome({ ...bucketFor('auth.refresh', { ip: null, auth: null }), path: 'auth.refresh', origin: {} })).toBe('ok');
  });

  it('prunes only rows that no longer matter: idle (hence full) buckets and ended windows without a running block', async () => {
    const db = t.deps.db;
    await db.execute(sql`insert into rate_limit_buckets (key, tokens, refilled_at) values ('prune:idle', 0, now() - interval '11 minutes'), ('prune:recent', 0, now())`);
    await db.execute(sql`insert into rate_limit_blocks (key, violations, window_started_at, blocked_until) values
      ('prune:old-window', 3, now() - interval '11 minutes', null),
      ('prune:still-blocked', 5, now() - interval '11 minutes', now() + interval '4 minutes'),
      ('prune:open-window', 2, now() - interval '1 minute', null)`);
    await pruneIdle(db);
    const left = await db.execute(sql`select key from rate_limit_buckets where key like 'prune:%' union all select key from rate_limit_blocks where key like 'prune:%' order by 1`);
    expect((left as unknown as { rows: { key: string }[] }).rows.map((r) => r.key)).toEqual(['prune:open-window', 'prune:recent', 'prune:still-blocked']);
  });
});
