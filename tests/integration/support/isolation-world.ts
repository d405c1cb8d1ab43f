import { randomUUID } from 'node:crypto';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { isAppError, type AppError } from '../../../shared/errors';
import { locationIdFor, lotIdFor, productIdFor } from '../../../shared/ids';
import { MUTATION_SCHEMA_VERSION } from '../../../shared/inventory/mutations';
import { newRecord } from '../../../shared/qa/record-drafts';
import type { QaOp } from '../../../shared/qa/ops';
import { keyRegistrationOp, signRecord } from '../../../shared/qa/sign-record';
import { coaContent } from '../../../shared/qa/workflow.fixture';
import { fingerprint, generateSigningKeys, type SigningKeys } from '../../../shared/signing/ed25519';
import { createContextInner, type ServerDeps } from '../../../server/src/context';
import { base32Decode } from '../../../server/src/services/security/base32';
import { totp } from '../../../server/src/services/security/totp';
import * as schema from '../../../server/src/db/schema/index';
import { appRouter, createCaller } from '../../../server/src/routers/_app';

/**
 * The victim company A of the tenant-isolation test (OWASP ASVS 5.0 8.2.2 / 8.4.1): seeded with
 * real data through the real APIs only, its identifiers and distinctive strings collected, and its
 * whole footprint in the database snapshotted so any change made by another company is seen.
 */

export const PASSWORD = 'isolation probe passphrase 42';

type Caller = ReturnType<typeof createCaller>;
type AnyProcedure = { _def: { type: 'query' | 'mutation' | 'subscription'; inputs: unknown[] } };

