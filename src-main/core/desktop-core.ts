import type { MfaEnrolment } from '../../shared/auth/mfa-schemas';
import type { RegisterInput, SessionCompany, SessionUser, SignInInput } from '../../shared/auth/schemas';
import type { DesktopAdmin } from './admin/desktop-admin';
import type { DesktopAccount } from './session/desktop-account';
import type { AcceptInviteInput } from './session/session-manager';
import type { SerializedError } from '../../shared/errors';
import type { DesktopImports } from './import/desktop-imports';
import type { DesktopInventory } from './inventory/desktop-inventory';
import type { DesktopQa } from './qa/desktop-qa';
import type { SyncStatus } from './sync/sync-runner';
import type { Rejection } from './sync/sync-store';

/** What the status bar and the start-up screen show. */
export interface AppStatus {
  shell: 'electron' | 'browser' | 'cli';
  keychain: { available: boolean; backend: string; error: SerializedError | null };
  replica: { open: boolean; path: string; cipher: string; error: SerializedError | null };
  server: { url: string; online: boolean; checkedAt: string | null };
}

export interface SessionInfo {
  user: SessionUser;
  company: SessionCompany;
  serverUrl: string;
  signedInAt: string;
}

/**
 * The answer to a sign-in. The second step's mfaToken stays inside the desktop core; the
 * renderer only learns which step comes next and until when it is open.
 */
export type SignInOutcome = { status: 'signed-in'; session: SessionInfo } | { status: 'mfa-required' | 'mfa-enrolment-required'; expiresAt: string };

/** A TOTP code (or a backup code) typed on the MFA step or to confirm enrolment. */
export interface MfaCodeInput {
  code: string;
  /** Remember this computer for 30 days: the server's token is kept in the OS keychain. */
  trustDevice: boolean;
}

export interface MfaEnrolConfirmResult {
  /** Shown once; never stored on this computer. */
  backupCodes: string[];
  /** Set when the enrolment finished a sign-in the company's MFA rule had interrupted. */
  session: SessionInfo | null;
}

export interface SessionApi {
  current(): SessionInfo | null;
  register(input: RegisterInput): Promise<SessionInfo>;
  signIn(input: SignInInput): Promise<SignInOutcome>;
  /** Joins a company with an invitation token; answers like a sign-in. */
  acceptInvite(input: AcceptInviteInput): Promise<SignInOutcome>;
  verifyMfa(input: MfaCodeInput): Promise<SessionInfo>;
  mfaEnrolBegin(): Promise<MfaEnrolment>;
  mfaEnrolConfirm(input: MfaCodeInput): Promise<MfaEnrolConfirmResult>;
  cancelSignIn(): { ok: true };
  signOut(): Promise<{ ok: true }>;
  signOutEverywhere(): Promise<{ ok: true }>;
}

export interface SyncApi {
  status(): SyncStatus;
  now(): Promise<SyncStatus>;
  rejections(): Rejection[];
  dismiss(mutationId: string): void;
}

/** The desktop core as the router sees it: everything runs under plain Node. */
export interface DesktopCore {
  status(): AppStatus;
  session: SessionApi;
  /** Throws `auth/unauthenticated` when nobody is signed in, or the start-up error. */
  inventory(): DesktopInventory;
  /** Spreadsheet imports; throws like `inventory()`. */
  imports(): DesktopImports;
  /** QA documents, signing keys and the verified ledger (issue 5); throws like `inventory()`. */
  qa(): DesktopQa;
  /** The signed-in person's own security settings (MFA, trusted devices, password); throws like `inventory()`. */
  account(): DesktopAccount;
  /** Company administration and security events, passed to the server as this person; throws like `inventory()`. */
  admin(): DesktopAdmin;
  sync: SyncApi;
}
