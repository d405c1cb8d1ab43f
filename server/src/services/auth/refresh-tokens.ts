import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Role } from '../../../../shared/auth/schemas';
import type { Executor, Transaction } from '../../db/client';
import { memberships, refreshTokens } from '../../db/schema/index';

/**
 * Refresh tokens are opaque (not JWTs): 256 random bits, base64url, so they can be revoked
 * server-side. Only their SHA-256 is stored — a fast hash is enough for a full-entropy secret
 * (unlike passwords) and lets lookups use a unique index.
 */
const TOKEN_BYTES = 32;
const DAY_MS = 86_400_000;
/**
 * A refresh whose response was lost leaves the client holding the token it just spent. Within
 * this window, and only while no successor of it has been used, presenting the spent token again
 * rotates once more instead of counting as theft (the "reuse interval" of RFC 9700 §4.14.2
 * implementations); outside it, reuse revokes the whole family. The successors issued so far stay
 * valid until one of them is used, which revokes the others: when one request reaches the server
 * twice (a proxy or an HTTP/2 retry), the client may keep either answer.
 */
const REUSE_GRACE_MS = 30_000;

export interface IssuedRefreshToken {
  id: string;
  token: string;
  familyId: string;
  expiresAt: Date;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function issueRefreshToken(
  db: Executor,
  owner: { companyId: string; userId: string; familyId?: string; parentId?: string },
  ttlDays: number,
  now = new Date(),
): Promise<IssuedRefreshToken> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const familyId = owner.familyId ?? crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + ttlDays * DAY_MS);
  const [row] = await db
    .insert(refreshTokens)
    .values({ companyId: owner.companyId, userId: owner.userId, familyId, parentId: owner.parentId ?? null, tokenHash: hashRefreshToken(token), expiresAt, createdAt: now })
    .returning({ id: refreshTokens.id });
  if (!row) throw new Error('insert into refresh_tokens returned no row');
  return { id: row.id, token, familyId, expiresAt };
}

export type RotateResult =
  | { ok: true; issued: IssuedRefreshToken; userId: string; companyId: string; role: Role }
  | { ok: false; reason: 'invalid' | 'reused' };

/**
 * Exchanges a refresh token for a new one in the same family. The row is locked (FOR UPDATE) so
 * two concurrent refreshes of one token cannot both succeed: the second sees `used_at` and is
 * treated as reuse, which revokes the family (RFC 9700 §4.14.2, refresh token rotation).
 * Runs inside the caller's transaction; the revocation must commit, so reuse is returned, not thrown.
 */
export async function rotateRefreshToken(tx: Transaction, token: string, ttlDays: number, now = new Date()): Promise<RotateResult> {
  const [row] = await tx
    .select({
      id: refreshTokens.id,
      familyId: refreshTokens.familyId,
      companyId: refreshTokens.companyId,
      userId: refreshTokens.userId,
      expiresAt: refreshTokens.expiresAt,
      usedAt: refreshTokens.usedAt,
      revokedAt: refreshTokens.revokedAt,
      replacedBy: refreshTokens.replacedBy,
      parentId: refreshTokens.parentId,
    })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(token)))
    .for('update');
  if (!row || row.revokedAt !== null) return { ok: false, reason: 'invalid' };
  if (row.usedAt !== null) {
    if (!(await lostResponseRetry(tx, row, now))) {
      await revokeFamily(tx, row.familyId, now);
      return { ok: false, reason: 'reused' };
    }
  }
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'invalid' };

  const [member] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.companyId, row.companyId), eq(memberships.userId, row.userId)));
  if (!member) {
    // Removed from the company since signing in: the session ends with the membership.
    await revokeFamily(tx, row.familyId, now);
    return { ok: false, reason: 'invalid' };
  }

  const issued = await issueRefreshToken(tx, { companyId: row.companyId, userId: row.userId, familyId: row.familyId, parentId: row.id }, ttlDays, now);
  await tx.update(refreshTokens).set({ usedAt: row.usedAt ?? now, replacedBy: issued.id }).where(eq(refreshTokens.id, row.id));
  // This token is the one its holder kept: siblings issued for lost-response retries end here.
  if (row.usedAt === null && row.parentId !== null) {
    await tx
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.parentId, row.parentId), ne(refreshTokens.id, row.id), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)));
  }
  return { ok: true, issued, userId: row.userId, companyId: row.companyId, role: member.role };
}

/**
 * True when a spent token is presented again soon after its rotation and none of its successors
 * has been used — the client may not have received any. The caller issues one more; whichever
 * successor is used first revokes the rest. The parent row is locked (FOR UPDATE) by the caller,
 * so two such retries are serialised.
 */
async function lostResponseRetry(tx: Transaction, row: { id: string; usedAt: Date | null }, now: Date): Promise<boolean> {
  if (!row.usedAt || now.getTime() - row.usedAt.getTime() > REUSE_GRACE_MS) return false;
  // Locking every successor waits out a rotation of one of them that is under way, and makes
  // that rotation see the sibling issued here (it revokes the unused ones when it runs).
  const successors = await tx.select({ usedAt: refreshTokens.usedAt }).from(refreshTokens).where(eq(refreshTokens.parentId, row.id)).for('update');
  return successors.every((s) => s.usedAt === null);
}

export async function revokeFamily(db: Executor, familyId: string, now = new Date()): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/** Sign-out: revokes the token's whole family. Unknown tokens are ignored (nothing to end). */
export async function revokeFamilyOfToken(db: Executor, token: string, now = new Date()): Promise<void> {
  const [row] = await db
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(token)));
  if (row) await revokeFamily(db, row.familyId, now);
}
