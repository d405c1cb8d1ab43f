import { createHash, createHmac, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import {
  BACKUP_CODE,
  BACKUP_CODE_COUNT,
  MFA_MAX_ATTEMPTS,
  MFA_WINDOW_SECONDS,
  TOTP_CODE,
  TRUSTED_DEVICE_DAYS,
  type MfaEnrolment,
} from '../../../../shared/auth/mfa-schemas';
import { AppError } from '../../../../shared/errors';
import type { Database, Executor, Transaction } from '../../db/client';
import { mfaBackupCodes, mfaFailures, trustedDevices, userMfa } from '../../db/schema/index';
import { recordAudit, type RequestOrigin } from '../audit/audit-log';
import { base32Decode, base32Encode } from '../security/base32';
import { decryptField, encryptField, type FieldKeyring } from '../security/field-crypto';
import { newTotpSecret, otpauthUri, verifyTotp } from '../security/totp';

/**
 * TOTP MFA (RFC 6238), backup codes, trusted devices and the MFA throttle (issue 6). Every
 * clock reading goes through `now`, so tests control time steps and the throttle window.
 */
export const MFA_ISSUER = 'Atlas';
const DAY_MS = 86_400_000;
const SECRET_COLUMN = 'user_mfa.totp_secret';

/** Who is acting and from where, for the audit events written alongside. */
export interface MfaAuditContext {
  companyId: string | null;
  origin: Partial<RequestOrigin>;
}

export type MfaMethod = 'totp' | 'backup-code';

export interface MfaStoreOptions {
  db: Database;
  keyring: FieldKeyring;
  now: () => Date;
}

export type MfaStore = ReturnType<typeof createMfaStore>;

/** SHA-256 of a 256-bit random token (trusted devices): a fast hash suffices for full-entropy secrets. */
export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** `abcd-efgh` → `abcdefgh`, the form that is hashed. */
export function normaliseBackupCode(code: string): string {
  return code.trim().toLowerCase().replace(/[\s-]/g, '');
}

/**
 * Backup codes (look-up secrets, NIST SP 800-63B §5.1.2) are 8 base32 characters from a CSPRNG:
 * 40 bits each (the contract's `xxxx-xxxx` format). They are stored as HMAC-SHA-256 under a key
 * derived from the data key, with the user id in the message (a per-user salt). Why a keyed fast
 * hash and not argon2:
 * - online, guessing is throttled to 5 tries per 5 minutes per person against 10 codes: one try
 *   succeeds with probability 10/2^40 ≈ 1e-11, so a year of guessing has odds below 1e-5;
 * - offline, 40 bits alone would NOT resist a GPU (SP 800-63B §5.1.2.2 asks for a salted KDF below
 *   112 bits): the defence is the secret key, which is not in the database (ATLAS_DATA_KEY comes
 *   from config in production; §5.1.1.2 "secret salt known only to the verifier"). A stolen
 *   database gives nothing to brute-force; with the key stolen too, the TOTP secrets (encrypted
 *   under the same key) are lost anyway, so argon2 on the codes would not change the outcome;
 * - argon2 would cost up to ten memory-hard hashes per try (each code its own salt, so no index
 *   lookup), a denial-of-service lever on a public endpoint.
 * The stored form is `<key id>.<mac>`, so codes survive a data-key rotation.
 */
export function hashBackupCode(keyring: FieldKeyring, keyId: string, userId: string, code: string): string {
  const dataKey = keyring.keys.get(keyId);
  if (!dataKey) throw new AppError('config/invalid', `Data key "${keyId}" is not configured.`);
  const macKey = createHmac('sha256', dataKey).update('atlas/mfa-backup-codes/v1').digest();
  return `${keyId}.${createHmac('sha256', macKey).update(`${userId}\u0000${normaliseBackupCode(code)}`).digest('base64url')}`;
}

function newBackupCode(): string {
  const raw = base32Encode(randomBytes(5)).toLowerCase(); // 5 bytes = exactly 8 base32 characters
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

function groupForReading(base32: string): string {
  return base32.replace(/(.{4})(?=.)/g, '$1 ');
}

export function createMfaStore({ db, keyring, now }: MfaStoreOptions) {
  const unix = (d: Date) => Math.floor(d.getTime() / 1000);

  async function pendingOrActive(tx: Executor, userId: string) {
    const [row] = await tx.select().from(userMfa).where(eq(userMfa.userId, userId));
    return row;
  }

  function secretOf(row: { userId: string; totpSecret: string }): Uint8Array {
    return base32Decode(decryptField(keyring, row.totpSecret, { column: SECRET_COLUMN, rowId: row.userId }));
  }

  async function newBackupCodes(tx: Executor, userId: string): Promise<string[]> {
    await tx.delete(mfaBackupCodes).where(eq(mfaBackupCodes.userId, userId));
    const codes = Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
    await tx.insert(mfaBackupCodes).values(codes.map((c) => ({ userId, codeHash: hashBackupCode(keyring, keyring.activeKeyId, userId, c), createdAt: now() })));
    return codes;
  }

  /** The TOTP check: ±1 step, and never a step at or before the last accepted one (replay). */
  async function checkTotp(tx: Transaction, row: typeof userMfa.$inferSelect, code: string): Promise<boolean> {
    const step = verifyTotp(secretOf(row), code, unix(now()), { lastUsedStep: row.lastUsedStep });
    if (step === null) return false;
    await tx.update(userMfa).set({ lastUsedStep: step }).where(eq(userMfa.userId, row.userId));
    return true;
  }

  async function checkBackupCode(tx: Transaction, userId: string, code: string): Promise<boolean> {
    const candidates = [...keyring.keys.keys()].map((id) => hashBackupCode(keyring, id, userId, code));
    // Conditional update: a code is spent exactly once even when two requests race.
    const spent = await tx
      .update(mfaBackupCodes)
      .set({ usedAt: now() })
      .where(and(eq(mfaBackupCodes.userId, userId), inArray(mfaBackupCodes.codeHash, candidates), isNull(mfaBackupCodes.usedAt)))
      .returning({ id: mfaBackupCodes.id });
    return spent.length > 0;
  }

  /**
   * Runs one code check under the throttle (RFC 6238 §5.2, NIST SP 800-63B §5.2.2): at most
   * MFA_MAX_ATTEMPTS failures per MFA_WINDOW_SECONDS per person, counted in `mfa_failures` so every
   * server instance sees the same count. The person's `user_mfa` row is locked (FOR UPDATE) for
   * the check, so concurrent attempts on several instances are serialised: neither the count nor
   * `last_used_step` can be raced. A success clears the failures (the limit is on consecutive
   * failures). Failures and lockouts are audited in the same transaction.
   */
  async function throttled(userId: string, audit: MfaAuditContext, check: (tx: Transaction, row: typeof userMfa.$inferSelect) => Promise<MfaMethod | null>): Promise<MfaMethod> {
    const at = now();
    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx.select().from(userMfa).where(eq(userMfa.userId, userId)).for('update');
      if (!row) return { kind: 'no-mfa' as const };
      const windowStart = new Date(at.getTime() - MFA_WINDOW_SECONDS * 1000);
      const recent = await tx
        .select({ failedAt: mfaFailures.failedAt })
        .from(mfaFailures)
        .where(and(eq(mfaFailures.userId, userId), gt(mfaFailures.failedAt, windowStart)))
        .orderBy(desc(mfaFailures.failedAt))
        .limit(MFA_MAX_ATTEMPTS);
      const retryAfter = (oldestCounted: Date) => Math.max(1, Math.ceil((oldestCounted.getTime() + MFA_WINDOW_SECONDS * 1000 - at.getTime()) / 1000));
      const base = { companyId: audit.companyId, userId, origin: audit.origin };
      if (recent.length >= MFA_MAX_ATTEMPTS) {
        const wait = retryAfter((recent[MFA_MAX_ATTEMPTS - 1] as { failedAt: Date }).failedAt);
        await recordAudit(tx, { ...base, kind: 'auth.mfa.locked', details: { reason: 'attempt-while-locked', retryAfterSeconds: wait } });
        return { kind: 'locked' as const, wait };
      }
      const method = await check(tx, row);
      if (method) {
        await tx.delete(mfaFailures).where(eq(mfaFailures.userId, userId));
        return { kind: 'ok' as const, method };
      }
      await tx.insert(mfaFailures).values({ userId, failedAt: at });
      const failures = recent.length + 1;
      await recordAudit(tx, { ...base, kind: 'auth.mfa.failed', details: { failures, maxAttempts: MFA_MAX_ATTEMPTS } });
      if (failures >= MFA_MAX_ATTEMPTS) {
        // The window closes when the oldest of the counted failures leaves it.
        const oldest = recent.length >= MFA_MAX_ATTEMPTS - 1 ? (recent[MFA_MAX_ATTEMPTS - 2] as { failedAt: Date }).failedAt : at;
        const wait = retryAfter(oldest);
        await recordAudit(tx, { ...base, kind: 'auth.mfa.locked', details: { failures, retryAfterSeconds: wait } });
        return { kind: 'locked' as const, wait };
      }
      return { kind: 'failed' as const, left: MFA_MAX_ATTEMPTS - failures };
    });
    switch (outcome.kind) {
      case 'ok':
        return outcome.method;
      case 'no-mfa':
        throw new AppError('auth/mfa-invalid', 'Two-step verification is not set up for this account. Start the set-up again.');
      case 'locked':
        throw new AppError('auth/mfa-locked', `Too many wrong codes. Wait ${describeWait(outcome.wait)} before trying again.`, { retryAfterSeconds: outcome.wait });
      case 'failed':
        throw new AppError('auth/mfa-invalid', `That code is not right, or it was already used. Enter the current 6-digit code from your authenticator app or an unused backup code (${outcome.left} ${outcome.left === 1 ? 'try' : 'tries'} left).`, {
          issues: [{ path: 'code', message: 'The code is not right or was already used.' }],
        });
    }
  }

  return {
    /** True when the person has a confirmed authenticator. */
    async isEnabled(userId: string): Promise<boolean> {
      const row = await pendingOrActive(db, userId);
      return Boolean(row?.confirmedAt);
    },

    /** Starts (or restarts) enrolment: a fresh secret, stored encrypted and unconfirmed. */
    async beginEnrolment(userId: string, account: string): Promise<MfaEnrolment> {
      const existing = await pendingOrActive(db, userId);
      if (existing?.confirmedAt) {
        throw new AppError('auth/forbidden', 'Two-step verification is already on for this account. Turn it off first to set up a new authenticator.');
      }
      const { base32 } = newTotpSecret();
      const totpSecret = encryptField(keyring, base32, { column: SECRET_COLUMN, rowId: userId });
      await db
        .insert(userMfa)
        .values({ userId, totpSecret, createdAt: now() })
        .onConflictDoUpdate({ target: userMfa.userId, set: { totpSecret, lastUsedStep: null, createdAt: now() }, setWhere: isNull(userMfa.confirmedAt) });
      const uri = otpauthUri({ issuer: MFA_ISSUER, account, secretBase32: base32 });
      const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
      return { secret: groupForReading(base32), otpauthUri: uri, qrSvg };
    },

    /** Confirms enrolment with a first code (throttled like any other); returns the backup codes, shown once. */
    async confirmEnrolment(userId: string, code: string, audit: MfaAuditContext): Promise<string[]> {
      if (!TOTP_CODE.test(code.replace(/\s/g, ''))) {
        throw new AppError('validation/invalid-input', 'Enter the 6-digit code your authenticator app shows.', { issues: [{ path: 'code', message: 'Enter the 6-digit code.' }] });
      }
      let codes: string[] = [];
      await throttled(userId, audit, async (tx, row) => {
        if (row.confirmedAt) throw new AppError('auth/forbidden', 'Two-step verification is already on for this account.');
        if (!(await checkTotp(tx, row, code))) return null;
        await tx.update(userMfa).set({ confirmedAt: now() }).where(eq(userMfa.userId, userId));
        codes = await newBackupCodes(tx, userId);
        await recordAudit(tx, { kind: 'auth.mfa.enrolled', companyId: audit.companyId, userId, origin: audit.origin });
        return 'totp';
      });
      return codes;
    },

    /** Checks a TOTP code or a backup code of an enrolled person; throws auth/mfa-invalid or auth/mfa-locked. */
    async verify(userId: string, code: string, audit: MfaAuditContext): Promise<MfaMethod> {
      const compact = code.replace(/\s/g, '');
      return throttled(userId, audit, async (tx, row) => {
        if (!row.confirmedAt) return null;
        if (TOTP_CODE.test(compact)) return (await checkTotp(tx, row, compact)) ? 'totp' : null;
        if (BACKUP_CODE.test(compact) && (await checkBackupCode(tx, userId, compact))) {
          const [left] = await tx.select({ n: sql<number>`count(*)::int` }).from(mfaBackupCodes).where(and(eq(mfaBackupCodes.userId, userId), isNull(mfaBackupCodes.usedAt)));
          await recordAudit(tx, { kind: 'auth.mfa.backup-code-used', companyId: audit.companyId, userId, origin: audit.origin, details: { backupCodesLeft: left?.n ?? 0 } });
          return 'backup-code';
        }
        return null;
      });
    },

    async regenerateBackupCodes(userId: string): Promise<string[]> {
      return db.transaction((tx) => newBackupCodes(tx, userId));
    },

    /** Turns MFA off: the authenticator, backup codes and trusted devices go. */
    async disable(userId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.delete(mfaBackupCodes).where(eq(mfaBackupCodes.userId, userId));
        await tx.update(trustedDevices).set({ revokedAt: now() }).where(and(eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)));
        await tx.delete(mfaFailures).where(eq(mfaFailures.userId, userId));
        await tx.delete(userMfa).where(eq(userMfa.userId, userId));
      });
    },

    async status(userId: string) {
      const row = await pendingOrActive(db, userId);
      const [left] = await db.select({ n: sql<number>`count(*)::int` }).from(mfaBackupCodes).where(and(eq(mfaBackupCodes.userId, userId), isNull(mfaBackupCodes.usedAt)));
      const devices = await db
        .select()
        .from(trustedDevices)
        .where(and(eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt), gt(trustedDevices.expiresAt, now())))
        .orderBy(desc(trustedDevices.createdAt));
      return {
        enabled: Boolean(row?.confirmedAt),
        backupCodesLeft: left?.n ?? 0,
        trustedDevices: devices.map((d) => ({
          id: d.id,
          label: d.label,
          createdAt: d.createdAt.toISOString(),
          expiresAt: d.expiresAt.toISOString(),
          lastUsedAt: d.lastUsedAt?.toISOString() ?? null,
        })),
      };
    },

    /** Trusts this device for TRUSTED_DEVICE_DAYS; returns the token (shown once, stored hashed). */
    async trustDevice(tx: Executor, userId: string, label: string | undefined): Promise<{ id: string; token: string }> {
      const token = randomBytes(32).toString('base64url');
      const at = now();
      const [row] = await tx
        .insert(trustedDevices)
        .values({ userId, tokenHash: hashDeviceToken(token), label: label?.trim() || 'Unnamed device', expiresAt: new Date(at.getTime() + TRUSTED_DEVICE_DAYS * DAY_MS), createdAt: at })
        .returning({ id: trustedDevices.id });
      if (!row) throw new Error('insert into trusted_devices returned no row');
      return { id: row.id, token };
    },

    /** True (and `last_used_at` updated) when the token is this person's, unexpired and not revoked. */
    async useTrustedDevice(userId: string, token: string): Promise<string | null> {
      const at = now();
      const [row] = await db
        .update(trustedDevices)
        .set({ lastUsedAt: at })
        .where(and(eq(trustedDevices.tokenHash, hashDeviceToken(token)), eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt), gt(trustedDevices.expiresAt, at)))
        .returning({ id: trustedDevices.id });
      return row?.id ?? null;
    },

    /** Revokes one of the person's devices; false when there is no such (active) device of theirs. */
    async revokeDevice(userId: string, id: string): Promise<boolean> {
      const rows = await db
        .update(trustedDevices)
        .set({ revokedAt: now() })
        .where(and(eq(trustedDevices.id, id), eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)))
        .returning({ id: trustedDevices.id });
      return rows.length > 0;
    },

    async revokeAllDevices(tx: Executor, userId: string): Promise<number> {
      const rows = await tx
        .update(trustedDevices)
        .set({ revokedAt: now() })
        .where(and(eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)))
        .returning({ id: trustedDevices.id });
      return rows.length;
    },
  };
}

function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
