import { eq } from 'drizzle-orm';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionTokens } from '../../../shared/auth/schemas';
import { createContextInner } from '../context';
import { companies, refreshTokens, users } from '../db/schema/index';
import { hashRefreshToken } from '../services/auth/refresh-tokens';
import { signedInOrThrow } from '../services/auth/sign-in-result';
import { createTestDeps, type TestDeps } from '../testing/test-deps';
import { createCaller } from './_app';

let t: TestDeps;
beforeAll(async () => {
  t = await createTestDeps();
});
afterAll(() => t.close());

const caller = async (authorization?: string) => createCaller(await createContextInner(t.deps, { authorization }));

/** The AppError code and message a call failed with, read from the tRPC error's cause. */
async function failure(call: Promise<unknown>): Promise<{ code: string; message: string; trpc: string }> {
  try {
    await call;
  } catch (err) {
    const e = err as { code?: string; message: string; cause?: { code?: string; message?: string } };
    return { code: e.cause?.code ?? `(no app code; tRPC ${e.code})`, message: e.message, trpc: e.code ?? '' };
  }
  throw new Error('expected the call to fail');
}

let n = 0;
function account(email = `person${++n}@acme.example`) {
  return { companyName: 'Acme Pharma', name: 'Ada Lovelace', email, password: 'correct horse battery staple' };
}

describe('new passwords (NIST SP 800-63B §3.1.1.2)', () => {
  it('refuses a commonly used password at registration and at a password change, naming the field', async () => {
    const weak = { ...account(), password: 'Password123!' };
    const refused = await failure((await caller()).auth.register(weak));
    expect(refused).toMatchObject({ code: 'validation/invalid-input', message: expect.stringMatching(/commonly used/) });
    const input = account();
    const session = await (await caller()).auth.register(input);
    const change = (await caller(`Bearer ${session.accessToken}`)).auth.changePassword({ currentPassword: input.password, newPassword: 'Ada Lovelace 2026' });
    expect((await failure(change)).message).toMatch(/your name/);
  });
});

describe('auth.register', () => {
  it('creates company, admin user and membership, returning a valid session', async () => {
    const input = account('Ada@Acme.Example');
    const session = await (await caller()).auth.register(input);
    expect(sessionTokens.parse(session)).toEqual(session);
    expect(session.user).toMatchObject({ email: 'ada@acme.example', name: 'Ada Lovelace', role: 'admin' });
    expect(session.company.name).toBe('Acme Pharma');
    const me = await (await caller(`Bearer ${session.accessToken}`)).auth.me();
    expect(me).toEqual({ user: session.user, company: session.company });
    // The password is stored only as an argon2id hash; the refresh token only as its SHA-256.
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, session.user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    const [stored] = await t.deps.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashRefreshToken(session.refreshToken)));
    expect(stored?.userId).toBe(session.user.id);
    expect(JSON.stringify(await t.deps.db.select().from(refreshTokens))).not.toContain(session.refreshToken);
  });

  it('refuses a duplicate email whatever its case, and leaves no half-created company', async () => {
    const email = `dup${++n}@acme.example`;
    await (await caller()).auth.register(account(email));
    const companiesBefore = await t.deps.db.$count(companies);
    const err = await failure((await caller()).auth.register({ ...account(email.toUpperCase()), companyName: 'Other Co' }));
    expect(err).toMatchObject({ code: 'auth/email-taken', trpc: 'CONFLICT' });
    expect(await t.deps.db.$count(companies)).toBe(companiesBefore);
  });

  it('names the field when the input is invalid', async () => {
    const err = await failure((await caller()).auth.register({ ...account(), password: 'short' }));
    expect(err.trpc).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/password/i);
  });
});

describe('auth.signIn', () => {
  const input = account('signin@acme.example');
  beforeAll(async () => {
    await (await caller()).auth.register(input);
  });

  it('signs in with the right password, email case-insensitively', async () => {
    const session = signedInOrThrow(await (await caller()).auth.signIn({ email: 'SignIn@Acme.example', password: input.password }));
    expect(session.user.email).toBe('signin@acme.example');
    expect((await (await caller(`Bearer ${session.accessToken}`)).auth.me()).user.id).toBe(session.user.id);
  });

  it('refuses a wrong password and an unknown email with the same code and message', async () => {
    const wrong = await failure((await caller()).auth.signIn({ email: input.email, password: 'not the password at all' }));
    const unknown = await failure((await caller()).auth.signIn({ email: 'nobody@acme.example', password: input.password }));
    expect(wrong).toMatchObject({ code: 'auth/invalid-credentials', trpc: 'UNAUTHORIZED' });
    expect(unknown).toEqual(wrong);
  });

  it('spends a full password check on an unknown email too (no enumeration by timing)', async () => {
    const time = async (email: string) => {
      const start = performance.now();
      for (let i = 0; i < 3; i++) await failure((await caller()).auth.signIn({ email, password: 'not the password at all' }));
      return performance.now() - start;
    };
    await time('warm-up@acme.example');
    const known = await time(input.email);
    const unknown = await time('nobody@acme.example');
    // Skipping argon2 would make the unknown case hundreds of times faster, not 30% slower.
    expect(unknown).toBeGreaterThan(known * 0.3);
  });
});

