import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { MfaEnrolment, MfaStatus, SignedIn, SignInResult, SignInWithDeviceInput } from '../../../../shared/auth/mfa-schemas';
import type { AddMemberInput, RegisterInput, SessionCompany, SessionTokens, SessionUser } from '../../../../shared/auth/schemas';
import { AppError } from '../../../../shared/errors';
import type { ServerConfig } from '../../config';
import type { Database, Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { companies, companyVersions, memberships, refreshTokens, users } from '../../db/schema/index';
import { recordAudit, type RequestOrigin } from '../audit/audit-log';
import type { PiiCodec } from '../privacy/pii';
import type { FieldKeyring } from '../security/field-crypto';
import { createMfaStore, type MfaMethod } from './mfa';
import { signMfaToken, verifyMfaToken, type MfaPurpose } from './mfa-token';
import { assertAcceptablePassword } from './password-blocklist';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { hashRefreshToken, issueRefreshToken, revokeFamilyOfToken, rotateRefreshToken, type IssuedRefreshToken } from './refresh-tokens';
import { signAccessToken, verifyAccessToken, type AccessClaims } from './tokens';

export interface AuthServiceOptions {
  db: Database;
  config: Pick<ServerConfig, 'accessTokenTtlSeconds' | 'refreshTokenTtlDays'>;
  jwtSecret: Uint8Array;
  /** Field-encryption keys (TOTP secrets) and the backup-code MAC key. */
  keyring: FieldKeyring;
  /** Encryption and blind index of the PII columns (users.email is stored only encrypted). */
  pii: PiiCodec;
  /** The clock MFA reads (TOTP time steps, throttle window, trusted-device expiry); tests move it. */
  now?: () => Date;
}

export type AuthService = ReturnType<typeof createAuthService>;
type Origin = Partial<RequestOrigin>;

// One message for "no such email" and "wrong password" (OWASP Authentication Cheat Sheet:
// generic error messages), so sign-in cannot be used to learn which emails have accounts.
const INVALID_CREDENTIALS = 'The email or password is incorrect.';

/** How a session was started, for the audit trail. */
type SignInMethod = 'password' | 'password+totp' | 'password+backup-code' | 'password+trusted-device' | 'password+mfa-enrolment' | 'invitation' | 'password-change';

/**
 * The second step of a sign-in is either a code (mfaToken purpose `verify`) or, when the company
 * requires MFA and the person has none, enrolment (purpose `enrol`): enrolment procedures accept
 * an access token (signed in) or that mfaToken (mid-sign-in).
 */
export interface EnrolCaller {
  claims: AccessClaims | null;
  claimsError: AppError | null;
  mfaToken?: string | undefined;
}

export function createAuthService({ db, config, jwtSecret, keyring, pii, now = () => new Date() }: AuthServiceOptions) {
  const mfa = createMfaStore({ db, keyring, now });
  const loadProfile = (tx: Executor, who: { userId: string; companyId: string }) => loadProfileOf(tx, pii, who);

  /** A new users row: the email encrypted under its (pre-generated) id, plus its blind index. */
  function newUser(email: string, name: string, passwordHash: string) {
    const id = randomUUID();
    return { id, email: pii.seal('users.email', id, email), emailIndex: pii.index('users.email', email), name, passwordHash };
  }

  /**
   * Inserts a new person's users row. The unique index on email_index refuses a duplicate among
   * values made with the active index key; a row indexed under an older key (after a rotation,
   * before `atlas keys reencrypt` recomputed it) has another value, so every candidate is looked
   * up first. The same message either way.
   */
  async function insertUser(tx: Executor, email: string, name: string, passwordHash: string, takenMessage: string): Promise<{ id: string; name: string }> {
    const taken = () => new AppError('auth/email-taken', takenMessage, { issues: [{ path: 'email', message: 'An account with this email already exists.' }] });
    const [existing] = await tx.select({ id: users.id }).from(users).where(inArray(users.emailIndex, pii.indexCandidates('users.email', email))).limit(1);
    if (existing) throw taken();
    try {
      const [user] = await tx.insert(users).values(newUser(email, name, passwordHash)).returning({ id: users.id, name: users.name });
      if (!user) throw new Error('insert returned no row');
      return user;
    } catch (err) {
      // Two registrations of one email at the same moment: the unique index decides.
      if (isUniqueViolation(err, 'users_email_index_unique')) throw taken();
      throw err;
    }
  }

  async function session(user: SessionUser, company: SessionCompany, refresh: IssuedRefreshToken): Promise<SessionTokens> {
    const access = await signAccessToken({ userId: user.id, companyId: company.id, role: user.role, sessionId: refresh.familyId }, jwtSecret, config.accessTokenTtlSeconds);
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt.toISOString(),
      user,
      company,
    };
  }

  /** Issues the session that ends a sign-in (after every factor it needs) and audits it. */
  async function finishSignIn(
    who: { userId: string; companyId: string },
    origin: Origin,
    method: SignInMethod,
    trust?: { trustDevice?: boolean | undefined; deviceLabel?: string | undefined },
  ): Promise<SignedIn> {
    const { user, company } = await loadProfile(db, who);
    const issued = await db.transaction(async (tx) => {
      const refresh = await issueRefreshToken(tx, { companyId: company.id, userId: user.id }, config.refreshTokenTtlDays);
      let device: { id: string; token: string } | null = null;
      if (trust?.trustDevice) {
        device = await mfa.trustDevice(tx, user.id, trust.deviceLabel);
        await recordAudit(tx, { kind: 'auth.device.trusted', companyId: company.id, userId: user.id, origin, details: { deviceId: device.id } });
      }
      await recordAudit(tx, { kind: 'auth.sign-in.succeeded', companyId: company.id, userId: user.id, origin, details: { method } });
      return { refresh, device };
    });
    return { ...(await session(user, company, issued.refresh)), status: 'signed-in', trustedDeviceToken: issued.device?.token ?? null };
  }

  async function challenge(status: 'mfa-required' | 'mfa-enrolment-required', who: { userId: string; companyId: string }): Promise<SignInResult> {
    const purpose: MfaPurpose = status === 'mfa-required' ? 'verify' : 'enrol';
    const { token, expiresAt } = await signMfaToken({ ...who, purpose }, jwtSecret, now());
    return { status, mfaToken: token, expiresAt: expiresAt.toISOString() };
  }

  /**
   * After the password (or an invitation) proved who this is: the MFA policy decides the next step
   * (NIST SP 800-63B §4.2 AAL2 when enrolled or required). A trusted-device token of this person
   * skips the code for 30 days.
   */
  async function continueSignIn(who: { userId: string; companyId: string }, origin: Origin, method: SignInMethod, trustedDeviceToken?: string): Promise<SignInResult> {
    if (await mfa.isEnabled(who.userId)) {
      if (trustedDeviceToken && (await mfa.useTrustedDevice(who.userId, trustedDeviceToken))) return finishSignIn(who, origin, 'password+trusted-device');
      return challenge('mfa-required', who);
    }
    const [company] = await db.select({ mfaRequired: companies.mfaRequired }).from(companies).where(eq(companies.id, who.companyId));
    if (company?.mfaRequired) return challenge('mfa-enrolment-required', who);
    return finishSignIn(who, origin, method);
  }

  /** Who an enrolment call is for: the signed-in person, or the person mid-sign-in (enrol token). */
  async function enrolee(caller: EnrolCaller): Promise<{ userId: string; companyId: string; viaToken: boolean }> {
    if (caller.mfaToken) return { ...(await verifyMfaToken(caller.mfaToken, jwtSecret, 'enrol', now())), viaToken: true };
    if (caller.claimsError) throw caller.claimsError;
    if (!caller.claims) throw new AppError('auth/unauthenticated', 'Sign in to set up two-step verification.');
    return { userId: caller.claims.userId, companyId: caller.claims.companyId, viaToken: false };
  }

  async function companyRequiresMfa(companyId: string): Promise<boolean> {
    const [row] = await db.select({ mfaRequired: companies.mfaRequired }).from(companies).where(eq(companies.id, companyId));
    return row?.mfaRequired ?? false;
  }

  async function revokeAllSessions(tx: Executor, userId: string, companyId?: string): Promise<number> {
    const where = companyId
      ? and(eq(refreshTokens.userId, userId), eq(refreshTokens.companyId, companyId), isNull(refreshTokens.revokedAt))
      : and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt));
    const rows = await tx.update(refreshTokens).set({ revokedAt: new Date() }).where(where).returning({ id: refreshTokens.id });
    return rows.length;
  }

  return {
    mfa,
    continueSignIn,
    revokeAllSessions,
    newUser,

    /** Creates the company, its first user (admin) and the membership atomically. */
    async register(input: RegisterInput): Promise<SessionTokens> {
      assertAcceptablePassword(input.password, input);
      // Hash outside the transaction: it is deliberately slow and must not hold a connection.
      const passwordHash = await hashPassword(input.password);
      const { company, user, refresh } = await db.transaction(async (tx) => {
        const [company] = await tx.insert(companies).values({ name: input.companyName }).returning();
        if (!company) throw new Error('insert returned no row');
        const user = await insertUser(tx, input.email, input.name, passwordHash, 'An account with this email already exists. Sign in instead.');
        await tx.insert(memberships).values({ companyId: company.id, userId: user.id, role: 'admin' });
        await tx.insert(companyVersions).values({ companyId: company.id, version: 0 });
        const refresh = await issueRefreshToken(tx, { companyId: company.id, userId: user.id }, config.refreshTokenTtlDays);
        return { company, user, refresh };
      });
      return session({ id: user.id, email: input.email, name: user.name, role: 'admin' }, { id: company.id, name: company.name }, refresh);
    },

    /**
     * The password step. An unknown email costs a full argon2id verification against a dummy hash
     * and one audit row, like a wrong password, and both answer the same code and message
     * (no enumeration by message or timing: OWASP ASVS 5.0 6.3.8, NIST SP 800-63B §5.2.2).
     */
    async signIn(input: SignInWithDeviceInput, origin: Origin = {}): Promise<SignInResult> {
      // Looked up by the keyed blind index: the column itself holds only ciphertext.
      const [user] = await db.select().from(users).where(inArray(users.emailIndex, pii.indexCandidates('users.email', input.email)));
      const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
      const member = user ? await firstMembership(db, user.id) : undefined;
      if (!user || !ok || !member) {
        // An unknown email has no user or company: the event says only that a sign-in failed.
        await recordAudit(db, {
          kind: 'auth.sign-in.failed',
          userId: user?.id ?? null,
          companyId: member?.company.id ?? null,
          origin,
          details: { reason: !user ? 'unknown-account' : !ok ? 'wrong-password' : 'no-membership' },
        });
        throw new AppError('auth/invalid-credentials', INVALID_CREDENTIALS);
      }
      return continueSignIn({ userId: user.id, companyId: member.company.id }, origin, 'password', input.trustedDeviceToken);
    },

    /** The code step: a TOTP code (±1 step, once only) or a backup code (once only), throttled. */
    async verifyMfa(input: { mfaToken: string; code: string; trustDevice?: boolean | undefined; deviceLabel?: string | undefined }, origin: Origin = {}): Promise<SignedIn> {
      const who = await verifyMfaToken(input.mfaToken, jwtSecret, 'verify', now());
      const method: MfaMethod = await mfa.verify(who.userId, input.code, { companyId: who.companyId, origin });
      await recordAudit(db, { kind: 'auth.mfa.verified', companyId: who.companyId, userId: who.userId, origin, details: { method } });
      return finishSignIn(who, origin, method === 'totp' ? 'password+totp' : 'password+backup-code', input);
    },

    async mfaEnrolBegin(caller: EnrolCaller): Promise<MfaEnrolment> {
      const who = await enrolee(caller);
      const { user } = await loadProfile(db, who);
      return mfa.beginEnrolment(who.userId, user.email);
    },

    async mfaEnrolConfirm(
      caller: EnrolCaller,
      input: { code: string; trustDevice?: boolean | undefined; deviceLabel?: string | undefined },
      origin: Origin = {},
    ): Promise<{ backupCodes: string[]; session: SignedIn | null }> {
      const who = await enrolee(caller);
      const backupCodes = await mfa.confirmEnrolment(who.userId, input.code, { companyId: who.companyId, origin });
      const signedIn = who.viaToken ? await finishSignIn(who, origin, 'password+mfa-enrolment', input) : null;
      return { backupCodes, session: signedIn };
    },

    async mfaStatus(claims: AccessClaims): Promise<MfaStatus> {
      return { ...(await mfa.status(claims.userId)), required: await companyRequiresMfa(claims.companyId) };
    },

    /** Turning MFA off needs a current code, and is refused while the company requires MFA. */
    async mfaDisable(claims: AccessClaims, code: string, origin: Origin = {}): Promise<{ ok: true }> {
      if (await companyRequiresMfa(claims.companyId)) {
        throw new AppError('auth/forbidden', 'Your company requires two-step verification, so it cannot be turned off. Ask an administrator.');
      }
      await mfa.verify(claims.userId, code, { companyId: claims.companyId, origin });
      await mfa.disable(claims.userId);
      await recordAudit(db, { kind: 'auth.mfa.disabled', companyId: claims.companyId, userId: claims.userId, origin });
      return { ok: true };
    },

    async regenerateBackupCodes(claims: AccessClaims, code: string, origin: Origin = {}): Promise<{ backupCodes: string[] }> {
      await mfa.verify(claims.userId, code, { companyId: claims.companyId, origin });
      return { backupCodes: await mfa.regenerateBackupCodes(claims.userId) };
    },

    async revokeDevice(claims: AccessClaims, id: string, origin: Origin = {}): Promise<{ ok: true }> {
      if (!(await mfa.revokeDevice(claims.userId, id))) throw new AppError('not-found', 'No such trusted device on your account (it may already be revoked).');
      await recordAudit(db, { kind: 'auth.device.revoked', companyId: claims.companyId, userId: claims.userId, origin, details: { deviceId: id } });
      return { ok: true };
    },

    async refresh({ refreshToken }: { refreshToken: string }, origin: Origin = {}): Promise<SessionTokens> {
      const result = await db.transaction((tx) => rotateRefreshToken(tx, refreshToken, config.refreshTokenTtlDays));
      if (!result.ok && result.reason === 'reused') {
        const [row] = await db
          .select({ userId: refreshTokens.userId, companyId: refreshTokens.companyId, familyId: refreshTokens.familyId })
          .from(refreshTokens)
          .where(eq(refreshTokens.tokenHash, hashRefreshToken(refreshToken)));
        await recordAudit(db, { kind: 'auth.refresh-reused', userId: row?.userId ?? null, companyId: row?.companyId ?? null, origin, details: { familyId: row?.familyId ?? null } });
        throw new AppError('auth/refresh-reused', 'This sign-in was used from somewhere else, so it has been ended for safety. Sign in again.');
      }
      if (!result.ok) throw new AppError('auth/refresh-invalid', 'Your session has ended. Sign in again.');
      const { user, company } = await loadProfile(db, result);
      return session(user, company, result.issued);
    },

    async signOut({ refreshToken }: { refreshToken: string }, origin: Origin = {}): Promise<{ ok: true }> {
      const [row] = await db
        .select({ userId: refreshTokens.userId, companyId: refreshTokens.companyId, revokedAt: refreshTokens.revokedAt })
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, hashRefreshToken(refreshToken)));
      await revokeFamilyOfToken(db, refreshToken);
      if (row && !row.revokedAt) await recordAudit(db, { kind: 'auth.sign-out', userId: row.userId, companyId: row.companyId, origin });
      return { ok: true };
    },

    /** Revokes every refresh-token family (all companies) and every trusted device of the person, at once. */
    async signOutEverywhere(claims: AccessClaims, origin: Origin = {}): Promise<{ ok: true }> {
      await db.transaction(async (tx) => {
        const sessions = await revokeAllSessions(tx, claims.userId);
        const devices = await mfa.revokeAllDevices(tx, claims.userId);
        await recordAudit(tx, { kind: 'auth.sign-out-everywhere', userId: claims.userId, companyId: claims.companyId, origin, details: { refreshTokensRevoked: sessions, devicesRevoked: devices } });
      });
      return { ok: true };
    },

    /**
     * Verifies the current password, stores the new one (argon2id) and ends every other session
     * (OWASP ASVS 5.0 7.4.3: sessions end on a credential change). Returns a fresh session for the
     * caller, whose own refresh token was revoked with the rest.
     */
    async changePassword(claims: AccessClaims, input: { currentPassword: string; newPassword: string }, origin: Origin = {}): Promise<SignedIn> {
      const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, claims.userId));
      if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new AppError('auth/invalid-credentials', 'The current password is incorrect. Enter the password you signed in with.', {
          issues: [{ path: 'currentPassword', message: 'The current password is incorrect.' }],
        });
      }
      const { user: me } = await loadProfile(db, claims);
      assertAcceptablePassword(input.newPassword, me, 'newPassword');
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, claims.userId));
        const revoked = await revokeAllSessions(tx, claims.userId);
        await recordAudit(tx, { kind: 'auth.password-changed', userId: claims.userId, companyId: claims.companyId, origin, details: { refreshTokensRevoked: revoked } });
      });
      return finishSignIn(claims, origin, 'password-change');
    },

    /**
     * An administrator creates a colleague's account and membership (issue 5: QA needs an author,
     * a reviewer and an approver who are different people). Invitations (company.invite) are the
     * way for people to choose their own password; this stays for the existing tools and tests.
     */
    async addMember(claims: AccessClaims, input: AddMemberInput): Promise<{ userId: string }> {
      // The role is read from the membership, not the token, so a demoted admin cannot add anyone.
      const { user: me } = await loadProfile(db, claims);
      if (me.role !== 'admin') throw new AppError('auth/forbidden', 'Only an administrator can add people to the company.');
      assertAcceptablePassword(input.password, input);
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const user = await insertUser(tx, input.email, input.name, passwordHash, 'An account with this email already exists.');
        await tx.insert(memberships).values({ companyId: claims.companyId, userId: user.id, role: input.role });
        return { userId: user.id };
      });
    },

    me(claims: AccessClaims): Promise<{ user: SessionUser; company: SessionCompany }> {
      return loadProfile(db, claims);
    },

    /** Parses an `Authorization: Bearer <jwt>` header (RFC 6750 §2.1). */
    async authenticate(authorization: string | null | undefined): Promise<AccessClaims> {
      const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization?.trim() ?? '');
      if (!match?.[1]) throw new AppError('auth/unauthenticated', 'Sign in to continue.');
      const claims = await verifyAccessToken(match[1], jwtSecret);
      if (claims.sessionId && !(await sessionIsLive(db, claims.sessionId))) {
        throw new AppError('auth/token-invalid', 'This sign-in was ended (signed out, or signed out everywhere). Sign in again.');
      }
      return claims;
    },
  };
}

