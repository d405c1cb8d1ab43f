import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntrySchema, type LedgerEntry } from '../../shared/qa/ledger-entry';
import { signaturePayload } from '../../shared/qa/signature';
import { verify } from '../../shared/signing/ed25519';
import { runReencrypt } from '../../server/src/cli/keys-command';
import { loadConfig, type ServerConfig } from '../../server/src/config';
import { createContextInner, type ServerDeps } from '../../server/src/context';
import { openDatabase, type OpenDatabase } from '../../server/src/db/client';
import { MIGRATIONS_DIR } from '../../server/src/db/migrate';
import { createCaller } from '../../server/src/routers/_app';
import { createServerDeps } from '../../server/src/server-deps';
import { hashPassword } from '../../server/src/services/auth/password';
import { signedInOrThrow } from '../../server/src/services/auth/sign-in-result';
import { makeKeyring, type FieldKeyring } from '../../server/src/services/security/field-crypto';
import { backends, skippedHere, type Backend } from './support/backends';
import { refusal } from './support/refusal';
import { addAcmeQaTeam, applied, coaRecord, personFor, push1, registerOp, signOp, type QaPerson } from './qa-server-people';

const PASSWORD = 'correct horse battery staple';
const b64 = (s: string) => Uint8Array.from(Buffer.from(s, 'base64'));

/**
 * Issue 6, Data protection, on BOTH databases: emails are stored only as AES-256-GCM ciphertext
 * and found through a keyed blind index; a database from before the encryption is converted at
 * start; keys rotate without downtime (`atlas keys reencrypt`); a person's data is exported and
 * erased (pseudonymised) while the QA records they signed stay intact and verifiable; production
 * refuses to start without keys.
 */