describe('auth.refresh and auth.signOut', () => {
  it('rotates the refresh token on every use', async () => {
    const first = await (await caller()).auth.register(account());
    const second = await (await caller()).auth.refresh({ refreshToken: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user).toEqual(first.user);
    const third = await (await caller()).auth.refresh({ refreshToken: second.refreshToken });
    expect(third.refreshToken).not.toBe(second.refreshToken);
    const [old] = await t.deps.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashRefreshToken(first.refreshToken)));
    const [next] = await t.deps.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashRefreshToken(second.refreshToken)));
    expect(old?.usedAt).toBeInstanceOf(Date);
    expect(old?.replacedBy).toBe(next?.id);
    expect(next?.familyId).toBe(old?.familyId);
  });

  it('treats reuse of a used token as theft: fails with auth/refresh-reused and revokes the whole family', async () => {
    const first = await (await caller()).auth.register(account());
    const second = await (await caller()).auth.refresh({ refreshToken: first.refreshToken });
    // The holder of `second` has used it: whoever presents `first` now is not the holder.
    const third = await (await caller()).auth.refresh({ refreshToken: second.refreshToken });
    expect(await failure((await caller()).auth.refresh({ refreshToken: first.refreshToken }))).toMatchObject({ code: 'auth/refresh-reused', trpc: 'UNAUTHORIZED' });
    // The legitimate holder's newer token is dead too (RFC 9700 §4.14.2).
    expect((await failure((await caller()).auth.refresh({ refreshToken: third.refreshToken }))).code).toBe('auth/refresh-invalid');
  });

  it('lets a client whose refresh response was lost retry with the spent token; the successor it uses ends the other', async () => {
    const first = await (await caller()).auth.register(account());
    const lost = await (await caller()).auth.refresh({ refreshToken: first.refreshToken });
    const retried = await (await caller()).auth.refresh({ refreshToken: first.refreshToken });
    expect(retried.refreshToken).not.toBe(lost.refreshToken);
    expect((await (await caller()).auth.refresh({ refreshToken: retried.refreshToken })).user.email).toBe(first.user.email);
    // Nobody kept `lost`: using its sibling revoked it, so it can never be used.
    expect((await failure((await caller()).auth.refresh({ refreshToken: lost.refreshToken }))).code).toBe('auth/refresh-invalid');
    // Once a successor has been used, the spent token is plain reuse: the family ends.
    expect((await failure((await caller()).auth.refresh({ refreshToken: first.refreshToken }))).code).toBe('auth/refresh-reused');
  });

  it.each([0, 1])('resolves a duplicated refresh (both requests answered) whichever answer the client kept (#%i)', async (kept) => {
    const first = await (await caller()).auth.register(account());
    const results = await Promise.all([1, 2].map(async () => (await caller()).auth.refresh({ refreshToken: first.refreshToken })));
    const [keptToken, otherToken] = kept === 0 ? [results[0]?.refreshToken, results[1]?.refreshToken] : [results[1]?.refreshToken, results[0]?.refreshToken];
    expect((await (await caller()).auth.refresh({ refreshToken: keptToken ?? '' })).user.email).toBe(first.user.email);
    expect((await failure((await caller()).auth.refresh({ refreshToken: otherToken ?? '' }))).code).toBe('auth/refresh-invalid');
  });

  it('refuses an unknown refresh token', async () => {
    expect((await failure((await caller()).auth.refresh({ refreshToken: 'x'.repeat(43) }))).code).toBe('auth/refresh-invalid');
  });

  it('signs out by revoking the family, and a second sign-out is harmless', async () => {
    const first = await (await caller()).auth.register(account());
    const second = await (await caller()).auth.refresh({ refreshToken: first.refreshToken });
    expect(await (await caller()).auth.signOut({ refreshToken: second.refreshToken })).toEqual({ ok: true });
    expect((await failure((await caller()).auth.refresh({ refreshToken: second.refreshToken }))).code).toBe('auth/refresh-invalid');
    expect(await (await caller()).auth.signOut({ refreshToken: second.refreshToken })).toEqual({ ok: true });
  });

  it('keeps other sessions of the same user alive on sign-out', async () => {
    const input = account();
    await (await caller()).auth.register(input);
    const laptop = signedInOrThrow(await (await caller()).auth.signIn(input));
    const scanner = signedInOrThrow(await (await caller()).auth.signIn(input));
    await (await caller()).auth.signOut({ refreshToken: laptop.refreshToken });
    expect((await (await caller()).auth.refresh({ refreshToken: scanner.refreshToken })).user.email).toBe(input.email);
  });

  it('ends the access tokens of a sign-out at once, and of every sign-in on "sign out everywhere"', async () => {
    const input = account();
    await (await caller()).auth.register(input);
    const laptop = signedInOrThrow(await (await caller()).auth.signIn(input));
    const scanner = signedInOrThrow(await (await caller()).auth.signIn(input));
    const bearer = (s: { accessToken: string }) => `Bearer ${s.accessToken}`;
    await (await caller()).auth.signOut({ refreshToken: laptop.refreshToken });
    expect((await failure((await caller(bearer(laptop))).auth.me())).code).toBe('auth/token-invalid');
    expect((await (await caller(bearer(scanner))).auth.me()).user.email).toBe(input.email);
    const desk = signedInOrThrow(await (await caller()).auth.signIn(input));
    await (await caller(bearer(desk))).auth.signOutEverywhere();
    for (const s of [scanner, desk]) expect((await failure((await caller(bearer(s))).auth.me())).message).toMatch(/sign-in was ended/);
  });

  it('refuses an expired refresh token', async () => {
    const first = await (await caller()).auth.register(account());
    await t.deps.db
      .update(refreshTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(first.refreshToken)));
    expect((await failure((await caller()).auth.refresh({ refreshToken: first.refreshToken }))).code).toBe('auth/refresh-invalid');
  });
});

