import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError } from '../../../../shared/errors';
import type { RateLimitConfig } from '../../config';
import type { Database } from '../../db/client';
import { recordAudit, type RequestOrigin } from '../audit/audit-log';

/**
 * Rate limiting (issue 6; OWASP ASVS 5.0 2.4.1 anti-automation, NIST SP 800-63B §5.2.2 throttling).
 *
 * A token bucket per key — `auth:ip:<address>`, `auth:email:<sha-256>`, `api:user:<uuid>` … — in
 * `rate_limit_buckets`. Taking a token is ONE statement (an upsert whose refill is computed from
 * the time elapsed on the database clock `now()`), so every server instance on the database shares
 * the limits and there is no read-then-write race nor clock skew between instances.
 *
 * A key refused again and again (BLOCK_AFTER refusals within VIOLATION_WINDOW) is blocked for
 * BLOCK_FOR in `rate_limit_blocks`, except per-email keys: anyone can type a victim's email, so
 * blocking it would let a stranger lock a person out (NIST SP 800-63B §5.2.2 asks that throttling
 * not become a denial of service); those stay a plain 10/min bucket. Sync keys are not blocked
 * either: a long upload that keeps meeting its limit is a client keeping pace, not an attack.
 */
export type RateScope = 'auth' | 'api' | 'sync';
export type RateSubject = { kind: 'ip'; ip: string } | { kind: 'user'; userId: string; companyId: string } | { kind: 'email'; email: string };

export const VIOLATION_WINDOW_SECONDS = 600;
export const BLOCK_AFTER_VIOLATIONS = 5;
export const BLOCK_SECONDS = 900;

export interface RateLimitRequest {
  scope: RateScope;
  subjects: readonly RateSubject[];
  /** For audit events and the `details` of them: which procedure or route was asked for. */
  path: string;
  origin: Partial<RequestOrigin>;
}

interface Key {
  key: string;
  subject: RateSubject;
  blockable: boolean;
}

/**
 * Takes one token from every subject's bucket; throws `rate-limit/exceeded` (429, with
 * `retryAfterSeconds`) when a bucket is empty or a subject is blocked. No subject (a call without
 * HTTP and without a user) means nothing to count.
 */
export async function takeRateLimitToken(db: Database, limits: RateLimitConfig, request: RateLimitRequest): Promise<void> {
  const keys = dedupe(request.subjects.map((subject) => toKey(request.scope, subject)));
  if (keys.length === 0) return;
  if (Math.random() < PRUNE_PROBABILITY) await pruneIdle(db);
  const capacity = { auth: limits.authPerMinute, api: limits.apiPerMinute, sync: limits.syncPerMinute }[request.scope];
  const perSecond = capacity / 60;

  const input = sql.join(
    keys.map((k) => sql`(${k.key}::text, ${k.blockable}::boolean)`),
    sql`, `,
  );
  // One statement: refuse outright when a blockable key is blocked; otherwise take a token from
  // each bucket whose refilled level reaches 1 (ON CONFLICT … WHERE leaves an empty bucket as it
  // is, so no refill is lost). The outer select reports per key; `prev` is the row as it was.
  const result = await db.execute(sql`
    with input(key, blockable) as (values ${input}),
    blocked as (
      select b.key, b.blocked_until from rate_limit_blocks b join input i on i.key = b.key and i.blockable
      where b.blocked_until > now()
    ),
    taken as (
      insert into rate_limit_buckets as b (key, tokens, refilled_at)
      select key, ${capacity}::float8 - 1, now() from input where not exists (select 1 from blocked)
      on conflict (key) do update set
        tokens = least(${capacity}::float8, b.tokens + extract(epoch from (now() - b.refilled_at))::float8 * ${perSecond}::float8) - 1,
        refilled_at = now()
      where least(${capacity}::float8, b.tokens + extract(epoch from (now() - b.refilled_at))::float8 * ${perSecond}::float8) >= 1
      returning b.key
    )
    select i.key,
      (t.key is not null) as allowed,
      extract(epoch from (bl.blocked_until - now()))::float8 as blocked_for,
      least(${capacity}::float8, coalesce(prev.tokens + extract(epoch from (now() - prev.refilled_at))::float8 * ${perSecond}::float8, ${capacity}::float8)) as available
    from input i
    left join taken t on t.key = i.key
    left join blocked bl on bl.key = i.key
    left join rate_limit_buckets prev on prev.key = i.key`);
  const rows = (result as unknown as { rows: { key: string; allowed: boolean; blocked_for: number | string | null; available: number | string | null }[] }).rows;

  const blockedFor = Math.max(0, ...rows.map((r) => (r.blocked_for === null ? 0 : Number(r.blocked_for))));
  if (blockedFor > 0) {
    const seconds = Math.max(1, Math.ceil(blockedFor));
    throw new AppError('rate-limit/exceeded', `Too many requests: this ${describeSubjects(keys)} is blocked for a while after repeated excess. Try again in ${minutes(seconds)}.`, {
      retryAfterSeconds: seconds,
    });
  }

  const refused = rows.filter((r) => !r.allowed);
  if (refused.length === 0) return;
  // Time until the emptiest refused bucket holds one whole token again.
  const missing = Math.max(...refused.map((r) => 1 - Math.min(1, Number(r.available ?? 0))));
  let retryAfterSeconds = Math.max(1, Math.ceil(missing / perSecond));

  const refusedKeys = keys.filter((k) => refused.some((r) => r.key === k.key));
  for (const k of refusedKeys) {
    const outcome = await recordViolation(db, k);
    const user = request.subjects.find((s): s is Extract<RateSubject, { kind: 'user' }> => s.kind === 'user');
    const audit = {
      companyId: user?.companyId ?? null,
      userId: user?.userId ?? null,
      origin: request.origin,
      details: { scope: request.scope, subject: k.subject.kind, path: request.path, limitPerMinute: capacity },
    };
    if (outcome.justBlocked) {
      retryAfterSeconds = Math.max(retryAfterSeconds, outcome.blockedForSeconds);
      await recordAudit(db, { kind: 'security.blocked', ...audit, details: { ...audit.details, violations: outcome.violations, blockedForSeconds: outcome.blockedForSeconds } });
    } else if (outcome.violations === 1) {
      // Only the first refusal of a window is recorded: a flood must not flood the audit trail.
      await recordAudit(db, { kind: 'security.rate-limited', ...audit });
    }
  }
  throw new AppError('rate-limit/exceeded', `Too many requests from this ${describeSubjects(refusedKeys)} (limit ${capacity} a minute). Try again in ${minutes(retryAfterSeconds)}.`, {
    retryAfterSeconds,
  });
}

