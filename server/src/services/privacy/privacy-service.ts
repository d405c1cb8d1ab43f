import { and, asc, eq, sql } from 'drizzle-orm';
import type { ProfileView } from '../../../../shared/auth/privacy-schemas';
import { AppError } from '../../../../shared/errors';
import type { Database, Executor } from '../../db/client';
import { auditEvents, companies, invitations, ledgerEntries, memberships, mfaBackupCodes, refreshTokens, signingKeys, trustedDevices, userMfa, users } from '../../db/schema/index';
import { recordAudit, type RequestOrigin } from '../audit/audit-log';
import type { AccessClaims } from '../auth/tokens';
import type { PiiCodec } from './pii';

export type PrivacyService = ReturnType<typeof createPrivacyService>;
type Origin = Partial<RequestOrigin>;

export interface PrivacyServiceOptions {
  db: Database;
  pii: PiiCodec;
  now?: () => Date;
}

/**
 * The person's own data (issue 6, GDPR): their profile (Art. 16 rectification) and a complete
 * export of what Atlas holds about them (Art. 15 access, Art. 20 portability). Erasure (Art. 17)
 * is an administrator's act: company-service.ts eraseMember.
 */
export function createPrivacyService({ db, pii, now = () => new Date() }: PrivacyServiceOptions) {
  async function profileOf(tx: Executor, userId: string): Promise<ProfileView> {
    const [row] = await tx.select({ id: users.id, name: users.name, email: users.email, phone: users.phone }).from(users).where(eq(users.id, userId));
    if (!row) throw new AppError('auth/unauthenticated', 'Your account no longer exists. Sign in again.');
    return { userId: row.id, name: row.name, email: pii.open('users.email', row.id, row.email), phone: pii.openNullable('users.phone', row.id, row.phone) };
  }

  /** Only a current member of the token's company gets an answer (a removed member's token is refused at once). */
  async function requireMember(tx: Executor, claims: AccessClaims): Promise<void> {
    const [row] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.companyId, claims.companyId), eq(memberships.userId, claims.userId)));
    if (!row) throw new AppError('auth/unauthenticated', 'Your account is no longer a member of this company. Sign in again.');
  }

  return {
    async profile(claims: AccessClaims): Promise<ProfileView> {
      await requireMember(db, claims);
      return profileOf(db, claims.userId);
    },

    /** Name and phone; the email is the sign-in identifier and changes through its own (future) flow. */
    async updateProfile(claims: AccessClaims, input: { name?: string | undefined; phone?: string | null | undefined }, origin: Partial<RequestOrigin> = {}): Promise<ProfileView> {
      await requireMember(db, claims);
      const set: { name?: string; phone?: string | null } = {};
      if (input.name !== undefined) set.name = input.name;
      if (input.phone !== undefined) set.phone = pii.sealNullable('users.phone', claims.userId, input.phone || null);
      const fields = Object.keys(set);
      if (fields.length > 0) {
        await db.transaction(async (tx) => {
          await tx.update(users).set(set).where(eq(users.id, claims.userId));
          // Which fields changed, never their values (they are personal data).
          await recordAudit(tx, { kind: 'data.pii-changed', companyId: claims.companyId, userId: claims.userId, origin, details: { what: 'profile', fields } });
        });
      }
      return profileOf(db, claims.userId);
    },

    /**
     * Everything about the signed-in person, as one JSON document: profile, memberships and roles,
     * sessions (times only: token hashes are security material, not personal data of use to them),
     * trusted devices, whether MFA is on (never the secret or backup-code hashes), the security
     * audit events about them, the ledger entries they made (QA records and signatures, signing
     * keys) and the invitations they sent (without the invitees' emails: another person's data,
     * Art. 15(4)). Recorded as 'data.export'.
     */
    async exportMyData(claims: AccessClaims, origin: Origin = {}): Promise<{ fileName: string; json: string }> {
      await requireMember(db, claims);
      const userId = claims.userId;
      const profile = await profileOf(db, userId);
      const [created] = await db.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, userId));
      const memberRows = await db
        .select({ companyId: companies.id, companyName: companies.name, role: memberships.role, since: memberships.createdAt })
        .from(memberships)
        .innerJoin(companies, eq(companies.id, memberships.companyId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(memberships.createdAt));
      const sessions = await db
        .select({ id: refreshTokens.id, companyId: refreshTokens.companyId, sessionId: refreshTokens.familyId, createdAt: refreshTokens.createdAt, expiresAt: refreshTokens.expiresAt, usedAt: refreshTokens.usedAt, revokedAt: refreshTokens.revokedAt })
        .from(refreshTokens)
        .where(eq(refreshTokens.userId, userId))
        .orderBy(asc(refreshTokens.createdAt));
      const devices = await db
        .select({ id: trustedDevices.id, label: trustedDevices.label, createdAt: trustedDevices.createdAt, expiresAt: trustedDevices.expiresAt, lastUsedAt: trustedDevices.lastUsedAt, revokedAt: trustedDevices.revokedAt })
        .from(trustedDevices)
        .where(eq(trustedDevices.userId, userId))
        .orderBy(asc(trustedDevices.createdAt));
      const [mfa] = await db.select({ confirmedAt: userMfa.confirmedAt }).from(userMfa).where(eq(userMfa.userId, userId));
      const backupLeft = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(mfaBackupCodes)
        .where(and(eq(mfaBackupCodes.userId, userId), sql`${mfaBackupCodes.usedAt} is null`));
      const audit = await db
        .select({ id: auditEvents.id, at: auditEvents.createdAt, kind: auditEvents.kind, severity: auditEvents.severity, companyId: auditEvents.companyId, ip: auditEvents.ip, userAgent: auditEvents.userAgent, requestId: auditEvents.requestId, details: auditEvents.details })
        .from(auditEvents)
        .where(eq(auditEvents.userId, userId))
        .orderBy(asc(auditEvents.createdAt));
      // The ledger entries whose actor is this person (their QA records, signatures and keys).
      const ledger = await db
        .select({ companyId: ledgerEntries.companyId, seq: ledgerEntries.seq, entry: ledgerEntries.entry, createdAt: ledgerEntries.createdAt })
        .from(ledgerEntries)
        .where(sql`${ledgerEntries.entry} -> 'actor' ->> 'userId' = ${userId}`)
        .orderBy(asc(ledgerEntries.companyId), asc(ledgerEntries.seq));
      const keys = await db
        .select({ companyId: signingKeys.companyId, keyId: signingKeys.keyId, printedName: signingKeys.printedName, publicKey: signingKeys.publicKey, registeredAt: signingKeys.registeredAt, revokedReason: signingKeys.revokedReason })
        .from(signingKeys)
        .where(eq(signingKeys.userId, userId));
      const sent = await db
        .select({ id: invitations.id, companyId: invitations.companyId, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt })
        .from(invitations)
        .where(eq(invitations.invitedBy, userId))
        .orderBy(asc(invitations.createdAt));
      const at = now();
      const document = {
        format: 'atlas-personal-data-export/v1',
        exportedAt: at.toISOString(),
        legalBasis: 'GDPR Art. 15 (right of access) and Art. 20 (data portability)',
        profile: { ...profile, createdAt: created?.createdAt.toISOString() ?? null },
        memberships: memberRows.map((m) => ({ ...m, since: m.since.toISOString() })),
        sessions: sessions.map((s) => ({ ...s, createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt.toISOString(), usedAt: iso(s.usedAt), revokedAt: iso(s.revokedAt) })),
        trustedDevices: devices.map((d) => ({ ...d, createdAt: d.createdAt.toISOString(), expiresAt: d.expiresAt.toISOString(), lastUsedAt: iso(d.lastUsedAt), revokedAt: iso(d.revokedAt) })),
        mfa: { enabled: mfa?.confirmedAt != null, enabledAt: iso(mfa?.confirmedAt ?? null), backupCodesLeft: backupLeft[0]?.n ?? 0 },
        auditEvents: audit.map((e) => ({ ...e, at: e.at.toISOString() })),
        signingKeys: keys.map((k) => ({ ...k, registeredAt: k.registeredAt.toISOString() })),
        ledgerEntries: ledger.map((l) => ({ companyId: l.companyId, seq: l.seq, recordedAt: l.createdAt.toISOString(), entry: l.entry })),
        invitationsSent: sent.map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString(), acceptedAt: iso(i.acceptedAt), revokedAt: iso(i.revokedAt) })),
      };
      await recordAudit(db, { kind: 'data.export', companyId: claims.companyId, userId, origin, details: { what: 'personal-data', ledgerEntries: ledger.length, auditEvents: audit.length } });
      return { fileName: `atlas-personal-data-${at.toISOString().slice(0, 10)}.json`, json: JSON.stringify(document, null, 2) };
    },
  };
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}
