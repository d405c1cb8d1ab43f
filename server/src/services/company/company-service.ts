import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm';
import type { SignInResult } from '../../../../shared/auth/mfa-schemas';
import type { CompanyProfileView } from '../../../../shared/auth/privacy-schemas';
import type { Role } from '../../../../shared/auth/schemas';
import { AppError } from '../../../../shared/errors';
import type { Database, Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { companies, invitations, memberships, mfaBackupCodes, mfaFailures, trustedDevices, userMfa, users } from '../../db/schema/index';
import { recordAudit, type RequestOrigin } from '../audit/audit-log';
import type { AuthService } from '../auth/auth-service';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../auth/password';
import { assertAcceptablePassword } from '../auth/password-blocklist';
import type { AccessClaims } from '../auth/tokens';
import type { PiiCodec } from '../privacy/pii';

/**
 * Company administration (issue 6): the MFA requirement, members and their roles, invitations.
 * Every permission is read from the caller's membership row, never from the access token's role
 * claim, so a demotion or removal takes effect at once (OWASP ASVS 5.0 8.2.1, 8.3.1).
 */
export const INVITATION_DAYS = 7;
const DAY_MS = 86_400_000;
type Origin = Partial<RequestOrigin>;

export type CompanyService = ReturnType<typeof createCompanyService>;

export interface CompanyServiceOptions {
  db: Database;
  auth: AuthService;
  /** Encryption and blind index of the PII columns (emails, company address and licence number). */
  pii: PiiCodec;
  now?: () => Date;
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function invitationView(pii: PiiCodec, row: typeof invitations.$inferSelect) {
  return {
    id: row.id,
    email: pii.open('invitations.email', row.id, row.email),
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

const INVALID_INVITATION = 'This invitation link is not valid: it may have expired, been used already or been withdrawn. Ask your administrator for a new one.';

export function createCompanyService({ db, auth, pii, now = () => new Date() }: CompanyServiceOptions) {
  const companyProfile = (tx: Executor, companyId: string) => companyProfileOf(tx, pii, companyId);
  /** The caller's current role in the company (membership row), or a refusal. */
  async function roleOf(tx: Executor, claims: AccessClaims): Promise<Role> {
    const [row] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.companyId, claims.companyId), eq(memberships.userId, claims.userId)));
    if (!row) throw new AppError('auth/unauthenticated', 'Your account is no longer a member of this company. Sign in again.');
    return row.role;
  }

  async function requireRole(tx: Executor, claims: AccessClaims, allowed: readonly Role[], what: string): Promise<Role> {
    const role = await roleOf(tx, claims);
    if (!allowed.includes(role)) throw new AppError('auth/forbidden', `Only ${allowed.length === 1 ? 'an administrator' : 'an administrator or auditor'} can ${what}.`);
    return role;
  }

  /**
   * Locks the company's memberships (FOR UPDATE) and refuses a change that would leave it without
   * an administrator; concurrent demotions of the last two admins are serialised by the lock.
   */
  async function keepAnAdmin(tx: Executor, companyId: string, userId: string): Promise<Role> {
    const rows = await tx.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.companyId, companyId)).for('update');
    const target = rows.find((r) => r.userId === userId);
    if (!target) throw new AppError('not-found', 'That person is not a member of this company.');
    if (target.role === 'admin' && rows.filter((r) => r.role === 'admin').length <= 1) {
      throw new AppError('auth/forbidden', 'The company must keep at least one administrator. Make someone else an administrator first.');
    }
    return target.role;
  }

  return {
    async settings(claims: AccessClaims): Promise<{ mfaRequired: boolean }> {
      await roleOf(db, claims);
      const [row] = await db.select({ mfaRequired: companies.mfaRequired }).from(companies).where(eq(companies.id, claims.companyId));
      return { mfaRequired: row?.mfaRequired ?? false };
    },

    async setMfaRequired(claims: AccessClaims, required: boolean, origin: Origin = {}): Promise<{ mfaRequired: boolean }> {
      await db.transaction(async (tx) => {
        await requireRole(tx, claims, ['admin'], 'change whether two-step verification is required');
        await tx.update(companies).set({ mfaRequired: required }).where(eq(companies.id, claims.companyId));
        await recordAudit(tx, { kind: 'company.mfa-required-changed', companyId: claims.companyId, userId: claims.userId, origin, details: { required } });
      });
      return { mfaRequired: required };
    },

    /**
     * The members with their (decrypted) emails. Reading personal data is itself recorded: one
     * 'data.pii-read' event per listing, not per row (issue 6 audit events: data access to PII).
     */
    async members(claims: AccessClaims, origin: Origin = {}) {
      await requireRole(db, claims, ['admin', 'auditor'], 'see the members of the company');
      const rows = await db
        .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt, confirmedAt: userMfa.confirmedAt })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .leftJoin(userMfa, eq(userMfa.userId, memberships.userId))
        .where(eq(memberships.companyId, claims.companyId))
        .orderBy(asc(memberships.createdAt));
      const view = rows.map((r) => ({ userId: r.userId, name: r.name, email: pii.open('users.email', r.userId, r.email), role: r.role, mfaEnabled: r.confirmedAt !== null, joinedAt: r.joinedAt.toISOString() }));
      await recordAudit(db, { kind: 'data.pii-read', companyId: claims.companyId, userId: claims.userId, origin, details: { what: 'members', fields: ['email'], rows: view.length } });
      return view;
    },

    /** Creates an invitation; the token is returned once here and stored only as its SHA-256. */
    async invite(claims: AccessClaims, input: { email: string; role: Role }, origin: Origin = {}) {
      const token = randomBytes(32).toString('base64url');
      const at = now();
      const row = await db.transaction(async (tx) => {
        await requireRole(tx, claims, ['admin'], 'invite people');
        const [already] = await tx
          .select({ userId: users.id })
          .from(users)
          .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.companyId, claims.companyId)))
          .where(inArray(users.emailIndex, pii.indexCandidates('users.email', input.email)));
        if (already) {
          throw new AppError('validation/invalid-input', 'This person is already a member of the company. Change their role instead.', { issues: [{ path: 'email', message: 'Already a member.' }] });
        }
        const id = randomUUID();
        const [created] = await tx
          .insert(invitations)
          .values({ id, companyId: claims.companyId, email: pii.seal('invitations.email', id, input.email), emailIndex: pii.index('invitations.email', input.email), role: input.role, tokenHash: hashInvitationToken(token), invitedBy: claims.userId, expiresAt: new Date(at.getTime() + INVITATION_DAYS * DAY_MS), createdAt: at })
          .returning();
        if (!created) throw new Error('insert into invitations returned no row');
        await recordAudit(tx, { kind: 'company.member-invited', companyId: claims.companyId, userId: claims.userId, origin, details: { invitationId: created.id, role: input.role } });
        return created;
      });
      return { invitation: invitationView(pii, row), token };
    },

    async invitations(claims: AccessClaims, origin: Origin = {}) {
      await requireRole(db, claims, ['admin', 'auditor'], 'see the invitations');
      const rows = await db.select().from(invitations).where(eq(invitations.companyId, claims.companyId)).orderBy(desc(invitations.createdAt));
      const view = rows.map((row) => invitationView(pii, row));
      await recordAudit(db, { kind: 'data.pii-read', companyId: claims.companyId, userId: claims.userId, origin, details: { what: 'invitations', fields: ['email'], rows: view.length } });
      return view;
    },

    async revokeInvitation(claims: AccessClaims, id: string): Promise<{ ok: true }> {
      await requireRole(db, claims, ['admin'], 'withdraw invitations');
      const rows = await db
        .update(invitations)
        .set({ revokedAt: now() })
        .where(and(eq(invitations.id, id), eq(invitations.companyId, claims.companyId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
        .returning({ id: invitations.id });
      if (rows.length === 0) throw new AppError('not-found', 'No open invitation with this id in your company (it may have been accepted or withdrawn).');
      return { ok: true };
    },

    /**
     * Public: the invitee chooses their own password (nobody else ever knows it). A new email
     * becomes a new account; an email that already has an account joins with that account's
     * password. The invitation is spent by a conditional UPDATE, so it works once even if raced.
     * The sign-in then follows the company's MFA policy (it may answer mfa-enrolment-required).
     */
    async acceptInvite(input: { token: string; name: string; password: string }, origin: Origin = {}): Promise<SignInResult> {
      const tokenHash = hashInvitationToken(input.token);
      const at = now();
      const [open] = await db
        .select()
        .from(invitations)
        .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, at)));
      if (!open) {
        await verifyAgainstDummy(input.password); // same cost as the real path
        throw new AppError('auth/invitation-invalid', INVALID_INVITATION);
      }
      const email = pii.open('invitations.email', open.id, open.email);
      const [existing] = await db.select().from(users).where(inArray(users.emailIndex, pii.indexCandidates('users.email', email)));
      if (!existing) assertAcceptablePassword(input.password, { email, name: input.name });
      const passwordHash = existing ? null : await hashPassword(input.password);
      if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
        throw new AppError('auth/invalid-credentials', 'An account with this email already exists: enter its password to join the company.', {
          issues: [{ path: 'password', message: 'Enter the password of your existing account.' }],
        });
      }
      let userId: string;
      try {
        userId = await db.transaction(async (tx) => {
          const spent = await tx
            .update(invitations)
            .set({ acceptedAt: at })
            .where(and(eq(invitations.id, open.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
            .returning({ id: invitations.id });
          if (spent.length === 0) throw new AppError('auth/invitation-invalid', INVALID_INVITATION);
          let id = existing?.id;
          if (!id) {
            const [user] = await tx.insert(users).values(auth.newUser(email, input.name, passwordHash as string)).returning({ id: users.id });
            if (!user) throw new Error('insert into users returned no row');
            id = user.id;
          }
          await tx.insert(memberships).values({ companyId: open.companyId, userId: id, role: open.role }).onConflictDoNothing();
          await tx.update(invitations).set({ acceptedBy: id }).where(eq(invitations.id, open.id));
          await recordAudit(tx, { kind: 'company.member-joined', companyId: open.companyId, userId: id, origin, details: { invitationId: open.id, role: open.role } });
          return id;
        });
      } catch (err) {
        if (isUniqueViolation(err, 'users_email_index_unique')) throw new AppError('auth/invitation-invalid', INVALID_INVITATION, { cause: err });
        throw err;
      }
      return auth.continueSignIn({ userId, companyId: open.companyId }, origin, 'invitation');
    },

    async setRole(claims: AccessClaims, input: { userId: string; role: Role }, origin: Origin = {}): Promise<{ ok: true }> {
      await db.transaction(async (tx) => {
        await requireRole(tx, claims, ['admin'], 'change roles');
        const before = input.role === 'admin' ? await currentRole(tx, claims.companyId, input.userId) : await keepAnAdmin(tx, claims.companyId, input.userId);
        await tx.update(memberships).set({ role: input.role }).where(and(eq(memberships.companyId, claims.companyId), eq(memberships.userId, input.userId)));
        await recordAudit(tx, { kind: 'company.role-changed', companyId: claims.companyId, userId: claims.userId, origin, details: { targetUserId: input.userId, from: before, to: input.role } });
      });
      return { ok: true };
    },

    /** Removes a member and ends their sessions in this company at once. */
    async removeMember(claims: AccessClaims, input: { userId: string }, origin: Origin = {}): Promise<{ ok: true }> {
      await db.transaction(async (tx) => {
        await requireRole(tx, claims, ['admin'], 'remove members');
        const role = await keepAnAdmin(tx, claims.companyId, input.userId);
        await tx.delete(memberships).where(and(eq(memberships.companyId, claims.companyId), eq(memberships.userId, input.userId)));
        const revoked = await auth.revokeAllSessions(tx, input.userId, claims.companyId);
        await recordAudit(tx, { kind: 'company.member-removed', companyId: claims.companyId, userId: claims.userId, origin, details: { targetUserId: input.userId, role, refreshTokensRevoked: revoked } });
      });
      return { ok: true };
    },

    /** The company's address and licence number (decrypted); administrators only, as they change them. */
    async profile(claims: AccessClaims): Promise<CompanyProfileView> {
      await requireRole(db, claims, ['admin'], 'see the company’s address and licence number');
      return companyProfile(db, claims.companyId);
    },

    async updateProfile(claims: AccessClaims, input: { address?: string | null | undefined; licenceNumber?: string | null | undefined }, origin: Origin = {}): Promise<CompanyProfileView> {
      await db.transaction(async (tx) => {
        await requireRole(tx, claims, ['admin'], 'change the company’s address and licence number');
        const set: { address?: string | null; licenceNumber?: string | null } = {};
        // An empty text clears the field, like null; undefined leaves it as it is.
        if (input.address !== undefined) set.address = pii.sealNullable('companies.address', claims.companyId, input.address || null);
        if (input.licenceNumber !== undefined) set.licenceNumber = pii.sealNullable('companies.licence_number', claims.companyId, input.licenceNumber || null);
        const fields = Object.keys(set);
        if (fields.length === 0) return;
        await tx.update(companies).set(set).where(eq(companies.id, claims.companyId));
        await recordAudit(tx, { kind: 'data.pii-changed', companyId: claims.companyId, userId: claims.userId, origin, details: { what: 'company-profile', fields } });
      });
      return companyProfile(db, claims.companyId);
    },

    /**
     * GDPR Art. 17 erasure of a member, run by an administrator on the person's request. The
     * account is pseudonymised, not deleted: name → "Erased user <8 hex>", email → a non-routable
     * `erased-<id>@invalid` (RFC 2606 §2) with a fresh blind index, phone removed, the password hash
     * replaced by a value no password verifies against, MFA and trusted devices deleted, every
     * session revoked, and the membership removed.
     *
     * Regulated records are deliberately left untouched: ledger_entries (append-only, refused by
     * triggers anyway), the QA signatures and signing keys in them, stock movements and qa_ops keep
     * the user id and the printed name that was signed. 21 CFR 11.10(e) requires audit trails to be
     * retained and 11.50/11.70 signatures to stay linked to their records, and GDPR Art. 17(3)(b)
     * exempts data kept to comply with a legal obligation — so the person stays identifiable there,
     * as the regulation requires, while the account itself no longer holds their contact data.
     */
    async eraseMember(claims: AccessClaims, input: { userId: string; reason: string }, origin: Origin = {}): Promise<{ userId: string; pseudonym: string }> {
      const pseudonym = `Erased user ${randomBytes(4).toString('hex')}`;
      const pseudonymEmail = `erased-${input.userId}@invalid`;
      // Not a PHC string: argon2 verification of any password against it fails (verifyPassword returns false).
      const unusableHash = `!erased!${randomBytes(32).toString('base64url')}`;
      await db.transaction(async (tx) => {
        await requireRole(tx, claims, ['admin'], 'erase a member’s personal data');
        const role = await keepAnAdmin(tx, claims.companyId, input.userId);
        const elsewhere = await tx
          .select({ companyId: memberships.companyId })
          .from(memberships)
          .where(and(eq(memberships.userId, input.userId), ne(memberships.companyId, claims.companyId)))
          .limit(1);
        if (elsewhere.length > 0) {
          // The account is shared with another company, whose records and access it would also change.
          throw new AppError('auth/forbidden', 'This person also belongs to another company, so their account cannot be erased from here. Remove them from your company instead (Remove member).');
        }
        const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId)).for('update');
        if (!user) throw new AppError('not-found', 'That person is not a member of this company.');
        const oldEmail = pii.open('users.email', input.userId, user.email);
        await tx
          .update(users)
          .set({ name: pseudonym, email: pii.seal('users.email', input.userId, pseudonymEmail), emailIndex: pii.index('users.email', pseudonymEmail), phone: null, passwordHash: unusableHash })
          .where(eq(users.id, input.userId));
        await tx.delete(mfaBackupCodes).where(eq(mfaBackupCodes.userId, input.userId));
        await tx.delete(mfaFailures).where(eq(mfaFailures.userId, input.userId));
        await tx.delete(userMfa).where(eq(userMfa.userId, input.userId));
        await tx.delete(trustedDevices).where(eq(trustedDevices.userId, input.userId));
        const revoked = await auth.revokeAllSessions(tx, input.userId);
        await tx.delete(memberships).where(and(eq(memberships.companyId, claims.companyId), eq(memberships.userId, input.userId)));
        // Invitations addressed to them carry their email too.
        const invited = await tx
          .select({ id: invitations.id })
          .from(invitations)
          .where(or(inArray(invitations.emailIndex, pii.indexCandidates('invitations.email', oldEmail)), eq(invitations.acceptedBy, input.userId)));
        for (const inv of invited) {
          await tx
            .update(invitations)
            .set({ email: pii.seal('invitations.email', inv.id, pseudonymEmail), emailIndex: pii.index('invitations.email', pseudonymEmail) })
            .where(eq(invitations.id, inv.id));
        }
        await recordAudit(tx, {
          kind: 'company.member-removed',
          companyId: claims.companyId,
          userId: claims.userId,
          origin,
          details: { targetUserId: input.userId, role, erased: true, reason: input.reason, refreshTokensRevoked: revoked },
        });
      });
      return { userId: input.userId, pseudonym };
    },
  };
}

async function companyProfileOf(db: Executor, pii: PiiCodec, companyId: string): Promise<CompanyProfileView> {
  const [row] = await db.select({ name: companies.name, address: companies.address, licenceNumber: companies.licenceNumber }).from(companies).where(eq(companies.id, companyId));
  if (!row) throw new AppError('not-found', 'This company no longer exists.');
  return {
    companyId,
    name: row.name,
    address: pii.openNullable('companies.address', companyId, row.address),
    licenceNumber: pii.openNullable('companies.licence_number', companyId, row.licenceNumber),
  };
}

async function currentRole(tx: Executor, companyId: string, userId: string): Promise<Role> {
  const [row] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.companyId, companyId), eq(memberships.userId, userId)));
  if (!row) throw new AppError('not-found', 'That person is not a member of this company.');
  return row.role;
}
