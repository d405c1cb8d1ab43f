import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditKind } from '../../shared/auth/mfa-schemas';
import type { Role } from '../../shared/auth/schemas';
import { createContextInner, type ServerDeps } from '../../server/src/context';
import { openDatabase, type OpenDatabase } from '../../server/src/db/client';
import { auditEvents } from '../../server/src/db/schema/index';
import { createCaller } from '../../server/src/routers/_app';
import { createServerDeps } from '../../server/src/server-deps';
import { signAccessToken } from '../../server/src/services/auth/tokens';
import { backends, type Backend, skippedHere } from './support/backends';
import { refusal } from './support/refusal';

/**
 * audit.list (issue 6) on BOTH databases: admins and auditors of a company read its security
 * events — only its own — filtered and paged by (created_at, id); the role is read from
 * memberships at call time, not from the access token.
 */
const password = 'a long and memorable passphrase';

describe.each(backends)('audit.list on $name', (backend) => {
  if (skippedHere(backend)) return;

  let store: Awaited<ReturnType<Backend['setup']>>;
  let database: OpenDatabase;
  let deps: ServerDeps;
  let jwtSecret: Uint8Array;
  const north = { companyId: '', admin: '', auditor: '', warehouse: '' };
  const south = { companyId: '', admin: '' };

  /** A caller whose access token claims `role` (the router must not believe it). */
  async function as(userId: string, companyId: string, role: Role = 'warehouse') {
    const { token } = await signAccessToken({ userId, companyId, role }, jwtSecret, 600);
    return createCaller(await createContextInner(deps, { authorization: `Bearer ${token}` }));
  }

  const T0 = Date.parse('2030-01-01T00:00:00Z');
  async function event(companyId: string, userId: string | null, kind: AuditKind, atOffsetSeconds: number, severity: 'info' | 'warning' | 'critical' = 'info') {
    const [row] = await database.db
      .insert(auditEvents)
      .values({ companyId, userId, kind, severity, ip: '192.0.2.1', userAgent: 'test', requestId: 'req', details: { n: atOffsetSeconds }, createdAt: new Date(T0 + atOffsetSeconds * 1000) })
      .returning({ id: auditEvents.id });
    return row?.id ?? '';
  }

  beforeAll(async () => {
    store = await backend.setup();
    database = await openDatabase(store.config());
    ({ deps, jwtSecret } = await createServerDeps(database, store.config()));
    const n = await deps.services.auth.register({ companyName: 'Northwind Pharmacy', name: 'Grace Admin', email: 'grace@northwind.example', password });
    north.companyId = n.company.id;
    north.admin = n.user.id;
    const adminClaims = { userId: n.user.id, companyId: n.company.id, role: 'admin' as const };
    north.auditor = (await deps.services.auth.addMember(adminClaims, { email: 'ada@northwind.example', name: 'Ada Auditor', role: 'auditor', password })).userId;
    north.warehouse = (await deps.services.auth.addMember(adminClaims, { email: 'wes@northwind.example', name: 'Wes Warehouse', role: 'warehouse', password })).userId;
    const s = await deps.services.auth.register({ companyName: 'Southwind Pharmacy', name: 'Sam Admin', email: 'sam@southwind.example', password });
    south.companyId = s.company.id;
    south.admin = s.user.id;

    await event(north.companyId, north.admin, 'auth.sign-in.succeeded', 1);
    await event(north.companyId, north.warehouse, 'auth.sign-in.failed', 2, 'warning');
    await event(north.companyId, north.warehouse, 'security.rate-limited', 3, 'warning');
    await event(north.companyId, north.auditor, 'data.export', 4);
    await event(north.companyId, null, 'security.blocked', 5, 'critical');
    await event(south.companyId, south.admin, 'auth.sign-in.succeeded', 3);
    await event(south.companyId, south.admin, 'data.export', 4);
  });
  afterAll(async () => {
    await deps?.pokes.close();
    await database?.close();
    await store?.teardown();
  });

  /** Only the events this test seeded (the services record their own, e.g. the registrations). */
  const seeded = { from: new Date(T0).toISOString() };

  it('lists the company’s events newest first with the actor’s name and email, never another company’s', async () => {
    const { events, nextCursor } = await (await as(north.admin, north.companyId, 'admin')).audit.list(seeded);
    expect(nextCursor).toBeNull();
    expect(events.map((e) => e.kind)).toEqual(['security.blocked', 'data.export', 'security.rate-limited', 'auth.sign-in.failed', 'auth.sign-in.succeeded']);
    expect(events[1]).toEqual({
      id: expect.any(String),
      at: new Date(T0 + 4000).toISOString(),
      kind: 'data.export',
      severity: 'info',
      actor: { userId: north.auditor, name: 'Ada Auditor', email: 'ada@northwind.example' },
      ip: '192.0.2.1',
      userAgent: 'test',
      requestId: 'req',
      details: { n: 4 },
    });
    expect(events[0]?.actor).toEqual({ userId: null, name: null, email: null });
    const south_ = await (await as(south.admin, south.companyId, 'admin')).audit.list(seeded);
    expect(south_.events.map((e) => e.kind)).toEqual(['data.export', 'auth.sign-in.succeeded']);
  });

  it('is open to admins and auditors only, by the role in memberships rather than the token', async () => {
    expect((await (await as(north.auditor, north.companyId, 'auditor')).audit.list(seeded)).events).toHaveLength(5);
    // A token that claims admin does not make a warehouse member an admin.
    const forbidden = await refusal((await as(north.warehouse, north.companyId, 'admin')).audit.list(seeded));
    expect(forbidden.code).toBe('auth/forbidden');
    expect(forbidden.message).toMatch(/admin or an auditor/);
    // Nor does a token of a company one is not a member of.
    expect((await refusal((await as(south.admin, north.companyId, 'admin')).audit.list(seeded))).code).toBe('auth/forbidden');
    // Demoted a moment ago: the still-valid token that says admin is not enough.
    await database.db.execute(sql`update memberships set role = 'qa' where user_id = ${north.auditor} and company_id = ${north.companyId}`);
    try {
      expect((await refusal((await as(north.auditor, north.companyId, 'admin')).audit.list(seeded))).code).toBe('auth/forbidden');
    } finally {
      await database.db.execute(sql`update memberships set role = 'auditor' where user_id = ${north.auditor} and company_id = ${north.companyId}`);
    }
    const anonymous = createCaller(await createContextInner(deps, {}));
    expect((await refusal(anonymous.audit.list(seeded))).code).toBe('auth/unauthenticated');
  });

  it('filters by kinds, severity, user and time range', async () => {
    const api = await as(north.admin, north.companyId, 'admin');
    const kinds = (input: Parameters<typeof api.audit.list>[0]) => api.audit.list({ ...seeded, ...input }).then((r) => r.events.map((e) => e.kind));
    expect(await kinds({ kinds: ['data.export', 'security.blocked'] })).toEqual(['security.blocked', 'data.export']);
    expect(await kinds({ severity: 'warning' })).toEqual(['security.rate-limited', 'auth.sign-in.failed']);
    expect(await kinds({ userId: north.warehouse })).toEqual(['security.rate-limited', 'auth.sign-in.failed']);
    expect(await kinds({ from: new Date(T0 + 2000).toISOString(), to: new Date(T0 + 4000).toISOString() })).toEqual(['data.export', 'security.rate-limited', 'auth.sign-in.failed']);
    expect(await kinds({ kinds: ['auth.mfa.locked'] })).toEqual([]);
    // Input is validated (an unknown kind is a client error, not an empty page).
    await expect(api.audit.list({ kinds: ['auth.nonsense' as AuditKind] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('pages by (created_at, id) without skipping or repeating events that share a timestamp', async () => {
    const api = await as(north.admin, north.companyId, 'admin');
    const from = new Date(T0 + 100_000).toISOString();
    const same: string[] = [];
    for (let i = 0; i < 7; i++) same.push(await event(north.companyId, north.admin, 'data.pii-read', 100));
    await event(north.companyId, north.admin, 'data.pii-read', 101);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await api.audit.list({ from, limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    // Newest first, ties by id descending.
    expect(seen.slice(1)).toEqual([...same].sort().reverse());

    // A cursor is only good for the company it came from.
    const southCursor = (await (await as(south.admin, south.companyId, 'admin')).audit.list({ ...seeded, limit: 1 })).nextCursor;
    expect(southCursor).toBeTruthy();
    expect((await refusal(api.audit.list({ cursor: southCursor ?? '' }))).code).toBe('validation/invalid-input');
    expect((await refusal(api.audit.list({ cursor: 'not-a-cursor' }))).code).toBe('validation/invalid-input');
  });
});
