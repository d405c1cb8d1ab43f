import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATION_SCHEMA_VERSION, mutationArgs } from '../../shared/inventory/mutations';
import { createApp } from '../../server/src/app';
import type { ServerDeps } from '../../server/src/context';
import { openDatabase, type OpenDatabase } from '../../server/src/db/client';
import { createServerDeps } from '../../server/src/server-deps';
import { backends, skippedHere } from './support/backends';
import { buildInput } from './support/isolation-inputs';
import {
  appErrorOf,
  auditCount,
  callerFor,
  callProcedure,
  diffSnapshots,
  enumerateProcedures,
  leaksIn,
  registerCompany,
  seedVictim,
  snapshotOf,
  stringify,
  type Session,
  type Victim,
} from './support/isolation-world';

/**
 * Tenant isolation, proven by enumeration (issue 6; OWASP ASVS 5.0 8.2.2 "data-specific access
 * restricted to consumers with explicit permission" and 8.4.1 "multi-tenant: cross-tenant
 * controls"; the IDOR / BOLA attack, OWASP API1:2023).
 *
 * Every tRPC procedure is read from the router itself (`appRouter._def.procedures`) and every
 * REST route from the Hono app (`app.routes`), so a procedure or route added later is attacked
 * without anyone editing this file. Each one is called
 *  - unauthenticated, and must be refused (auth/unauthenticated) unless it is on PUBLIC below;
 *  - as the administrator of another company B, with inputs generated from its own zod schema in
 *    which every identifier-shaped field carries one of company A's identifiers in turn; it must
 *    be refused, or answer without any of A's identifiers or distinctive strings, and A's rows in
 *    every table of the server schema must be unchanged afterwards.
 * A procedure whose input cannot be generated fails (it is never skipped silently).
 */

/**
 * The only hand-maintained part: procedures and routes an unauthenticated caller may use. Every
 * name here must exist (a stale entry fails the test). They are still attacked as company B and
 * must not return A's data to an anonymous caller either.
 */
const PUBLIC_PROCEDURES = [
  'auth.register',
  'auth.signIn',
  'auth.refresh',
  'auth.signOut',
  'auth.verifyMfa',
  'auth.mfaEnrolBegin',
  'auth.mfaEnrolConfirm',
  'company.acceptInvite',
] as const;
const PUBLIC_ROUTES = ['GET /healthz'] as const;

/** The tRPC adapter's mount: its procedures are the ones enumerated above (called over HTTP too). */
const TRPC_MOUNT = '/trpc/*';

const procedures = enumerateProcedures();
const isPublic = (path: string) => (PUBLIC_PROCEDURES as readonly string[]).includes(path);

// Printed so the run shows what was enumerated and how (issue 6 asks for a test that cannot forget one).
console.info(
  `tenant isolation: ${procedures.length} tRPC procedures from appRouter._def.procedures: ${procedures.map((p) => `${p.path}(${p.type}${isPublic(p.path) ? ', public' : ''})`).join(', ')}`,
);

/** Codes that mean "B's own session no longer works" (B may have signed itself out everywhere). */
const SESSION_CODES = new Set(['auth/unauthenticated', 'auth/token-expired', 'auth/token-invalid']);

type Outcome = { kind: 'refused'; code: string } | { kind: 'answered'; value: unknown } | { kind: 'crashed'; error: string };

