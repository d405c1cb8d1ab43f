import { z } from 'zod';
import { emailSchema, passwordSchema, personNameSchema, roleSchema, sessionTokens } from './schemas';

/**
 * Issue 6 contract: sign-in with MFA, enrolment, trusted devices, invitations and members.
 * Server procedures (server/src/routers/auth.ts, company.ts) and the desktop share these.
 *
 * Sign-in is two steps when MFA applies: `auth.signIn` checks the password and answers
 * `mfa-required` (or `mfa-enrolment-required` when the company requires MFA and the person has
 * none) with a short-lived `mfaToken` (a JWT of its own type, RFC 8725 §3.11); `auth.verifyMfa`
 * (or the enrolment procedures) then finish it. A valid trusted-device token skips the second step.
 */
export const TOTP_CODE = /^\d{6}$/;
/** Backup codes are shown as `xxxx-xxxx` (lower-case base32, no look-alikes); typed with or without the hyphen. */
export const BACKUP_CODE = /^[a-z2-7]{4}-?[a-z2-7]{4}$/i;
export const BACKUP_CODE_COUNT = 10;
export const TRUSTED_DEVICE_DAYS = 30;
export const MFA_MAX_ATTEMPTS = 5;
export const MFA_WINDOW_SECONDS = 300;

export const signInWithDeviceInput = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(256),
  /** A trusted-device token this computer holds for this person (it skips the MFA step). */
  trustedDeviceToken: z.string().min(32).max(200).optional(),
});
export type SignInWithDeviceInput = z.infer<typeof signInWithDeviceInput>;

export const signedIn = sessionTokens.extend({
  status: z.literal('signed-in'),
  /** Set when this sign-in asked to trust the device: keep it (keychain), send it next time. */
  trustedDeviceToken: z.string().nullable(),
});
export type SignedIn = z.infer<typeof signedIn>;

export const mfaChallenge = z.object({
  status: z.enum(['mfa-required', 'mfa-enrolment-required']),
  mfaToken: z.string(),
  /** ISO 8601 UTC: the second step must be done before then (5 minutes). */
  expiresAt: z.string(),
});
export type MfaChallenge = z.infer<typeof mfaChallenge>;

export const signInResult = z.discriminatedUnion('status', [signedIn, mfaChallenge.extend({ status: z.literal('mfa-required') }), mfaChallenge.extend({ status: z.literal('mfa-enrolment-required') })]);
export type SignInResult = z.infer<typeof signInResult>;

const code = z.string().trim().min(6, 'Enter the 6-digit code or a backup code.').max(20);

export const verifyMfaInput = z.object({
  mfaToken: z.string().min(1),
  /** A 6-digit TOTP code or one of the backup codes. */
  code,
  trustDevice: z.boolean().default(false),
  /** Shown in the list of trusted devices, e.g. "Atlas desktop on Linux". */
  deviceLabel: z.string().trim().max(100).optional(),
});
export type VerifyMfaInput = z.input<typeof verifyMfaInput>;

/** Enrolment: signed in (access token), or mid-sign-in with an `mfa-enrolment-required` token. */
export const mfaEnrolBeginInput = z.object({ mfaToken: z.string().min(1).optional() }).default({});
export const mfaEnrolment = z.object({
  /** Base32 secret for manual entry (RFC 4648), grouped for reading. */
  secret: z.string(),
  /** otpauth://totp/Atlas:email?secret=…&issuer=Atlas&algorithm=SHA1&digits=6&period=30 */
  otpauthUri: z.string(),
  /** The same URI as a QR code: an SVG document. */
  qrSvg: z.string(),
});
export type MfaEnrolment = z.infer<typeof mfaEnrolment>;

export const mfaEnrolConfirmInput = z.object({ mfaToken: z.string().min(1).optional(), code, trustDevice: z.boolean().default(false), deviceLabel: z.string().trim().max(100).optional() });
export const mfaEnrolConfirmOutput = z.object({
  /** Shown once; stored only as hashes. */
  backupCodes: z.array(z.string()).length(BACKUP_CODE_COUNT),
  /** Set when the enrolment finished a sign-in (it was started with an mfaToken). */
  session: signedIn.nullable(),
});
export type MfaEnrolConfirmOutput = z.infer<typeof mfaEnrolConfirmOutput>;

export const trustedDeviceView = z.object({ id: z.string().uuid(), label: z.string(), createdAt: z.string(), expiresAt: z.string(), lastUsedAt: z.string().nullable() });
export const mfaStatus = z.object({
  enabled: z.boolean(),
  /** The company requires MFA (then it cannot be turned off). */
  required: z.boolean(),
  backupCodesLeft: z.number().int().nonnegative(),
  trustedDevices: z.array(trustedDeviceView),
});
export type MfaStatus = z.infer<typeof mfaStatus>;

export const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema });

// ── Company administration (server/src/routers/company.ts) ──────────────────────────────────
export const memberView = z.object({
  userId: z.string().uuid(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  mfaEnabled: z.boolean(),
  joinedAt: z.string(),
});
export type MemberView = z.infer<typeof memberView>;

export const inviteInput = z.object({ email: emailSchema, role: roleSchema });
export const invitationView = z.object({
  id: z.string().uuid(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
/** The invite link's token is returned once to the admin (no e-mail is sent from here yet). */
export const inviteOutput = z.object({ invitation: invitationView, token: z.string() });
export const acceptInviteInput = z.object({ token: z.string().min(32).max(200), name: personNameSchema, password: passwordSchema });

// ── Audit events (server/src/routers/audit.ts) ──────────────────────────────────────────────
export const AUDIT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export const auditSeveritySchema = z.enum(AUDIT_SEVERITIES);
/**
 * What is recorded (issue 6): authentication, security, access to personal data, exports.
 * Kinds are `area.event`; new ones are added here so the admin screen can filter by them.
 */
export const AUDIT_KINDS = [
  'auth.sign-in.succeeded',
  'auth.sign-in.failed',
  'auth.sign-out',
  'auth.sign-out-everywhere',
  'auth.refresh-reused',
  'auth.password-changed',
  'auth.mfa.enrolled',
  'auth.mfa.verified',
  'auth.mfa.failed',
  'auth.mfa.locked',
  'auth.mfa.backup-code-used',
  'auth.mfa.disabled',
  'auth.device.trusted',
  'auth.device.revoked',
  'company.member-invited',
  'company.member-joined',
  'company.role-changed',
  'company.member-removed',
  'company.mfa-required-changed',
  'security.rate-limited',
  'security.blocked',
  'data.pii-read',
  'data.pii-changed',
  'data.export',
] as const;
export const auditKindSchema = z.enum(AUDIT_KINDS);
export type AuditKind = z.infer<typeof auditKindSchema>;

export const auditEventView = z.object({
  id: z.string().uuid(),
  at: z.string(),
  kind: auditKindSchema,
  severity: auditSeveritySchema,
  actor: z.object({ userId: z.string().uuid().nullable(), name: z.string().nullable(), email: z.string().nullable() }),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditListInput = z.object({
  kinds: z.array(auditKindSchema).optional(),
  severity: auditSeveritySchema.optional(),
  userId: z.string().uuid().optional(),
  from: z.string().datetime().optional(),
  to: z.string().datetime().optional(),
  /** Keyset paging: the `nextCursor` of the previous page. */
  cursor: z.string().optional(),
  limit: z.number().int().positive().max(500).default(100),
});
export const auditListOutput = z.object({ events: z.array(auditEventView), nextCursor: z.string().nullable() });
