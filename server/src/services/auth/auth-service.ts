import { and, asc, eq } from 'drizzle-orm';
import type {
  AddMemberInput,
  RefreshInput,
  RegisterInput,
  SessionCompany,
  SessionTokens,
  SessionUser,
  SignInInput,
} from '../../../../shared/auth/schemas';
import { AppError } from '../../../../shared/errors';
import type { ServerConfig } from '../../config';
import type { Database, Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { companies, companyVersions, memberships, users } from '../../db/schema/index';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { issueRefreshToken, revokeFamilyOfToken, rotateRefreshToken, type IssuedRefreshToken } from './refresh-tokens';
import { signAccessToken, verifyAccessToken, type AccessClaims } from './tokens';

export interface AuthServiceOptions {
  db: Database;
  config: Pick<ServerConfig, 'accessTokenTtlSeconds' | 'refreshTokenTtlDays'>;
  jwtSecret: Uint8Array;
}

export type AuthService = ReturnType<typeof createAuthService>;

// One message for "no such email" and "wrong password" (OWASP Authentication Cheat Sheet:
// generic error messages), so sign-in cannot be used to learn which emails have accounts.
const INVALID_CREDENTIALS = 'The email or password is incorrect.';

export function createAuthService({ db, config, jwtSecret }: AuthServiceOptions) {
  async function session(user: SessionUser, company: SessionCompany, refresh: IssuedRefreshToken): Promise<SessionTokens> {
    const access = await signAccessToken({ userId: user.id, companyId: company.id, role: user.role }, jwtSecret, config.accessTokenTtlSeconds);
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt.toISOString(),
      user,
      company,
    };
  }

  return {
    /** Creates the company, its first user (admin) and the membership atomically. */
    async register(input: RegisterInput): Promise<SessionTokens> {
      // Hash outside the transaction: it is deliberately slow and must not hold a connection.
      const passwordHash = await hashPassword(input.password);
      try {
        const created = await db.transaction(async (tx) => {
          const [company] = await tx.insert(companies).values({ name: input.companyName }).returning();
          const [user] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash }).returning();
          if (!company || !user) throw new Error('insert returned no row');
          await tx.insert(memberships).values({ companyId: company.id, userId: user.id, role: 'admin' });
          await tx.insert(companyVersions).values({ companyId: company.id, version: 0 });
          const refresh = await issueRefreshToken(tx, { companyId: company.id, userId: user.id }, config.refreshTokenTtlDays);
          return { company, user, refresh };
        });
        const { company, user, refresh } = created;
        return session({ id: user.id, email: user.email, name: user.name, role: 'admin' }, { id: company.id, name: company.name }, refresh);
      } catch (err) {
        if (isUniqueViolation(err, 'users_email_unique')) {
          throw new AppError('auth/email-taken', 'An account with this email already exists. Sign in instead.', {
            issues: [{ path: 'email', message: 'An account with this email already exists.' }],
          });
        }
        throw err;
      }
    },

    async signIn(input: SignInInput): Promise<SessionTokens> {
      const [user] = await db.select().from(users).where(eq(users.email, input.email));
      const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
      if (!user || !ok) throw new AppError('auth/invalid-credentials', INVALID_CREDENTIALS);
      const member = await firstMembership(db, user.id);
      if (!member) throw new AppError('auth/invalid-credentials', INVALID_CREDENTIALS);
      const refresh = await issueRefreshToken(db, { companyId: member.company.id, userId: user.id }, config.refreshTokenTtlDays);
      return session({ id: user.id, email: user.email, name: user.name, role: member.role }, member.company, refresh);
    },

    async refresh({ refreshToken }: RefreshInput): Promise<SessionTokens> {
      const result = await db.transaction((tx) => rotateRefreshToken(tx, refreshToken, config.refreshTokenTtlDays));
      if (!result.ok && result.reason === 'reused') {
        throw new AppError('auth/refresh-reused', 'This sign-in was used from somewhere else, so it has been ended for safety. Sign in again.');
      }
      if (!result.ok) throw new AppError('auth/refresh-invalid', 'Your session has ended. Sign in again.');
      const { user, company } = await loadProfile(db, result);
      return session(user, company, result.issued);
    },

    async signOut({ refreshToken }: RefreshInput): Promise<{ ok: true }> {
      await revokeFamilyOfToken(db, refreshToken);
      return { ok: true };
    },

    /**
     * An administrator creates a colleague's account and membership (issue 5: QA needs an author,
     * a reviewer and an approver who are different people). Issue 6 replaces this with
     * invitations, so the new member chooses their own password and no one else ever knows it.
     */
    async addMember(claims: AccessClaims, input: AddMemberInput): Promise<{ userId: string }> {
      // The role is read from the membership, not the token, so a demoted admin cannot add anyone.
      const { user: me } = await loadProfile(db, claims);
      if (me.role !== 'admin') throw new AppError('auth/forbidden', 'Only an administrator can add people to the company.');
      const passwordHash = await hashPassword(input.password);
      try {
        return await db.transaction(async (tx) => {
          const [user] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash }).returning({ id: users.id });
          if (!user) throw new Error('insert returned no row');
          await tx.insert(memberships).values({ companyId: claims.companyId, userId: user.id, role: input.role });
          return { userId: user.id };
        });
      } catch (err) {
        if (isUniqueViolation(err, 'users_email_unique')) {
          throw new AppError('auth/email-taken', 'An account with this email already exists.', {
            issues: [{ path: 'email', message: 'An account with this email already exists.' }],
          });
        }
        throw err;
      }
    },

    me(claims: AccessClaims): Promise<{ user: SessionUser; company: SessionCompany }> {
      return loadProfile(db, claims);
    },

    /** Parses an `Authorization: Bearer <jwt>` header (RFC 6750 §2.1). */
    async authenticate(authorization: string | null | undefined): Promise<AccessClaims> {
      const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization?.trim() ?? '');
      if (!match?.[1]) throw new AppError('auth/unauthenticated', 'Sign in to continue.');
      return verifyAccessToken(match[1], jwtSecret);
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

/** The current profile; the role is read from the membership, so a changed role shows at once. */
async function loadProfile(db: Executor, who: { userId: string; companyId: string }): Promise<{ user: SessionUser; company: SessionCompany }> {
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
  return { user: { ...row.user, role: row.role }, company: row.company };
}