describe.each(backends)('tenant isolation on $name', (backend) => {
  if (skippedHere(backend)) return;
  let teardown: () => Promise<void>;
  let database: OpenDatabase;
  let deps: ServerDeps;
  let http: ServerType;
  let baseUrl: string;
  let routes: { method: string; path: string }[];
  let victim: Victim;
  let victimUsers: string[];

  beforeAll(async () => {
    const store = await backend.setup();
    teardown = store.teardown;
    const config = store.config();
    database = await openDatabase(config);
    deps = (await createServerDeps(database, config)).deps;
    const app = createApp(deps);
    routes = app.routes.map((r) => ({ method: r.method, path: r.path }));
    console.info(`tenant isolation: Hono app.routes: ${[...new Set(routes.map((r) => `${r.method} ${r.path}`))].join(', ')}`);
    const port = await new Promise<number>((resolve) => {
      http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
    });
    baseUrl = `http://127.0.0.1:${port}`;
    victim = await seedVictim(deps);
    victimUsers = [victim.admin.userId, ...victim.people.map((p) => p.userId)];
    console.info(`tenant isolation: company A seeded with ${victim.targets.length} identifiers: ${victim.targets.map((t) => t.label).join(', ')}`);
  }, 180_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
    await deps?.pokes.close();
    await database?.close();
    await teardown?.();
  });

  const call = async (session: Session | null, path: string, input: unknown): Promise<Outcome> => {
    try {
      return { kind: 'answered', value: await callProcedure(await callerFor(deps, session), path, input) };
    } catch (err) {
      const app = appErrorOf(err);
      if (app) return { kind: 'refused', code: app.code };
      // The innermost cause names what broke (e.g. a Postgres unique violation and its constraint).
      let root: unknown = err;
      while ((root as { cause?: unknown }).cause) root = (root as { cause?: unknown }).cause;
      const pg = root as { code?: string; constraint?: string; detail?: string; message?: string };
      const why = pg.code ? ` [cause: ${pg.code} ${pg.constraint ?? ''} ${pg.detail ?? pg.message ?? ''}]` : '';
      return { kind: 'crashed', error: `${(err as Error).name}: ${(err as Error).message.slice(0, 120)}…${why}`.slice(0, 500) };
    }
  };

  /**
   * Inputs for one procedure: for each of A's identifiers (and once with fresh values), the
   * maximal, minimal and a random variant, plus one where `companyId` fields name the caller's own
   * company (an A document id inside "my" company). Sync mutations carry their args opaquely at the
   * protocol level, so each mutation of the shared registry is expanded with the same targets.
   */
  const inputsFor = (proc: (typeof procedures)[number], self: Session): { target: string; input: unknown }[] | { error: string } => {
    if (proc.input === undefined) return [{ target: '(no input)', input: undefined }];
    const out: { target: string; input: unknown }[] = [];
    const seen = new Set<string>();
    const add = (target: string, input: unknown) => {
      const key = stringify(input);
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ target, input });
    };
    const fresh = buildInput(proc.input, { target: null });
    if (!fresh.ok) return { error: `cannot build an input for ${proc.path} from its zod schema: ${fresh.reason}` };
    add('(fresh values)', fresh.value);
    victim.targets.forEach((t, n) => {
      const variants = [
        buildInput(proc.input, { target: t.value }, n + 1, 'maximal'),
        buildInput(proc.input, { target: t.value }, n + 1, 'minimal'),
        buildInput(proc.input, { target: t.value }, n + 1, 'targeted'),
        buildInput(proc.input, { target: t.value, freeText: true }, n + 301, 'targeted'),
        buildInput(proc.input, { target: t.value, freeText: true }, n + 401, 'maximal'),
        buildInput(proc.input, { target: t.value }, n + 101, 'random'),
        buildInput(proc.input, { target: t.value, override: (p) => (/^companyId$/i.test(p.at(-1) ?? '') ? self.companyId : undefined) }, n + 201, 'maximal'),
      ];
      for (const v of variants) if (v.ok && v.carriesTarget) add(t.label, v.value);
      for (const expanded of expandSyncMutations(proc.input, t.value)) add(`${t.label} in a sync mutation`, expanded);
    });
    return out;
  };

  describe('enumeration', () => {
    it('finds every procedure and route, and every allow-listed one exists', () => {
      expect(procedures.length).toBeGreaterThan(0);
      const stale = PUBLIC_PROCEDURES.filter((p) => !procedures.some((q) => q.path === p));
      expect(stale, `allow-listed as public but not in appRouter (remove them or add the procedure): ${stale.join(', ')}`).toEqual([]);
      const staleRoutes = PUBLIC_ROUTES.filter((r) => !routes.some((q) => `${q.method} ${q.path}` === r));
      expect(staleRoutes, `allow-listed routes missing from the app: ${staleRoutes.join(', ')}`).toEqual([]);
      expect(routes.some((r) => r.path === TRPC_MOUNT)).toBe(true);
      for (const p of procedures) expect(p.type, `${p.path} is a subscription: teach this test to open one`).not.toBe('subscription');
    });
  });

  describe('unauthenticated caller', () => {
    it.each(procedures.map((p) => [p.path, p] as const))('%s is refused unless public, and never returns company A data', async (_name, proc) => {
      const problems: string[] = [];
      const targets = [null, ...victim.targets.filter((t) => t.label.includes('email') || t.label === 'company id' || t.label.includes('invitation')).map((t) => t.value)];
      let built = 0;
      for (const [n, target] of targets.entries()) {
        const b = buildInput(proc.input, { target }, n + 1);
        if (!b.ok) {
          problems.push(`cannot build an input for ${proc.path}: ${b.reason}`);
          break;
        }
        if (target !== null && !b.carriesTarget) continue;
        built += 1;
        for (const token of [null, 'garbage']) {
          const outcome = token === null ? await call(null, proc.path, b.value) : await callWithToken(token, proc.path, b.value);
          if (outcome.kind === 'crashed') problems.push(`${proc.path} crashed for an unauthenticated caller: ${outcome.error}`);
          else if (!isPublic(proc.path)) {
            const okCodes = token === null ? ['auth/unauthenticated'] : ['auth/unauthenticated', 'auth/token-invalid'];
            if (outcome.kind === 'answered' || !okCodes.includes(outcome.code)) {
              problems.push(`${proc.path} ${token ? 'with a forged token' : 'without a token'} was not refused as unauthenticated: ${outcome.kind === 'answered' ? `answered ${stringify(outcome.value).slice(0, 200)}` : outcome.code}`);
            }
          } else if (outcome.kind === 'answered') {
            const leaks = leaksIn(outcome.value, b.value, victim.secrets);
            if (leaks.length) problems.push(`${proc.path} (public) returned company A's data to an anonymous caller: ${leaks.join('; ')} — input ${stringify(b.value).slice(0, 300)}`);
          }
        }
      }
      expect(built).toBeGreaterThan(0);

      // The same over real HTTP (the tRPC adapter): 401 with the app error shape, no data.
      const fresh = buildInput(proc.input, { target: null });
      if (fresh.ok) {
        const res = await trpcOverHttp(proc, fresh.value, null);
        if (!isPublic(proc.path)) {
          if (res.status !== 401 || res.code !== 'auth/unauthenticated') problems.push(`HTTP ${proc.type === 'query' ? 'GET' : 'POST'} /trpc/${proc.path} without a token answered ${res.status} ${res.code ?? res.body.slice(0, 200)}`);
        } else {
          const leaks = leaksIn(res.body, fresh.value, victim.secrets);
          if (leaks.length) problems.push(`HTTP /trpc/${proc.path} leaked to an anonymous caller: ${leaks.join('; ')}`);
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  });

  describe('a user of another company', () => {
    it.each(procedures.map((p) => [p.path, p] as const))(
      '%s never reads or changes company A data',
      async (_name, proc) => {
        const problems: string[] = [];
        const tally = new Map<string, number>();
        let self = await registerCompany(deps, 'Beta Probe');
        // What this B has sent so far: B may see its own earlier input again (an idempotent
        // push answers a repeated op id from B's own stored result), which is not A's data.
        let sent = '';
        const inputs = inputsFor(proc, self);
        if ('error' in inputs) throw new Error(inputs.error);
        expect(inputs.length).toBeGreaterThan(0);
        const auditBefore = await auditCount(deps, victim.admin.companyId);
        // Grouped by target so a change to A's rows is attributed to the identifier that caused it.
        const byTarget = new Map<string, unknown[]>();
        for (const { target, input } of inputs) byTarget.set(target, [...(byTarget.get(target) ?? []), input]);
        for (const [target, group] of byTarget) {
          const before = await snapshotOf(deps, victim.admin.companyId, victimUsers);
          for (const input of group) {
            const sentBefore = sent;
            let outcome = await call(self, proc.path, input);
            if (outcome.kind === 'refused' && SESSION_CODES.has(outcome.code) && (await call(self, 'auth.me', undefined)).kind !== 'answered') {
              // An earlier call ended B's own session (sign out everywhere, password change): start
              // again as a new company so this input is really tried with a valid session.
              self = await registerCompany(deps, 'Beta Probe');
              sent = '';
              outcome = await call(self, proc.path, input);
            }
            sent += stringify(input);
            const key = outcome.kind === 'refused' ? outcome.code : outcome.kind;
            tally.set(key, (tally.get(key) ?? 0) + 1);
            if (outcome.kind === 'crashed') {
              // A crash whose cause names one of A's values is cross-tenant (its answer differs because
              // A's row exists: an existence oracle); otherwise it is B's own input (still a 500 where
              // a refusal is due, OWASP ASVS 5.0 16.5.x).
              const aValue = victim.targets.find((t) => outcome.error.includes(t.value) && !sentBefore.includes(t.value));
              const kind = aValue ? `CROSS-TENANT CRASH (names company A's ${aValue.label}, which this company B never sent before)` : 'CRASH on company B input';
              problems.push(`${kind}: ${proc.path} with ${target}: ${outcome.error} — input ${stringify(input).slice(0, 300)}`);
            }
            else if (outcome.kind === 'refused' && outcome.code === 'rate-limit/exceeded') problems.push(`${proc.path} was rate-limited: the probe would prove nothing (raise the test limits)`);
            else if (outcome.kind === 'answered') {
              const leaks = leaksIn(outcome.value, sent, victim.secrets);
              if (leaks.length) problems.push(`LEAK: ${proc.path} as company B with ${target} returned company A's ${leaks.join('; ')} — input ${stringify(input).slice(0, 400)} — answer ${stringify(outcome.value).slice(0, 400)}`);
            }
          }
          const changes = diffSnapshots(before, await snapshotOf(deps, victim.admin.companyId, victimUsers));
          if (changes.length) problems.push(`CHANGE: ${proc.path} as company B with ${target} changed company A's data: ${changes.join(' | ')}`);
        }
        const auditAfter = await auditCount(deps, victim.admin.companyId);
        console.info(
          `tenant isolation [${backend.name}] ${proc.path}: ${inputs.length} inputs; ${[...tally].map(([k, v]) => `${k} ×${v}`).join(', ')}${auditAfter !== auditBefore ? `; ${auditAfter - auditBefore} audit events written in A's company` : ''}`,
        );
        expect(summarize(problems), summarize(problems).join('\n')).toEqual([]);
      },
      600_000,
    );
  });

  describe('REST routes', () => {
    it('refuses every route but the public ones to an unauthenticated caller, and leaks nothing', async () => {
      const problems: string[] = [];
      for (const r of endpoints()) {
        for (const method of r.method === 'ALL' ? ['GET', 'POST'] : [r.method]) {
          const name = `${method} ${r.path}`;
          const res = await rest(method, fillPath(r.path, randomUUID()), null);
          if ((PUBLIC_ROUTES as readonly string[]).includes(`${r.method} ${r.path}`)) {
            const leaks = leaksIn(res.text, '', victim.secrets);
            if (leaks.length) problems.push(`${name} (public) leaked ${leaks.join('; ')}`);
          } else if (res.status !== 401) problems.push(`${name} without a token answered ${res.status}: ${res.text.slice(0, 200)}`);
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });

    it('never shows company A data or activity to company B on any route', async () => {
      const problems: string[] = [];
      const b = await registerCompany(deps, 'Beta Rest');
      for (const r of endpoints()) {
        const fills = r.path.includes(':') || r.path.includes('*') ? victim.targets.map((t) => t.value) : [''];
        for (const fill of fills) {
          for (const method of r.method === 'ALL' ? ['GET', 'POST'] : [r.method]) {
            const url = fillPath(r.path, fill);
            const before = await snapshotOf(deps, victim.admin.companyId, victimUsers);
            // While B's request is open (a stream stays open), A changes its stock: B must not hear of it.
            const [own, theirs] = await Promise.all([rest(method, url, victim.admin, true), rest(method, url, b, true)]);
            const changes = diffSnapshots(before, await snapshotOf(deps, victim.admin.companyId, victimUsers)).filter((c) => !c.startsWith('products') && !c.startsWith('company_versions') && !c.startsWith('sync_'));
            const leaks = leaksIn(theirs.text, url, victim.secrets);
            if (leaks.length) problems.push(`LEAK: ${method} ${url} as company B returned ${leaks.join('; ')}`);
            if (theirs.afterChange.trim() !== '' && own.afterChange.trim() !== '' && theirs.afterChange === own.afterChange) {
              problems.push(`LEAK: ${method} ${url} told company B about company A's change: ${theirs.afterChange.slice(0, 200)}`);
            } else if (/^(event|data):/m.test(theirs.afterChange)) problems.push(`LEAK: ${method} ${url} sent company B an event after company A's change: ${theirs.afterChange.slice(0, 200)}`);
            if (changes.length) problems.push(`CHANGE: ${method} ${url} as company B changed A's data: ${changes.join(' | ')}`);
            if (theirs.contentType.includes('event-stream') && !/^(event|data):/m.test(own.afterChange)) {
              problems.push(`${method} ${url}: company A's own stream did not see its change either, so the check above proves nothing`);
            }
          }
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    }, 120_000);
  });

  /** Concrete endpoints: everything in app.routes except middleware (`*`) and the tRPC mount (tested per procedure). */
  function endpoints(): { method: string; path: string }[] {
    const seen = new Set<string>();
    return routes.filter((r) => {
      const key = `${r.method} ${r.path}`;
      if (r.path === '*' || r.path === '/*' || r.path === TRPC_MOUNT || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /**
   * One HTTP request. With `trigger`, company A pushes a change 600 ms in, and what arrives after
   * it (minus keep-alive comments) is returned separately; the body is read for at most 2 s.
   */
  async function rest(method: string, url: string, session: Session | null, trigger = false): Promise<{ status: number; text: string; afterChange: string; contentType: string }> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 2_000);
    let text = '';
    let afterChange = '';
    let changed = false;
    const change = trigger
      ? new Promise<void>((resolve) =>
          setTimeout(() => {
            void aChangesStock().finally(() => {
              changed = true;
              resolve();
            });
          }, 600),
        )
      : Promise.resolve();
    try {
      const res = await fetch(`${baseUrl}${url}`, {
        method,
        signal: abort.signal,
        headers: { ...(session ? { authorization: `Bearer ${session.accessToken}` } : {}), ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      const contentType = res.headers.get('content-type') ?? '';
      const reader = res.body?.getReader();
      const decoder = new TextDecoder();
      try {
        while (reader) {
          const { value, done } = await reader.read();
          if (done) break;
          const chunk = decoder.decode(value, { stream: true });
          text += chunk;
          if (changed) afterChange += chunk.split('\n').filter((l) => !l.startsWith(':')).join('\n');
        }
      } catch {
        // aborted after 2 s: a stream stays open by design
      }
      await change;
      return { status: res.status, text, afterChange, contentType };
    } finally {
      clearTimeout(timer);
    }
  }

  let aChange = 0;
  async function aChangesStock(): Promise<void> {
    aChange += 1;
    const api = await callerFor(deps, victim.admin);
    await api.sync.push({
      clientId: randomUUID(),
      mutations: [{ id: randomUUID(), seq: 1, name: 'product.upsert', args: { ndc11: `0009300${String(1000 + aChange).slice(-4)}`, name: `Zebrafine refill ${aChange}` }, schemaVersion: MUTATION_SCHEMA_VERSION, createdAt: new Date().toISOString() }],
    });
  }

  async function callWithToken(token: string, path: string, input: unknown): Promise<Outcome> {
    return call({ accessToken: token, refreshToken: '', userId: '', companyId: '', name: '', email: '' }, path, input);
  }

  async function trpcOverHttp(proc: (typeof procedures)[number], input: unknown, session: Session | null): Promise<{ status: number; code: string | undefined; body: string }> {
    const headers: Record<string, string> = session ? { authorization: `Bearer ${session.accessToken}` } : {};
    const res =
      proc.type === 'query'
        ? await fetch(`${baseUrl}/trpc/${proc.path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers })
        : await fetch(`${baseUrl}/trpc/${proc.path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: input === undefined ? undefined : JSON.stringify(input) });
    const body = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(body) as { error?: { data?: { app?: { code?: string } } } }).error?.data?.app?.code;
    } catch {
      code = undefined;
    }
    return { status: res.status, code, body };
  }
});

/** Problems of one kind counted once (ids, quoted values and numbers normalised), with the first as the example. */
function summarize(problems: string[]): string[] {
  const groups = new Map<string, { n: number; example: string }>();
  for (const p of problems) {
    const key = p
      .split(' — ')[0]!
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
      .replace(/ with [^:]*:/, ' with <target>:')
      .replace(/\d+/g, 'N');
    const g = groups.get(key);
    if (g) g.n += 1;
    else groups.set(key, { n: 1, example: p });
  }
  return [...groups.values()].map((g) => `${g.n}× ${g.example}`);
}

/** `:param` and `*` segments of a route filled with `value`. */
function fillPath(path: string, value: string): string {
  return path.replace(/:[A-Za-z0-9_]+(\{[^}]*\})?\??/g, encodeURIComponent(value)).replace(/\*/g, encodeURIComponent(value || 'probe'));
}

/**
 * `sync.push` carries each mutation as `{name, args}` with args opaque to the protocol schema; the
 * shared mutation registry (shared/inventory/mutations.ts) is enumerated so every mutation — one
 * added later too — is pushed with A's identifier in its arguments, from a fresh sync client.
 */
function expandSyncMutations(schema: unknown, target: string): unknown[] {
  const probe = buildInput(schema, { target: null }, 7, 'minimal');
  if (!probe.ok) return [];
  const value = probe.value as { clientId?: unknown; mutations?: { name?: unknown; args?: unknown }[] } | undefined;
  if (!value || !Array.isArray(value.mutations) || typeof value.clientId !== 'string') return [];
  const out: unknown[] = [];
  for (const [name, argsSchema] of Object.entries(mutationArgs)) {
    const args = buildInput(argsSchema, { target }, 11);
    if (!args.ok || !args.carriesTarget) continue;
    out.push({ ...value, clientId: randomUUID(), mutations: [{ ...value.mutations[0], id: randomUUID(), seq: 1, name, args: args.value, schemaVersion: MUTATION_SCHEMA_VERSION }] });
  }
  return out;
}