/** Every procedure of the server's router, by dotted path (tRPC v11 flattens them in `_def.procedures`). */
export function enumerateProcedures(): { path: string; type: 'query' | 'mutation' | 'subscription'; input: unknown }[] {
  const flat = (appRouter as unknown as { _def: { procedures: Record<string, AnyProcedure> } })._def.procedures;
  return Object.entries(flat)
    .map(([path, p]) => {
      // Several `.input()` calls merge; the test's schemas use one. More than one is built from the first
      // and validated against all by the server, which then refuses (a visible validation failure).
      const [input] = p._def.inputs;
      return { path, type: p._def.type, input };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Calls `path` (e.g. `qa.pull`) on a caller; the caller is a proxy, so the path is walked. */
export function callProcedure(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (i: unknown) => Promise<unknown>;
  return fn(input);
}

/** The AppError a router call was refused with (createCaller wraps it as the TRPCError's cause), or null. */
export function appErrorOf(err: unknown): AppError | null {
  if (isAppError(err)) return err;
  const cause = (err as { cause?: unknown } | null)?.cause;
  return isAppError(cause) ? cause : null;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  userId: string;
  companyId: string;
  name: string;
  email: string;
}

/** A session from register / sign-in / accept-invite, with or without issue 6's `status: 'signed-in'`. */
export function sessionFrom(answer: unknown, who: string): Session {
  const a = answer as { status?: string; accessToken?: string; refreshToken?: string; user?: { id: string; name: string; email: string }; company?: { id: string } };
  if (a.status !== undefined && a.status !== 'signed-in') throw new Error(`${who}: sign-in answered "${a.status}" (MFA) — the isolation test's people have no MFA`);
  if (!a.accessToken || !a.user || !a.company) throw new Error(`${who}: the answer has no session: ${JSON.stringify(answer).slice(0, 200)}`);
  return { accessToken: a.accessToken, refreshToken: a.refreshToken ?? '', userId: a.user.id, companyId: a.company.id, name: a.user.name, email: a.user.email };
}

export async function callerFor(deps: ServerDeps, session: Session | null): Promise<Caller> {
  return createCaller(await createContextInner(deps, session ? { authorization: `Bearer ${session.accessToken}` } : {}));
}

export async function signIn(deps: ServerDeps, email: string): Promise<Session> {
  return sessionFrom(await (await callerFor(deps, null)).auth.signIn({ email, password: PASSWORD }), email);
}

let companySerial = 0;
/** A fresh company (its administrator), made through the public `auth.register`. */
export async function registerCompany(deps: ServerDeps, label: string): Promise<Session> {
  companySerial += 1;
  const anon = await callerFor(deps, null);
  const email = `admin-${companySerial}-${randomUUID().slice(0, 8)}@${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`;
  return sessionFrom(await anon.auth.register({ companyName: `${label} ${companySerial}`, name: `${label} Admin ${companySerial}`, email, password: PASSWORD }), label);
}

export interface Victim {
  admin: Session;
  people: Session[];
  /** Identifiers to put into other callers' inputs (uuids, key fingerprints, e-mails). */
  targets: { label: string; value: string }[];
  /** Strings no other company's answer may contain (ids, names, e-mails, titles, lot numbers, tokens). */
  secrets: { label: string; value: string }[];
  clientId: string;
}

const has = (path: string) => enumerateProcedures().some((p) => p.path === path);

/**
 * Company A with members, inventory (product, locations, lot, movements through sync.push and the
 * shared mutators), QA (registered keys, a CoA, signatures through qa.push), and — when those
 * procedures exist — an invitation and audit events.
 */
export async function seedVictim(deps: ServerDeps): Promise<Victim> {
  const anon = await callerFor(deps, null);
  let admin = sessionFrom(
    await anon.auth.register({ companyName: 'Zanzibar Isolation Labs', name: 'Zelda Quarantelli', email: 'zelda@zanzibar-labs.example', password: PASSWORD }),
    'victim admin',
  );
  let adminApi = await callerFor(deps, admin);
  const targets: Victim['targets'] = [];
  const secrets: Victim['secrets'] = [];
  const id = (label: string, value: string) => {
    targets.push({ label, value });
    secrets.push({ label, value });
  };
  const secret = (label: string, value: string) => secrets.push({ label, value });

  id('company id', admin.companyId);
  id('admin user id', admin.userId);
  id('admin email', admin.email);
  secret('company name', 'Zanzibar Isolation Labs');
  secret('admin name', 'Zelda Quarantelli');
  secret('admin refresh token', admin.refreshToken);
  secret('admin access token', admin.accessToken);

  // Members: auth.addMember (issue 5) while it exists, else an invitation accepted (issue 6).
  const people: Session[] = [];
  for (const [email, name, role] of [
    ['xavier@zanzibar-labs.example', 'Xavier Authorson', 'qa'],
    ['yolanda@zanzibar-labs.example', 'Yolanda Reviewski', 'admin'],
  ] as const) {
    if (has('auth.addMember')) {
      await adminApi.auth.addMember({ email, name, role, password: PASSWORD });
      people.push(await signIn(deps, email));
    } else if (has('company.invite') && has('company.acceptInvite')) {
      const api = adminApi as unknown as { company: { invite(i: unknown): Promise<{ token: string }>; acceptInvite(i: unknown): Promise<unknown> } };
      const { token } = await api.company.invite({ email, role });
      people.push(sessionFrom(await (anon as unknown as typeof api).company.acceptInvite({ token, name, password: PASSWORD }), email));
    } else throw new Error('the isolation test cannot add members: neither auth.addMember nor company.invite/acceptInvite exists');
  }
  for (const p of people) {
    id(`member ${p.name} user id`, p.userId);
    id(`member ${p.name} email`, p.email);
    secret(`member ${p.name} name`, p.name);
    secret(`member ${p.name} refresh token`, p.refreshToken);
  }
  const [author, reviewer] = people as [Session, Session];

  // A pending invitation (its id is a target, its token a secret).
  if (has('company.invite')) {
    const api = adminApi as unknown as { company: { invite(i: unknown): Promise<{ invitation: { id: string }; token: string }> } };
    const inv = await api.company.invite({ email: 'walter@zanzibar-labs.example', role: 'auditor' });
    id('invitation id', inv.invitation.id);
    id('invitee email', 'walter@zanzibar-labs.example');
    secret('invitation token', inv.token);
  }

  // MFA of A's administrator with a trusted device (issue 6), when those procedures exist: the
  // device id is a target, and A's MFA rows join the snapshot (B must not disable or reset them).
  if (has('auth.mfaEnrolBegin') && has('auth.mfaEnrolConfirm') && has('auth.verifyMfa') && has('auth.mfaStatus')) {
    type MfaApi = {
      auth: {
        mfaEnrolBegin(i: unknown): Promise<{ secret: string }>;
        mfaEnrolConfirm(i: unknown): Promise<{ backupCodes: string[] }>;
        verifyMfa(i: unknown): Promise<unknown>;
        mfaStatus(): Promise<{ trustedDevices: { id: string }[] }>;
      };
    };
    const api = adminApi as unknown as MfaApi;
    const { secret: base32 } = await api.auth.mfaEnrolBegin({});
    const code = totp(base32Decode(base32.replace(/[\s-]/g, '')), Math.floor(Date.now() / 1000));
    const { backupCodes } = await api.auth.mfaEnrolConfirm({ code });
    const challenge = (await anon.auth.signIn({ email: admin.email, password: PASSWORD })) as { status?: string; mfaToken?: string };
    if (challenge.status !== 'mfa-required' || !challenge.mfaToken) throw new Error(`seeding A's MFA: sign-in answered ${JSON.stringify(challenge).slice(0, 200)}`);
    // A backup code (not a second TOTP code, which the replay rule would refuse within the same 30 s step).
    const signed = (await (anon as unknown as MfaApi).auth.verifyMfa({ mfaToken: challenge.mfaToken, code: backupCodes[0], trustDevice: true, deviceLabel: 'Zanzibar QA workstation' })) as { trustedDeviceToken?: string | null };
    admin = { ...admin, ...sessionFrom(signed, 'victim admin after MFA') };
    adminApi = await callerFor(deps, admin);
    const { trustedDevices } = await (adminApi as unknown as MfaApi).auth.mfaStatus();
    trustedDevices.forEach((d, i) => id(`trusted device id ${i + 1}`, d.id));
    secret('TOTP secret', base32.replace(/[\s-]/g, ''));
    if (signed.trustedDeviceToken) secret('trusted device token', signed.trustedDeviceToken);
    backupCodes.slice(1).forEach((c, i) => secret(`backup code ${i + 2}`, c));
    secret('admin access token after MFA', admin.accessToken);
    secret('admin refresh token after MFA', admin.refreshToken);
  }

  // Inventory through sync.push and the shared mutators (the desktop's path).
  const clientId = randomUUID();
  id('sync client id', clientId);
  const ndc11 = '00093314705';
  const productId = productIdFor(admin.companyId, ndc11);
  const dock = { warehouse: 'Zanzibar Main', zone: 'Z-Dock', bin: 'ZD-01' };
  const vault = { warehouse: 'Zanzibar Main', zone: 'Z-Vault', bin: 'ZV-07' };
  const dockId = locationIdFor(admin.companyId, dock.warehouse, dock.zone, dock.bin);
  const vaultId = locationIdFor(admin.companyId, vault.warehouse, vault.zone, vault.bin);
  const lotNumber = 'ZB00392/174';
  const lotId = lotIdFor(admin.companyId, productId, lotNumber);
  const receiveId = randomUUID();
  const transferOut = randomUUID();
  const transferIn = randomUUID();
  const names: [string, unknown][] = [
    ['product.upsert', { ndc11, name: 'Amoxiclav Zebrafine 875 mg', genericName: 'zebrafinium', manufacturer: 'Zanzibar Isolation Labs', unit: 'each' }],
    ['location.upsert', dock],
    ['location.upsert', vault],
    ['stock.receive', { productId, lotNumber, expiry: '2028-04-30', manufacturedOn: '2026-01-10', locationId: dockId, quantity: 240, serial: null, reference: 'ZPO-7781', movementId: receiveId }],
    ['stock.transfer', { lotId, fromLocationId: dockId, toLocationId: vaultId, quantity: 40, reference: 'ZTR-1', movementId: transferOut, movementInId: transferIn }],
  ];
  const mutations = names.map(([name, args], i) => ({ id: randomUUID(), seq: i + 1, name, args, schemaVersion: MUTATION_SCHEMA_VERSION, createdAt: new Date().toISOString() }));
  const pushed = await adminApi.sync.push({ clientId, mutations });
  const refused = pushed.results.filter((r) => r.status !== 'applied');
  if (refused.length > 0) throw new Error(`seeding company A's inventory failed: ${JSON.stringify(refused)}`);
  mutations.forEach((m) => id(`sync mutation id (${m.name})`, m.id));
  id('product id', productId);
  id('dock location id', dockId);
  id('vault location id', vaultId);
  id('lot id', lotId);
  id('receive movement id', receiveId);
  id('transfer-out movement id', transferOut);
  id('transfer-in movement id', transferIn);
  secret('product name', 'Amoxiclav Zebrafine 875 mg');
  secret('lot number', lotNumber);
  secret('purchase order', 'ZPO-7781');

  // QA: signing keys with proof of possession, a CoA, and two signatures (author, reviewer).
  const keys = new Map<Session, SigningKeys>();
  for (const p of [author, reviewer]) {
    const k = await generateSigningKeys();
    keys.set(p, k);
    const op = await keyRegistrationOp({ opId: randomUUID(), companyId: p.companyId, userId: p.userId, secretKey: k.secretKey, publicKey: k.publicKey, replaces: null });
    await qaPush(deps, p, op);
    id(`key id of ${p.name}`, await fingerprint(k.publicKey));
    id(`key registration op id of ${p.name}`, op.opId);
  }
  const record = newRecord(
    { companyId: author.companyId, userId: author.userId, printedName: author.name },
    { type: 'coa', title: 'CoA Zebrafine lot ZB00392/174 Zanzibar', content: { ...coaContent(), productName: 'Amoxiclav Zebrafine 875 mg', lotNumber } },
    new Date().toISOString(),
  );
  const versionOp: QaOp = { opId: randomUUID(), kind: 'document.version', record };
  await qaPush(deps, author, versionOp);
  id('CoA document id', record.documentId);
  id('CoA version op id', versionOp.opId);
  secret('CoA title', record.title);
  for (const [p, meaning] of [
    [author, 'authored'],
    [reviewer, 'reviewed'],
  ] as const) {
    const signature = await signRecord(record, { printedName: p.name, userId: p.userId, signedAt: new Date().toISOString(), meaning, reason: null }, (keys.get(p) as SigningKeys).secretKey);
    const op: QaOp = { opId: randomUUID(), kind: 'document.sign', signature };
    await qaPush(deps, p, op);
    id(`${meaning} signature op id`, op.opId);
  }

  // Audit events of A (issue 6), when the procedure exists: their ids are targets too.
  if (has('audit.list')) {
    const api = adminApi as unknown as { audit: { list(i: unknown): Promise<{ events: { id: string }[] }> } };
    const { events } = await api.audit.list({ limit: 3 });
    events.forEach((e, i) => id(`audit event id ${i + 1}`, e.id));
  }

  return { admin, people, targets, secrets, clientId };
}

async function qaPush(deps: ServerDeps, p: Session, op: QaOp): Promise<void> {
  const { results } = await (await callerFor(deps, p)).qa.push({ ops: [op] });
  const [r] = results;
  if (r?.status !== 'applied') throw new Error(`seeding company A's QA (${op.kind}) failed: ${JSON.stringify(r)}`);
}

/** Names of the victim's secrets found in `answer` that the caller did not send itself in `input`. */
export function leaksIn(answer: unknown, input: unknown, secrets: Victim['secrets']): string[] {
  const text = stringify(answer).toLowerCase();
  const sent = stringify(input).toLowerCase();
  return secrets.filter((s) => s.value && text.includes(s.value.toLowerCase()) && !sent.includes(s.value.toLowerCase())).map((s) => `${s.label} (${s.value.slice(0, 40)})`);
}

export function stringify(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x instanceof Date ? x.toISOString() : x)) ?? '';
}

/** Tables whose changes are not "A's data": append-only security logs and limiter state. */
const NOT_A_DATA = new Set(['audit_events', 'rate_limit_buckets', 'rate_limit_blocks', 'instance_secrets']);

/**
 * Every row of company A in every table of the server schema, found from the schema itself:
 * rows with A's `company_id`, rows with one of A's users' `user_id`, A's `companies` row and
 * `users` rows. A table added later is included without editing this.
 */
export async function snapshotOf(deps: ServerDeps, companyId: string, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const users = sql.join(userIds.map((u) => sql`${u}::uuid`), sql`, `);
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const { name, columns } = getTableConfig(table);
    if (NOT_A_DATA.has(name)) continue;
    const cols = new Set(columns.map((c) => c.name));
    const t = sql.identifier(name);
    let query;
    if (name === 'companies') query = sql`select * from ${t} where id = ${companyId}::uuid`;
    else if (name === 'users') query = sql`select * from ${t} where id in (${users})`;
    else if (cols.has('company_id') && cols.has('user_id')) query = sql`select * from ${t} where company_id = ${companyId}::uuid or user_id in (${users})`;
    else if (cols.has('company_id')) query = sql`select * from ${t} where company_id = ${companyId}::uuid`;
    else if (cols.has('user_id')) query = sql`select * from ${t} where user_id in (${users})`;
    else continue;
    const result = (await deps.db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
    out.set(name, result.rows.map((r) => stringify(r)).sort());
  }
  return out;
}

/** What changed between two snapshots, table by table (rows added, removed or altered). */
export function diffSnapshots(before: Map<string, string[]>, after: Map<string, string[]>): string[] {
  const changes: string[] = [];
  for (const [table, rows] of after) {
    const old = new Set(before.get(table) ?? []);
    const now = new Set(rows);
    const added = rows.filter((r) => !old.has(r));
    const removed = [...old].filter((r) => !now.has(r));
    if (added.length || removed.length) changes.push(`${table}: +${added.length} −${removed.length} e.g. ${(added[0] ?? removed[0] ?? '').slice(0, 300)}`);
  }
  return changes;
}

/** Audit events recorded in A's company (reported, not failed: a failed sign-in with A's e-mail is logged there by design). */
export async function auditCount(deps: ServerDeps, companyId: string): Promise<number> {
  try {
    const r = (await deps.db.execute(sql`select count(*)::int as n from audit_events where company_id = ${companyId}::uuid`)) as unknown as { rows: { n: number }[] };
    return Number(r.rows[0]?.n ?? 0);
  } catch {
    return 0;
  }
}