async function firstMembership(db: Executor, userId: string) {
  // A person in several companies signs in to the oldest membership until company switching exists.
  const [row] = await db
    .select({ role: memberships.role, company: { id: companies.id, name: companies.name } })
    .from(memberships)
    .innerJoin(companies, eq(companies.id, memberships.companyId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return row;
}

/** The current profile (email decrypted); the role is read from the membership, so a changed role shows at once. */
export async function loadProfileOf(db: Executor, pii: PiiCodec, who: { userId: string; companyId: string }): Promise<{ user: SessionUser; company: SessionCompany }> {
  const [row] = await db
    .select({
      user: { id: users.id, email: users.email, name: users.name },
      role: memberships.role,
      company: { id: companies.id, name: companies.name },
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(companies, eq(companies.id, memberships.companyId))
    .where(and(eq(memberships.userId, who.userId), eq(memberships.companyId, who.companyId)));
  if (!row) throw new AppError('auth/unauthenticated', 'Your account is no longer a member of this company. Sign in again.');
  return { user: { ...row.user, email: pii.open('users.email', row.user.id, row.user.email), role: row.role }, company: row.company };
}

/** A sign-in is live while its refresh-token family has a token that was not revoked (one indexed lookup). */
async function sessionIsLive(db: Executor, familyId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: refreshTokens.id })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
    .limit(1);
  return row !== undefined;
}