describe.each(backends)('data protection on $name', (backend) => {
  if (skippedHere(backend)) return;

  let store: Awaited<ReturnType<Backend['setup']>>;
  let database: OpenDatabase | undefined;
  let deps: ServerDeps;
  const k1 = Uint8Array.from(randomBytes(32));
  const k2 = Uint8Array.from(randomBytes(32));
  const i1 = Uint8Array.from(randomBytes(32));
  const ring1 = makeKeyring('k1', { k1 });
  const ring2 = makeKeyring('k2', { k2, k1 });
  const ring2only = makeKeyring('k2', { k2 });
  // The blind-index keys rotate the same way: i2 new, i1 still finding rows indexed before.
  const indexRing1 = makeKeyring('i1', { i1 });
  const indexRing2 = makeKeyring('i2', { i2: Uint8Array.from(randomBytes(32)), i1 });
  const indexRing2only = makeKeyring('i2', { i2: indexRing2.keys.get('i2')! });
  const config = (keys: FieldKeyring, indexKeys = indexRing1): ServerConfig => ({ ...store.config(), dataKeys: keys, blindIndexKeys: indexKeys });

  async function start(keys: FieldKeyring, indexKeys = indexRing1) {
    database = await openDatabase(config(keys, indexKeys));
    deps = (await createServerDeps(database, config(keys, indexKeys))).deps;
  }
  async function stop() {
    await deps?.pokes.close();
    await database?.close();
    database = undefined;
  }
  const anon = async () => createCaller(await createContextInner(deps));
  const signIn = async (email: string, password = PASSWORD) => signedInOrThrow(await (await anon()).auth.signIn({ email, password }));
  const as = async (email: string) => personFor(deps, await signIn(email));
  async function rows(query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
    const result = (await (database as OpenDatabase).db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
    return result.rows;
  }

  let admin: QaPerson;
  let author: QaPerson;
  let reviewer: QaPerson;
  let approver: QaPerson;
  let legacyUserId = '';
  let approvedRecord: ReturnType<typeof coaRecord>;

  beforeAll(async () => {
    store = await backend.setup();
    // A database as a server from before the encryption left it: migrated up to 0009, emails in clear.
    const old = mkdtempSync(join(tmpdir(), 'atlas-migrations-'));
    try {
      cpSync(MIGRATIONS_DIR, old, { recursive: true });
      const journalPath = join(old, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
      journal.entries = journal.entries.filter((e) => e.tag < '0010');
      writeFileSync(journalPath, JSON.stringify(journal));
      database = await openDatabase(config(ring1));
      const { driver } = database;
      if (driver.kind === 'pglite') await migratePglite(driver.db, { migrationsFolder: old });
      else await migrateNodePg(driver.db, { migrationsFolder: old });
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
    const hash = await hashPassword(PASSWORD);
    const [company] = await rows(sql`insert into companies (name) values ('Legacy Pharmacy') returning id`);
    const [user] = await rows(sql`insert into users (email, name, password_hash) values ('lena@legacy.example', 'Lena Legacy', ${hash}) returning id`);
    legacyUserId = String(user?.id);
    await rows(sql`insert into memberships (company_id, user_id, role) values (${company?.id}, ${legacyUserId}, 'admin')`);
    await rows(sql`insert into company_versions (company_id, version) values (${company?.id}, 0)`);
    await rows(sql`insert into invitations (company_id, email, role, token_hash, invited_by, expires_at) values (${company?.id}, 'ivy@legacy.example', 'qa', 'legacy-token-hash', ${legacyUserId}, now() + interval '7 days')`);
    await database.close();
    database = undefined;

    await start(ring1);
    const registered = await (await anon()).auth.register({ companyName: 'Acme Pharma', name: 'Ada Admin', email: 'ada@acme.example', password: PASSWORD });
    admin = await personFor(deps, registered);
    await addAcmeQaTeam(admin, PASSWORD);
    author = await as('alice@acme.example');
    reviewer = await as('rob@acme.example');
    approver = await as('quinn@acme.example');
  }, 120_000);
  afterAll(async () => {
    await stop();
    await store?.teardown();
  });

  it('encrypted the plaintext emails of the older database at start, and signs its people in by email', async () => {
    const [legacy] = await rows(sql`select * from users where id = ${legacyUserId}`);
    expect(String(legacy?.email)).toMatch(/^v1\.k1\./);
    expect(legacy?.email_index).toEqual(expect.any(String));
    expect(JSON.stringify(legacy)).not.toContain('lena@legacy');
    const [invitation] = await rows(sql`select * from invitations where token_hash = 'legacy-token-hash'`);
    expect(String(invitation?.email)).toMatch(/^v1\.k1\./);
    expect(JSON.stringify(invitation)).not.toContain('ivy@legacy');
    const session = await signIn('lena@legacy.example');
    expect(session.user).toMatchObject({ id: legacyUserId, email: 'lena@legacy.example' });
    const lena = await personFor(deps, session);
    expect((await lena.api.company.invitations()).map((i) => i.email)).toEqual(['ivy@legacy.example']);
    // Idempotent: a second start changes nothing.
    await stop();
    await start(ring1);
    const [again] = await rows(sql`select email from users where id = ${legacyUserId}`);
    expect(again?.email).toBe(legacy?.email);
    // The restarted server's callers (their signing keys are registered later).
    [admin, author, reviewer, approver] = await Promise.all(['ada@acme.example', 'alice@acme.example', 'rob@acme.example', 'quinn@acme.example'].map(as)) as [QaPerson, QaPerson, QaPerson, QaPerson];
  });

  it('stores no email in clear: the column is v1 ciphertext and no raw row contains the address', async () => {
    const all = await rows(sql`select * from users`);
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const row of all) {
      expect(String(row.email)).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      const raw = JSON.stringify(row).toLowerCase();
      for (const email of ['ada@acme.example', 'alice@acme.example', 'rob@acme.example', 'quinn@acme.example', 'lena@legacy.example']) {
        expect(raw).not.toContain(email);
        expect(raw).not.toContain(email.split('@')[0] + '@');
      }
    }
    // Shown decrypted to an administrator, and that reading is recorded once per listing.
    const before = await rows(sql`select count(*)::int as n from audit_events where kind = 'data.pii-read' and company_id = ${admin.companyId}`);
    const members = await admin.api.company.members();
    expect(members.map((m) => m.email).sort()).toEqual(['ada@acme.example', 'alice@acme.example', 'quinn@acme.example', 'rob@acme.example']);
    const after = await rows(sql`select count(*)::int as n from audit_events where kind = 'data.pii-read' and company_id = ${admin.companyId}`);
    expect(Number(after[0]?.n) - Number(before[0]?.n)).toBe(1);
    expect((await admin.api.auth.me()).user.email).toBe('ada@acme.example');
  });

  it('signs in by email through the blind index and refuses a duplicate registration through it', async () => {
    expect((await signIn('alice@acme.example')).user.name).toBe('Alice Author');
    expect((await refusal((await anon()).auth.signIn({ email: 'alice@acme.example', password: 'not the password at all' }))).code).toBe('auth/invalid-credentials');
    const taken = await refusal((await anon()).auth.register({ companyName: 'Copycat', name: 'Alice Again', email: 'Alice@Acme.example', password: PASSWORD }));
    expect(taken.code).toBe('auth/email-taken');
    expect((await refusal(admin.api.auth.addMember({ email: 'rob@acme.example', name: 'Rob Two', role: 'qa', password: PASSWORD }))).code).toBe('auth/email-taken');
    const [count] = await rows(sql`select count(*)::int as n from companies where name = 'Copycat'`);
    expect(count?.n).toBe(0);
  });

  it('keeps profiles and the company address and licence encrypted, shown decrypted to their owners', async () => {
    expect(await author.api.auth.updateProfile({ phone: '+1 555 010 0199' })).toMatchObject({ name: 'Alice Author', email: 'alice@acme.example', phone: '+1 555 010 0199' });
    expect(await author.api.auth.profile()).toMatchObject({ userId: author.userId, phone: '+1 555 010 0199' });
    const [row] = await rows(sql`select phone from users where id = ${author.userId}`);
    expect(String(row?.phone)).toMatch(/^v1\.k1\./);
    const profile = await admin.api.company.updateProfile({ address: '1 Main Street, Springfield', licenceNumber: 'WDA(H) 12345' });
    expect(profile).toMatchObject({ companyId: admin.companyId, name: 'Acme Pharma', address: '1 Main Street, Springfield', licenceNumber: 'WDA(H) 12345' });
    const [company] = await rows(sql`select * from companies where id = ${admin.companyId}`);
    expect(JSON.stringify(company)).not.toContain('Main Street');
    expect(JSON.stringify(company)).not.toContain('12345');
    expect((await refusal(author.api.company.profile())).code).toBe('auth/forbidden');
  });

  it('exports everything about the person and nothing of anyone else', async () => {
    // Alice authors a CoA; Rob reviews; Quinn approves (real Ed25519 signatures, as in qa-server).
    for (const p of [author, reviewer, approver]) applied(await push1(p, await registerOp(p)));
    const record = coaRecord(author);
    applied(await push1(author, { opId: crypto.randomUUID(), kind: 'document.version', record }));
    applied(await push1(author, await signOp(author, record, 'authored')));
    applied(await push1(reviewer, await signOp(reviewer, record, 'reviewed')));
    applied(await push1(approver, await signOp(approver, record, 'approved')));
    approvedRecord = record;
    await admin.api.company.invite({ email: 'newbie@acme.example', role: 'warehouse' });

    const { fileName, json } = await approver.api.auth.exportMyData();
    expect(fileName).toMatch(/^atlas-personal-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(json) as Record<string, unknown> & { profile: { email: string }; ledgerEntries: { entry: LedgerEntry }[]; memberships: { role: string }[]; sessions: unknown[]; mfa: { enabled: boolean }; auditEvents: { kind: string }[] };
    expect(data.profile).toMatchObject({ userId: approver.userId, name: 'Quinn Approver', email: 'quinn@acme.example' });
    expect(data.memberships).toEqual([expect.objectContaining({ companyId: approver.companyId, companyName: 'Acme Pharma', role: 'qa' })]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.mfa.enabled).toBe(false);
    expect(data.auditEvents.map((e) => e.kind)).toContain('auth.sign-in.succeeded');
    expect(data.ledgerEntries.map((l) => l.entry.kind).sort()).toEqual(['document.signature', 'key.registered']);
    for (const l of data.ledgerEntries) expect(l.entry.actor.userId).toBe(approver.userId);
    expect(json).not.toMatch(/token_?hash|tokenHash|totp|passwordHash|password_hash/i);
    for (const other of ['alice@acme.example', 'rob@acme.example', 'ada@acme.example', 'newbie@acme.example', 'Alice Author', 'Rob Reviewer', 'Ada Admin', 'Lena Legacy']) expect(json).not.toContain(other);
    // The admin's export lists the invitation they sent, without the invitee's email.
    const adminExport = JSON.parse((await admin.api.auth.exportMyData()).json) as { invitationsSent: { role: string }[] };
    expect(adminExport.invitationsSent).toEqual([expect.objectContaining({ role: 'warehouse' })]);
    expect(JSON.stringify(adminExport)).not.toContain('newbie@');
    const [exported] = await rows(sql`select count(*)::int as n from audit_events where kind = 'data.export' and user_id = ${approver.userId}`);
    expect(exported?.n).toBe(1);
  });

  it('erases a member by pseudonymising their account while the CoA they signed still verifies', async () => {
    const before = await signIn('quinn@acme.example');
    // Only an administrator of the person's own company erases; the last administrator cannot go.
    expect((await refusal(author.api.company.eraseMember({ userId: approver.userId, reason: 'GDPR request 42' }))).code).toBe('auth/forbidden');
    const lena = await as('lena@legacy.example');
    expect((await refusal(lena.api.company.eraseMember({ userId: approver.userId, reason: 'GDPR request 42' }))).code).toBe('not-found');
    expect((await refusal(lena.api.company.eraseMember({ userId: lena.userId, reason: 'Leaving' }))).code).toBe('auth/forbidden');

    const out = await admin.api.company.eraseMember({ userId: approver.userId, reason: 'GDPR request 42' });
    expect(out).toEqual({ userId: approver.userId, pseudonym: expect.stringMatching(/^Erased user [0-9a-f]{8}$/) });
    const [row] = await rows(sql`select * from users where id = ${approver.userId}`);
    expect(row).toMatchObject({ name: out.pseudonym, phone: null });
    expect(JSON.stringify(row)).not.toMatch(/quinn/i);
    expect((await rows(sql`select * from refresh_tokens where user_id = ${approver.userId} and revoked_at is null`)).length).toBe(0);
    expect((await refusal((await anon()).auth.signIn({ email: 'quinn@acme.example', password: PASSWORD }))).code).toBe('auth/invalid-credentials');
    expect((await refusal((await anon()).auth.refresh({ refreshToken: before.refreshToken }))).code).toMatch(/^auth\/refresh-/);
    expect((await admin.api.company.members()).map((m) => m.userId)).not.toContain(approver.userId);
    const [event] = await rows(sql`select details from audit_events where kind = 'company.member-removed' and company_id = ${admin.companyId}`);
    expect(event?.details).toMatchObject({ targetUserId: approver.userId, erased: true, reason: 'GDPR request 42' });

    // The regulated record is untouched: the approval keeps Quinn's id and printed name and still verifies.
    const { entries } = await admin.api.qa.pull({ from: 0, knownTreeSize: 0, limit: 2000 });
    const parsed = entries.map((e) => ledgerEntrySchema.parse(JSON.parse(e.canonical)) as LedgerEntry);
    const approval = parsed.find((e) => e.kind === 'document.signature' && e.signature.manifestation.meaning === 'approved');
    const key = parsed.find((e) => e.kind === 'key.registered' && e.userId === approver.userId);
    if (approval?.kind !== 'document.signature' || key?.kind !== 'key.registered') throw new Error('ledger entries missing');
    expect(approval.actor).toEqual({ userId: approver.userId, printedName: 'Quinn Approver' });
    expect(approval.signature.manifestation.printedName).toBe('Quinn Approver');
    expect(await verify(b64(approval.signature.signature), signaturePayload(approvedRecord, approval.signature.manifestation), b64(key.publicKey))).toBe(true);
  });

  it('rotates keys without downtime: readable under the new keyrings, reencrypt moves everything, then the old keys can go', async () => {
    await stop();
    await start(ring2, indexRing2);
    // Sign-in finds a person indexed under the old index key i1 (every configured key is a candidate).
    expect((await signIn('alice@acme.example')).user.email).toBe('alice@acme.example');
    expect(await (await as('ada@acme.example')).api.company.profile()).toMatchObject({ licenceNumber: 'WDA(H) 12345' });
    // A new account with an email indexed under i1 is still refused, though its i2 index value is new.
    const again = await refusal((await anon()).auth.register({ companyName: 'Copy Co', name: 'Alice Again', email: 'ALICE@acme.example', password: PASSWORD }));
    expect(again.code).toBe('auth/email-taken');
    const [before] = await rows(sql`select count(*)::int as n from users where email like 'v1.k1.%'`);
    expect(Number(before?.n)).toBeGreaterThan(0);
    const [indexed] = await rows(sql`select (select count(*)::int from users) + (select count(*)::int from invitations where email_index is not null) as n`);

    // On PostgreSQL the servers keep running during the rotation; embedded PGlite has one process.
    if (database?.kind === 'pglite') await stop();
    const lines: string[] = [];
    const { reencrypted: counts, reindexed } = await runReencrypt(config(ring2, indexRing2), { batchSize: 2, say: (l) => lines.push(l) });
    expect(counts.find((c) => c.column === 'users.email')?.reencrypted).toBe(Number(before?.n));
    expect(counts.find((c) => c.column === 'companies.address')?.reencrypted).toBe(1);
    expect(reindexed.reduce((n, r) => n + r.reindexed, 0)).toBe(Number(indexed?.n));
    expect(lines.at(-1)).toMatch(/index values? recomputed/);
    if (!database) await start(ring2, indexRing2);
    for (const [table, column] of [['users', 'email'], ['users', 'phone'], ['invitations', 'email'], ['companies', 'address'], ['companies', 'licence_number']] as const) {
      const left = await rows(sql.raw(`select count(*)::int as n from ${table} where ${column} is not null and ${column} not like 'v1.k2.%'`));
      expect(left[0]?.n, `${table}.${column}`).toBe(0);
    }
    // A second run finds nothing left to do.
    if (database?.kind === 'pglite') await stop();
    const second = await runReencrypt(config(ring2, indexRing2), { say: () => undefined });
    expect(second.reencrypted.every((c) => c.reencrypted === 0) && second.reindexed.every((c) => c.reindexed === 0)).toBe(true);

    // The old keys removed: everything still reads, and everyone is still found by email.
    await stop();
    await start(ring2only, indexRing2only);
    const ada = await as('ada@acme.example');
    expect((await ada.api.company.members()).map((m) => m.email).sort()).toEqual(['ada@acme.example', 'alice@acme.example', 'rob@acme.example']);
    expect(await ada.api.company.profile()).toMatchObject({ address: '1 Main Street, Springfield', licenceNumber: 'WDA(H) 12345' });
    expect((await (await as('alice@acme.example')).api.auth.profile()).phone).toBe('+1 555 010 0199');
    expect((await (await as('lena@legacy.example')).api.company.invitations()).map((i) => i.email)).toEqual(['ivy@legacy.example']);
    expect(JSON.parse((await ada.api.auth.exportMyData()).json).profile.email).toBe('ada@acme.example');
  });

  it('refuses to start in production without the data keys', async () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ATLAS_JWT_SECRET: 'ab'.repeat(32), ATLAS_LEDGER_SIGNING_KEY: 'cd'.repeat(32) })).toThrow(/ATLAS_DATA_KEYS is required when NODE_ENV=production/);
    await stop();
    const prod: ServerConfig = { ...store.config(), nodeEnv: 'production', jwtSecret: k1, ledgerSigningSeed: k2, dataKeys: undefined, blindIndexKeys: undefined };
    const db = await openDatabase(prod);
    try {
      await expect(createServerDeps(db, prod)).rejects.toMatchObject({ code: 'config/invalid', message: expect.stringMatching(/ATLAS_DATA_KEYS is required/) });
      await expect(createServerDeps(db, { ...prod, dataKeys: ring2only })).rejects.toMatchObject({ code: 'config/invalid', message: expect.stringMatching(/ATLAS_BLIND_INDEX_KEY is required/) });
    } finally {
      await db.close();
    }
  });
});
