import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn, SignInResult } from '../../shared/auth/mfa-schemas';
import { createContextInner, type ContextInput, type ServerDeps } from '../../server/src/context';
import { openDatabase, type OpenDatabase } from '../../server/src/db/client';
import { auditEvents, invitations, mfaBackupCodes, refreshTokens, trustedDevices, userMfa, users } from '../../server/src/db/schema/index';
import { createCaller } from '../../server/src/routers/_app';
import { createServerDeps } from '../../server/src/server-deps';
import { REFRESH_COOKIE } from '../../server/src/services/auth/refresh-cookie';
import { signedInOrThrow } from '../../server/src/services/auth/sign-in-result';
import { base32Decode } from '../../server/src/services/security/base32';
import { totp } from '../../server/src/services/security/totp';
import { backends, skippedHere } from './support/backends';

const PASSWORD = 'correct horse battery staple';
const STEP_MS = 30_000;
const DAY_MS = 86_400_000;
const ORIGIN = { ip: '203.0.113.7', userAgent: 'AtlasTest/1.0' };

/** The AppError a call failed with (code, message, retryAfterSeconds), read from the tRPC error's cause. */
async function failure(call: Promise<unknown>): Promise<{ code: string; message: string; retryAfterSeconds?: number }> {
  try {
    await call;
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string; retryAfterSeconds?: number } }).cause;
    return { code: cause?.code ?? `(no app code: ${String(err)})`, message: cause?.message ?? '', retryAfterSeconds: cause?.retryAfterSeconds };
  }
  throw new Error('expected the call to fail');
}

/**
 * Accounts, sessions and MFA (issue 6) on both databases, through the tRPC callers: real TOTP
 * codes computed from the enrolment secret, a clock the services read (moved by the tests), and
 * two service instances on one database for the cross-instance throttle.
 */