describe('auth.me with hostile access tokens', () => {
  let session: Awaited<ReturnType<Awaited<ReturnType<typeof caller>>['auth']['register']>>;
  beforeAll(async () => {
    session = await (await caller()).auth.register(account());
  });

  const sign = (header: { alg: string; typ?: string }, edit: (j: SignJWT) => SignJWT = (j) => j) =>
    edit(
      new SignJWT({ cid: session.company.id, role: 'admin' })
        .setProtectedHeader(header)
        .setIssuer('atlas')
        .setAudience('atlas-api')
        .setSubject(session.user.id)
        .setIssuedAt()
        .setExpirationTime('10m'),
    ).sign(t.jwtSecret);

  it('accepts a genuine token (control)', async () => {
    const token = await sign({ alg: 'HS256', typ: 'at+jwt' });
    expect((await (await caller(`Bearer ${token}`)).auth.me()).user.id).toBe(session.user.id);
  });

  it('refuses a missing token, a non-Bearer scheme and garbage', async () => {
    expect((await failure((await caller()).auth.me())).code).toBe('auth/unauthenticated');
    expect((await failure((await caller(`Basic ${session.accessToken}`)).auth.me())).code).toBe('auth/unauthenticated');
    expect((await failure((await caller('Bearer not-a-jwt')).auth.me())).code).toBe('auth/token-invalid');
  });

  it.each([
    ['alg none', async () => new UnsecuredJWT({ cid: session.company.id, role: 'admin' }).setIssuer('atlas').setAudience('atlas-api').setSubject(session.user.id).setExpirationTime('10m').encode(), 'auth/token-invalid'],
    ['wrong audience', () => sign({ alg: 'HS256', typ: 'at+jwt' }, (j) => j.setAudience('billing-api')), 'auth/token-invalid'],
    ['wrong issuer', () => sign({ alg: 'HS256', typ: 'at+jwt' }, (j) => j.setIssuer('someone-else')), 'auth/token-invalid'],
    ['expired', () => sign({ alg: 'HS256', typ: 'at+jwt' }, (j) => j.setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600)), 'auth/token-expired'],
    ['tampered payload', async () => {
      const [h, , s] = session.accessToken.split('.');
      const p = Buffer.from(JSON.stringify({ sub: session.user.id, cid: session.company.id, role: 'admin', iss: 'atlas', aud: 'atlas-api', iat: 1, exp: 4102444800 })).toString('base64url');
      return `${h}.${p}.${s}`;
    }, 'auth/token-invalid'],
  ] as const)('refuses %s', async (_name, make, code) => {
    const err = await failure((await caller(`Bearer ${await make()}`)).auth.me());
    expect(err).toMatchObject({ code, trpc: 'UNAUTHORIZED' });
  });
});