/** About one request in a thousand also clears rows that no longer say anything. */
const PRUNE_PROBABILITY = 0.001;

/**
 * A bucket idle for 10 minutes is full again (it refills within a minute), which is exactly what a
 * missing row means; a violation window that has ended with no block running counts for nothing.
 * Deleting them keeps the tables the size of the recent clients, not of every address ever seen.
 */
export async function pruneIdle(db: Database): Promise<void> {
  await db.execute(sql`delete from rate_limit_buckets where refilled_at < now() - make_interval(secs => ${VIOLATION_WINDOW_SECONDS})`);
  await db.execute(sql`
    delete from rate_limit_blocks
    where window_started_at < now() - make_interval(secs => ${VIOLATION_WINDOW_SECONDS})
      and (blocked_until is null or blocked_until < now())`);
}

/** Counts one refusal in the key's window and starts a block when the threshold is reached. */
async function recordViolation(db: Database, k: Key): Promise<{ violations: number; justBlocked: boolean; blockedForSeconds: number }> {
  const window = sql`make_interval(secs => ${VIOLATION_WINDOW_SECONDS})`;
  const stale = sql`r.window_started_at <= now() - ${window}`;
  const result = await db.execute(sql`
    insert into rate_limit_blocks as r (key, violations, window_started_at) values (${k.key}, 1, now())
    on conflict (key) do update set
      violations = case when ${stale} then 1 else r.violations + 1 end,
      window_started_at = case when ${stale} then now() else r.window_started_at end,
      blocked_until = case when ${k.blockable}::boolean and not (${stale}) and r.violations + 1 >= ${BLOCK_AFTER_VIOLATIONS}
        then now() + make_interval(secs => ${BLOCK_SECONDS}) else r.blocked_until end
    returning violations, extract(epoch from (blocked_until - now()))::float8 as blocked_for`);
  const row = (result as unknown as { rows: { violations: number | string; blocked_for: number | string | null }[] }).rows[0];
  const violations = Number(row?.violations ?? 1);
  const blockedFor = row?.blocked_for === null || row?.blocked_for === undefined ? 0 : Number(row.blocked_for);
  return { violations, justBlocked: k.blockable && violations === BLOCK_AFTER_VIOLATIONS && blockedFor > 0, blockedForSeconds: Math.ceil(blockedFor) };
}

function toKey(scope: RateScope, subject: RateSubject): Key {
  switch (subject.kind) {
    case 'ip':
      return { key: `${scope}:ip:${subject.ip}`, subject, blockable: true };
    case 'user':
      // Sync is throttled, never blocked (policy.ts SYNC_PROCEDURES).
      return { key: `${scope}:user:${subject.userId}`, subject, blockable: scope !== 'sync' };
    case 'email':
      // No personal data in clear in a table that is not about people (ASVS 8.3.x data minimisation).
      return { key: `${scope}:email:${createHash('sha256').update(subject.email.trim().toLowerCase()).digest('base64url')}`, subject, blockable: false };
  }
}

function dedupe(keys: Key[]): Key[] {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k.key) ? false : (seen.add(k.key), true)));
}

function describeSubjects(keys: readonly Key[]): string {
  const names = { ip: 'address', user: 'account', email: 'account' } as const;
  return [...new Set(keys.map((k) => names[k.subject.kind]))].join(' and ');
}

function minutes(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const m = Math.ceil(seconds / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
}