describe.each(backends)('identity on $name', (backend) => {
  if (skippedHere(backend)) return;
  let teardown: () => Promise<void>;
  const databases: OpenDatabase[] = [];
  let one: ServerDeps;
  let two: ServerDeps;
  let clock = Date.now();
  const now = () => new Date(clock);
  const unix = () => Math.floor(clock / 1000);
  let n = 0;

  const api = async (deps: ServerDeps, input: ContextInput = {}) => createCaller(await createContextInner(deps, { origin: ORIGIN, ...input }));
  const as = (session: { accessToken: string }, deps = one) => api(deps, { authorization: `Bearer ${session.accessToken}` });

  async function register(company = 'Acme Pharma') {
    const email = `admin${++n}@acme.example`;
    const session = await (await api(one)).auth.register({ companyName: company, name: 'Ada Admin', email, password: PASSWORD });
    return { email, session };
  }

  /** An admin's company with one more member of the given role, both signed in. */
  async function companyWithMember(role: 'qa' | 'auditor' | 'admin' | 'warehouse' = 'qa') {
    const admin = await register();
    const email = `member${++n}@acme.example`;
    await (await as(admin.session)).auth.addMember({ email, name: 'Mo Member', role, password: PASSWORD });
    const session = signedInOrThrow(await (await api(one)).auth.signIn({ email, password: PASSWORD }));
    return { admin, member: { email, session } };
  }

  /** Enrols the signed-in person; returns the secret bytes and the backup codes. */
  async function enrol(session: { accessToken: string }) {
    const begun = await (await as(session)).auth.mfaEnrolBegin({});
    const secret = base32Decode(begun.secret);
    const confirmed = await (await as(session)).auth.mfaEnrolConfirm({ code: totp(secret, unix()) });
    return { secret, begun, backupCodes: confirmed.backupCodes };
  }

  const nextStep = () => {
    clock += STEP_MS;
  };

  async function challenge(email: string, deps = one, trustedDeviceToken?: string): Promise<SignInResult> {
    return (await api(deps)).auth.signIn({ email, password: PASSWORD, trustedDeviceToken });
  }

  async function mfaToken(email: string, deps = one): Promise<string> {
    const result = await challenge(email, deps);
    if (result.status !== 'mfa-required') throw new Error(`expected mfa-required, got ${result.status}`);
    return result.mfaToken;
  }

  async function events(userId: string) {
    return one.db.select().from(auditEvents).where(eq(auditEvents.userId, userId));
  }

  beforeAll(async () => {
    const store = await backend.setup();
    teardown = store.teardown;
    const first = await openDatabase(store.config());
    databases.push(first);
    one = (await createServerDeps(first, store.config(), { now })).deps;
    // A second server instance on the same database: its own connection on PostgreSQL; PGlite is
    // in-process and single-connection, so the second instance shares the handle (all its state,
    // like the throttle, must still come from the database, not the first instance's memory).
    const second = backend.name.startsWith('PostgreSQL') ? await openDatabase(store.config()) : first;
    if (second !== first) databases.push(second);
    two = (await createServerDeps(second, store.config(), { now })).deps;
  });
  afterAll(async () => {
    await one?.pokes.close();
    await two?.pokes.close();
    for (const d of databases) await d.close();
    await teardown?.();
  });

  it('signs in without MFA as before (status signed-in) and audits success with IP and user agent', async () => {
    const { email, session } = await register();
    const result = signedInOrThrow(await challenge(email));
    expect(result).toMatchObject({ status: 'signed-in', trustedDeviceToken: null, user: { id: session.user.id } });
    expect(result.accessToken).toBeTruthy();
    const [ok] = (await events(session.user.id)).filter((e) => e.kind === 'auth.sign-in.succeeded');
    expect(ok).toMatchObject({ ip: ORIGIN.ip, userAgent: ORIGIN.userAgent, companyId: session.company.id, severity: 'info', details: { method: 'password' } });
  });

  it('refuses an unknown email and a wrong password alike (same code and message), audited without personal data', async () => {
    const { email, session } = await register();
    const unknownEmail = `nobody${++n}@acme.example`;
    const wrong = await failure((await api(one)).auth.signIn({ email, password: 'not the password at all' }));
    const unknown = await failure((await api(one)).auth.signIn({ email: unknownEmail, password: PASSWORD }));
    expect(wrong).toEqual(unknown);
    expect(wrong.code).toBe('auth/invalid-credentials');
    // Similar work: both run one argon2id verification (timing is asserted in routers/auth.test.ts).
    const failed = await one.db.select().from(auditEvents).where(eq(auditEvents.kind, 'auth.sign-in.failed'));
    const mine = failed.filter((e) => e.userId === session.user.id);
    expect(mine[0]).toMatchObject({ companyId: session.company.id, ip: ORIGIN.ip, severity: 'warning' });
    expect(failed.some((e) => e.userId === null && e.companyId === null)).toBe(true);
    expect(JSON.stringify(failed)).not.toContain(unknownEmail);
    expect(JSON.stringify(failed)).not.toContain(PASSWORD);
  });

  it('enrols with a real QR code and a first code; the secret is stored encrypted, backup codes hashed', async () => {
    const { email, session } = await register();
    const begun = await (await as(session)).auth.mfaEnrolBegin({});
    const compact = begun.secret.replace(/\s/g, '');
    expect(compact).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
    expect(begun.otpauthUri).toBe(`otpauth://totp/Atlas:${encodeURIComponent(email)}?secret=${compact}&issuer=Atlas&algorithm=SHA1&digits=6&period=30`);
    expect(begun.qrSvg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(begun.qrSvg).toContain('<path');
    // Not on yet: sign-in still goes straight through.
    expect((await challenge(email)).status).toBe('signed-in');
    const secret = base32Decode(begun.secret);
    expect((await failure((await as(session)).auth.mfaEnrolConfirm({ code: totp(secret, unix() - 120) }))).code).toBe('auth/mfa-invalid');
    const { backupCodes, session: none } = await (await as(session)).auth.mfaEnrolConfirm({ code: totp(secret, unix()) });
    expect(none).toBeNull();
    expect(backupCodes).toHaveLength(10);
    for (const c of backupCodes) expect(c).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect(new Set(backupCodes).size).toBe(10);
    const [row] = await one.db.select().from(userMfa).where(eq(userMfa.userId, session.user.id));
    expect(row?.totpSecret).toMatch(/^v1\./);
    expect(row?.totpSecret).not.toContain(compact);
    const hashes = JSON.stringify(await one.db.select().from(mfaBackupCodes).where(eq(mfaBackupCodes.userId, session.user.id)));
    for (const c of backupCodes) expect(hashes).not.toContain(c.replace('-', ''));
    expect(await (await as(session)).auth.mfaStatus()).toMatchObject({ enabled: true, required: false, backupCodesLeft: 10, trustedDevices: [] });
    // A second enrolment cannot silently replace the authenticator.
    expect((await failure((await as(session)).auth.mfaEnrolBegin({}))).code).toBe('auth/forbidden');
    expect((await events(session.user.id)).map((e) => e.kind)).toContain('auth.mfa.enrolled');
  });

  it('requires the code after the password, accepts a TOTP code once only (replay refused)', async () => {
    const { email, session } = await register();
    const { secret } = await enrol(session);
    // The enrolment code's step is spent: the same code cannot finish a sign-in.
    const token = await mfaToken(email);
    expect((await failure((await api(one)).auth.verifyMfa({ mfaToken: token, code: totp(secret, unix()) }))).code).toBe('auth/mfa-invalid');
    nextStep();
    const code = totp(secret, unix());
    const signed = await (await api(one)).auth.verifyMfa({ mfaToken: token, code });
    expect(signed).toMatchObject({ status: 'signed-in', user: { id: session.user.id }, trustedDeviceToken: null });
    expect((await (await as(signed)).auth.me()).user.id).toBe(session.user.id);
    // Replay of the same code, in a new sign-in and on the other instance: refused.
    expect((await failure((await api(two)).auth.verifyMfa({ mfaToken: await mfaToken(email, two), code }))).code).toBe('auth/mfa-invalid');
    const kinds = (await events(session.user.id)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['auth.mfa.verified', 'auth.mfa.failed', 'auth.sign-in.succeeded']));
    // The MFA token is not an access token, and an access token is not an MFA token (RFC 8725 §3.11).
    expect((await failure((await api(one, { authorization: `Bearer ${token}` })).auth.me())).code).toBe('auth/token-invalid');
    expect((await failure((await api(one)).auth.verifyMfa({ mfaToken: signed.accessToken, code: '123456' }))).code).toBe('auth/mfa-token-invalid');
    // It expires after 5 minutes.
    const late = await mfaToken(email);
    clock += 6 * 60_000;
    expect((await failure((await api(one)).auth.verifyMfa({ mfaToken: late, code: totp(secret, unix()) }))).code).toBe('auth/mfa-token-invalid');
  });

  it('accepts codes one step either side and refuses two steps away (RFC 6238 §5.2)', async () => {
    const { email, session } = await register();
    const { secret } = await enrol(session);
    clock += 10 * STEP_MS;
    const verify = async (offsetSteps: number) => (await api(one)).auth.verifyMfa({ mfaToken: await mfaToken(email), code: totp(secret, unix() + offsetSteps * 30) });
    expect((await failure(verify(-2))).code).toBe('auth/mfa-invalid');
    expect((await failure(verify(+2))).code).toBe('auth/mfa-invalid');
    expect((await verify(-1)).status).toBe('signed-in');
    expect((await verify(+1)).status).toBe('signed-in');
    // Now the current step is at or below the last used one: refused too.
    expect((await failure(verify(0))).code).toBe('auth/mfa-invalid');
  });

  it('locks after 5 wrong codes in 5 minutes, counted in the database across two instances, and says how long to wait', async () => {
    const { email, session } = await register();
    const { secret } = await enrol(session);
    nextStep();
    const wrong = (totp(secret, unix()) === '000000' ? '111111' : '000000');
    for (const deps of [one, two, one, two]) {
      expect((await failure((await api(deps)).auth.verifyMfa({ mfaToken: await mfaToken(email, deps), code: wrong }))).code).toBe('auth/mfa-invalid');
      clock += 10_000;
    }
    const fifth = await failure((await api(two)).auth.verifyMfa({ mfaToken: await mfaToken(email, two), code: wrong }));
    expect(fifth.code).toBe('auth/mfa-locked');
    // The first failure was 40 s ago: the window frees up in 260 s.
    expect(fifth.retryAfterSeconds).toBe(260);
    expect(fifth.message).toMatch(/Wait 5 minutes/);
    // Even the right code is refused while locked, on either instance.
    const locked = await failure((await api(one)).auth.verifyMfa({ mfaToken: await mfaToken(email), code: totp(secret, unix()) }));
    expect(locked).toMatchObject({ code: 'auth/mfa-locked', retryAfterSeconds: 260 });
    clock += 261_000;
    expect((await (await api(two)).auth.verifyMfa({ mfaToken: await mfaToken(email, two), code: totp(secret, unix()) })).status).toBe('signed-in');
    const audit = await events(session.user.id);
    expect(audit.filter((e) => e.kind === 'auth.mfa.failed')).toHaveLength(5);
    expect(audit.filter((e) => e.kind === 'auth.mfa.locked').length).toBeGreaterThanOrEqual(2);
    expect(audit.find((e) => e.kind === 'auth.mfa.locked')?.severity).toBe('critical');
  });

  it('accepts each backup code once', async () => {
    const { email, session } = await register();
    const { backupCodes } = await enrol(session);
    const code = backupCodes[3] as string;
    const signed = await (await api(one)).auth.verifyMfa({ mfaToken: await mfaToken(email), code: code.toUpperCase().replace('-', '') });
    expect(signed.status).toBe('signed-in');
    expect((await failure((await api(two)).auth.verifyMfa({ mfaToken: await mfaToken(email, two), code }))).code).toBe('auth/mfa-invalid');
    expect((await (await as(session)).auth.mfaStatus()).backupCodesLeft).toBe(9);
    const used = (await events(session.user.id)).find((e) => e.kind === 'auth.mfa.backup-code-used');
    expect(used?.details).toEqual({ backupCodesLeft: 9 });
    // Regenerating needs a code and replaces all ten.
    const fresh = await (await as(session)).auth.regenerateBackupCodes({ code: backupCodes[5] as string });
    expect(fresh.backupCodes).toHaveLength(10);
    expect((await failure((await api(one)).auth.verifyMfa({ mfaToken: await mfaToken(email), code: backupCodes[6] as string }))).code).toBe('auth/mfa-invalid');
    expect((await (await api(one)).auth.verifyMfa({ mfaToken: await mfaToken(email), code: fresh.backupCodes[0] as string })).status).toBe('signed-in');
  });

  it('trusts a device for 30 days, skipping the code there; revocable', async () => {
    const { email, session } = await register();
    const { secret } = await enrol(session);
    nextStep();
    const signed = await (await api(one)).auth.verifyMfa({ mfaToken: await mfaToken(email), code: totp(secret, unix()), trustDevice: true, deviceLabel: 'Atlas desktop on Linux' });
    const deviceToken = signed.trustedDeviceToken as string;
    expect(deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(await one.db.select().from(trustedDevices).where(eq(trustedDevices.userId, session.user.id)))).not.toContain(deviceToken);
    const skipped = signedInOrThrow(await challenge(email, two, deviceToken));
    expect(skipped.user.id).toBe(session.user.id);
    // Another person's token does not help (bound to the user).
    const other = await register();
    await enrol(other.session);
    expect((await challenge(other.email, one, deviceToken)).status).toBe('mfa-required');
    const [device] = (await (await as(session)).auth.mfaStatus()).trustedDevices;
    expect(device).toMatchObject({ label: 'Atlas desktop on Linux' });
    expect(new Date(device?.expiresAt ?? 0).getTime() - clock).toBe(30 * DAY_MS);
    // After 30 days it no longer skips the code.
    clock += 30 * DAY_MS + 1000;
    expect((await challenge(email, one, deviceToken)).status).toBe('mfa-required');
    clock -= 30 * DAY_MS + 1000;
    expect((await challenge(email, one, deviceToken)).status).toBe('signed-in');
    await (await as(session)).auth.revokeDevice({ id: device?.id as string });
    expect((await challenge(email, one, deviceToken)).status).toBe('mfa-required');
    expect((await failure((await as(other.session)).auth.revokeDevice({ id: device?.id as string }))).code).toBe('not-found');
    expect((await events(session.user.id)).map((e) => e.kind)).toEqual(expect.arrayContaining(['auth.device.trusted', 'auth.device.revoked']));
  });

  it('forces enrolment when the company requires MFA; enrolment with the mfaToken finishes the sign-in', async () => {
    const { admin, member } = await companyWithMember('qa');
    expect((await failure((await as(member.session)).company.setMfaRequired({ required: true }))).code).toBe('auth/forbidden');
    expect(await (await as(admin.session)).company.setMfaRequired({ required: true })).toEqual({ mfaRequired: true });
    expect(await (await as(member.session)).company.settings()).toEqual({ mfaRequired: true });
    const result = await challenge(member.email);
    expect(result.status).toBe('mfa-enrolment-required');
    const token = (result as { mfaToken: string }).mfaToken;
    // An enrolment token is not a code-step token, and enrolment needs one of the two credentials.
    expect((await failure((await api(one)).auth.verifyMfa({ mfaToken: token, code: '123456' }))).code).toBe('auth/mfa-token-invalid');
    expect((await failure((await api(one)).auth.mfaEnrolBegin({}))).code).toBe('auth/unauthenticated');
    const begun = await (await api(one)).auth.mfaEnrolBegin({ mfaToken: token });
    const secret = base32Decode(begun.secret);
    const out = await (await api(one)).auth.mfaEnrolConfirm({ mfaToken: token, code: totp(secret, unix()) });
    expect(out.backupCodes).toHaveLength(10);
    const session = out.session as SignedIn;
    expect(session).toMatchObject({ status: 'signed-in', user: { email: member.email } });
    expect(await (await as(session)).auth.mfaStatus()).toMatchObject({ enabled: true, required: true });
    nextStep();
    expect((await failure((await as(session)).auth.mfaDisable({ code: totp(secret, unix()) }))).code).toBe('auth/forbidden');
    const members = await (await as(admin.session)).company.members();
    expect(members.find((m) => m.email === member.email)).toMatchObject({ mfaEnabled: true, role: 'qa' });
    expect((await events(admin.session.user.id)).find((e) => e.kind === 'company.mfa-required-changed')?.details).toEqual({ required: true });
    // Once it is not required, MFA can be turned off with a code.
    await (await as(admin.session)).company.setMfaRequired({ required: false });
    expect(await (await as(session)).auth.mfaDisable({ code: totp(secret, unix()) })).toEqual({ ok: true });
    expect((await challenge(member.email)).status).toBe('signed-in');
    expect((await events(member.session.user.id)).map((e) => e.kind)).toContain('auth.mfa.disabled');
  });

  it('signOutEverywhere revokes every refresh token and trusted device of the person at once', async () => {
    const { email, session } = await register();
    const laptop = signedInOrThrow(await challenge(email));
    const { secret } = await enrol(session);
    nextStep();
    const phone = await (await api(one)).auth.verifyMfa({ mfaToken: await mfaToken(email), code: totp(secret, unix()), trustDevice: true });
    await (await as(phone)).auth.signOutEverywhere();
    for (const s of [session, laptop, phone]) {
      expect((await failure((await api(two)).auth.refresh({ refreshToken: s.refreshToken }))).code).toBe('auth/refresh-invalid');
    }
    const live = await one.db.select().from(refreshTokens).where(and(eq(refreshTokens.userId, session.user.id)));
    expect(live.every((r) => r.revokedAt !== null)).toBe(true);
    expect((await challenge(email, one, phone.trustedDeviceToken as string)).status).toBe('mfa-required');
    expect((await events(session.user.id)).find((e) => e.kind === 'auth.sign-out-everywhere')?.details).toMatchObject({ devicesRevoked: 1 });
  });

  it('audits sign-out and refresh-token reuse (the family is revoked)', async () => {
    const { session } = await register();
    const second = await (await api(one)).auth.refresh({ refreshToken: session.refreshToken });
    await (await api(one)).auth.refresh({ refreshToken: second.refreshToken });
    expect((await failure((await api(two)).auth.refresh({ refreshToken: session.refreshToken }))).code).toBe('auth/refresh-reused');
    const other = signedInOrThrow(await challenge(session.user.email));
    await (await api(one)).auth.signOut({ refreshToken: other.refreshToken });
    expect((await failure((await api(one)).auth.refresh({ refreshToken: other.refreshToken }))).code).toBe('auth/refresh-invalid');
    const kinds = (await events(session.user.id)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['auth.refresh-reused', 'auth.sign-out']));
  });

  it('changes the password only with the current one, and ends the other sessions', async () => {
    const { email, session } = await register();
    const other = signedInOrThrow(await challenge(email));
    const wrong = await failure((await as(session)).auth.changePassword({ currentPassword: 'not my password at all', newPassword: 'a brand new passphrase' }));
    expect(wrong.code).toBe('auth/invalid-credentials');
    const fresh = await (await as(session)).auth.changePassword({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    expect(fresh.status).toBe('signed-in');
    expect((await failure((await api(one)).auth.refresh({ refreshToken: other.refreshToken }))).code).toBe('auth/refresh-invalid');
    expect((await (await api(one)).auth.refresh({ refreshToken: fresh.refreshToken })).user.id).toBe(session.user.id);
    expect((await failure(challenge(email))).code).toBe('auth/invalid-credentials');
    expect((await (await api(one)).auth.signIn({ email, password: 'a brand new passphrase' })).status).toBe('signed-in');
    expect((await events(session.user.id)).map((e) => e.kind)).toContain('auth.password-changed');
  });

  it('invites: the token is shown once and stored hashed; accepting creates the account once; revoked and expired links fail', async () => {
    const admin = await register();
    const adminApi = await as(admin.session);
    const email = `invitee${++n}@acme.example`;
    const { invitation, token } = await adminApi.company.invite({ email: email.toUpperCase(), role: 'warehouse' });
    expect(invitation).toMatchObject({ email, role: 'warehouse', acceptedAt: null, revokedAt: null });
    expect(new Date(invitation.expiresAt).getTime() - new Date(invitation.createdAt).getTime()).toBe(7 * DAY_MS);
    expect(JSON.stringify(await one.db.select().from(invitations))).not.toContain(token);
    expect((await adminApi.company.invitations()).map((i) => i.id)).toContain(invitation.id);
    const joined = signedInOrThrow(await (await api(two)).company.acceptInvite({ token, name: 'Ivy Invitee', password: 'ivy has her own passphrase' }));
    expect(joined).toMatchObject({ user: { email, role: 'warehouse', name: 'Ivy Invitee' }, company: { id: admin.session.company.id } });
    expect((await failure((await api(one)).company.acceptInvite({ token, name: 'Mallory', password: 'mallory tries again here' }))).code).toBe('auth/invitation-invalid');
    expect((await adminApi.company.members()).map((m) => m.email)).toContain(email);
    // Revoked, expired, unknown: all the same refusal.
    const revoked = await adminApi.company.invite({ email: `r${++n}@acme.example`, role: 'qa' });
    await adminApi.company.revokeInvitation({ id: revoked.invitation.id });
    expect((await failure((await api(one)).company.acceptInvite({ token: revoked.token, name: 'R', password: 'some long passphrase' }))).code).toBe('auth/invitation-invalid');
    const expiring = await adminApi.company.invite({ email: `e${++n}@acme.example`, role: 'qa' });
    clock += 7 * DAY_MS + 1000;
    expect((await failure((await api(one)).company.acceptInvite({ token: expiring.token, name: 'E', password: 'some long passphrase' }))).code).toBe('auth/invitation-invalid');
    clock -= 7 * DAY_MS + 1000;
    expect((await failure((await api(one)).company.acceptInvite({ token: 'x'.repeat(43), name: 'U', password: 'some long passphrase' }))).code).toBe('auth/invitation-invalid');
    // Only an admin invites; the auditor can read members but not invite.
    const auditorEmail = `auditor${++n}@acme.example`;
    await adminApi.auth.addMember({ email: auditorEmail, name: 'Aud Itor', role: 'auditor', password: PASSWORD });
    const auditor = await as(signedInOrThrow(await challenge(auditorEmail)));
    expect((await auditor.company.members()).length).toBeGreaterThanOrEqual(3);
    expect((await failure(auditor.company.invite({ email: `x${++n}@acme.example`, role: 'admin' }))).code).toBe('auth/forbidden');
    expect((await failure((await as(joined)).company.members())).code).toBe('auth/forbidden');
    const invited = (await events(admin.session.user.id)).find((e) => e.kind === 'company.member-invited');
    expect(invited?.details).toEqual({ invitationId: invitation.id, role: 'warehouse' });
    expect((await events(joined.user.id)).map((e) => e.kind)).toContain('company.member-joined');
    expect(JSON.stringify(await one.db.select().from(auditEvents))).not.toContain(email);
  });

  it('an invitation into a company that requires MFA answers mfa-enrolment-required', async () => {
    const admin = await register();
    await (await as(admin.session)).company.setMfaRequired({ required: true });
    const { token } = await (await as(admin.session)).company.invite({ email: `strict${++n}@acme.example`, role: 'qa' });
    const result = await (await api(one)).company.acceptInvite({ token, name: 'Sam Strict', password: 'sam has a long passphrase' });
    expect(result.status).toBe('mfa-enrolment-required');
  });

  it('role changes: only admins, read from the membership, and never leaving the company without an admin', async () => {
    const { admin, member } = await companyWithMember('qa');
    const adminApi = await as(admin.session);
    expect((await failure(adminApi.company.setRole({ userId: admin.session.user.id, role: 'qa' }))).code).toBe('auth/forbidden');
    expect((await failure(adminApi.company.removeMember({ userId: admin.session.user.id }))).code).toBe('auth/forbidden');
    await adminApi.company.setRole({ userId: member.session.user.id, role: 'admin' });
    // Now there are two admins: the first may step down.
    await adminApi.company.setRole({ userId: admin.session.user.id, role: 'qa' });
    // Its access token still says admin, but the membership decides.
    expect((await failure(adminApi.company.setRole({ userId: member.session.user.id, role: 'qa' }))).code).toBe('auth/forbidden');
    const newAdmin = await as(member.session);
    await newAdmin.company.removeMember({ userId: admin.session.user.id });
    expect((await failure((await api(one)).auth.refresh({ refreshToken: admin.session.refreshToken }))).code).toBe('auth/refresh-invalid');
    expect((await failure(challenge(admin.email))).code).toBe('auth/invalid-credentials');
    expect((await failure(newAdmin.company.setRole({ userId: admin.session.user.id, role: 'qa' }))).code).toBe('not-found');
    // The actor is the user of the event; the person acted on is in the details.
    const changed = (await events(admin.session.user.id)).filter((e) => e.kind === 'company.role-changed');
    expect(changed.map((e) => e.details)).toEqual([
      { targetUserId: member.session.user.id, from: 'qa', to: 'admin' },
      { targetUserId: admin.session.user.id, from: 'admin', to: 'qa' },
    ]);
    const removed = (await events(member.session.user.id)).find((e) => e.kind === 'company.member-removed');
    expect(removed?.details).toMatchObject({ targetUserId: admin.session.user.id, role: 'qa' });
  });

  it('browser clients get the refresh token as a __Host- httpOnly cookie, never in the body', async () => {
    const { email } = await register();
    const resHeaders = new Headers();
    const browser = await api(one, { clientKind: 'browser', resHeaders });
    const signed = signedInOrThrow(await browser.auth.signIn({ email, password: PASSWORD }));
    expect(signed.refreshToken).toBe('');
    const cookie = resHeaders.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${REFRESH_COOKIE}=[A-Za-z0-9_-]{43}; Max-Age=\\d+; Path=/; Secure; HttpOnly; SameSite=Strict$`));
    const value = cookie.split(';')[0] as string;
    const again = new Headers();
    const refreshed = await (await api(one, { clientKind: 'browser', cookieHeader: `theme=dark; ${value}`, resHeaders: again })).auth.refresh({});
    expect(refreshed.refreshToken).toBe('');
    expect(again.get('set-cookie')).not.toContain(value);
    const out = new Headers();
    await (await api(one, { clientKind: 'browser', cookieHeader: again.get('set-cookie')?.split(';')[0] ?? '', resHeaders: out })).auth.signOut({});
    expect(out.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await failure((await api(one, { clientKind: 'browser', cookieHeader: again.get('set-cookie')?.split(';')[0] ?? '' })).auth.refresh({}))).code).toBe('auth/refresh-invalid');
    // The desktop keeps the body token.
    expect(signedInOrThrow(await challenge(email)).refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('never writes an email, password, code or token into audit details', async () => {
    const all = await one.db.select().from(auditEvents);
    const text = JSON.stringify(all.map((e) => e.details));
    expect(text).not.toMatch(/@acme\.example/);
    expect(text).not.toContain(PASSWORD);
    const everyUser = await one.db.select({ id: users.id }).from(users);
    expect(everyUser.length).toBeGreaterThan(0);
    const withCodes = await one.db.select().from(mfaBackupCodes).where(inArray(mfaBackupCodes.userId, everyUser.map((u) => u.id)));
    for (const c of withCodes) expect(text).not.toContain(c.codeHash);
  });
});
