import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { acceptInviteInput, MfaEnrolment, SignedIn, SignInResult } from '../../../shared/auth/mfa-schemas';
import type { RegisterInput, SessionTokens, SignInInput } from '../../../shared/auth/schemas';
import { roleSchema, sessionTokens } from '../../../shared/auth/schemas';
import { AppError } from '../../../shared/errors';
import { localSession } from '../../db/schema';
import type { MfaCodeInput, MfaEnrolConfirmResult, SessionApi, SessionInfo, SignInOutcome } from '../desktop-core';
import type { KeyStore } from '../keystore/key-store';
import type { ReplicaDb } from '../replica/open-replica';
import type { ReplicaWriter } from '../replica/replica-writer';
import { callServer, createServerClient, type ServerClient } from './server-client';
import { deviceLabel, TrustedDevice } from './trusted-device';

export interface SessionManagerOptions {
  serverUrl: string;
  db: ReplicaDb;
  writer: ReplicaWriter;
  keyStore: KeyStore;
  now?: () => Date;
  fetch?: typeof fetch;
}

/** Refresh a little before expiry so a request never leaves with a token about to lapse. */
const EXPIRY_MARGIN_MS = 30_000;

export type AcceptInviteInput = z.infer<typeof acceptInviteInput>;

/** A sign-in waiting for its second step (issue 6). Held in this process's memory only. */
interface PendingSignIn {
  /** As typed at sign-in; null after accepting an invitation (the session names the email). */
  email: string | null;
  status: 'mfa-required' | 'mfa-enrolment-required';
  mfaToken: string;
  expiresAt: string;
}

/**
 * The signed-in account on this desktop. The access token lives in memory only; the refresh
 * token lives in the OS keychain (never in the replica or a file); the profile lives in the
 * replica so a terminal opens offline. The password is never stored anywhere: it is passed
 * through to the server once and dropped (NIST SP 800-63B §5.1.1.2 — the verifier, not the
 * client, keeps a salted hash).
 *
 * Sign-in may take two steps (MFA, RFC 6238): the short-lived `mfaToken` of the first step stays
 * here, in memory, and never reaches the renderer — a compromised page cannot replay it
 * elsewhere, and a restart simply asks for the password again.
 */
export class SessionManager implements SessionApi {
  private access: { token: string; expiresAt: number } | null = null;
  private refreshing: Promise<string> | null = null;
  private pending: PendingSignIn | null = null;
  private readonly server: ServerClient;
  private readonly publicServer: ServerClient;
  readonly trustedDevice: TrustedDevice;

  constructor(private readonly options: SessionManagerOptions) {
    this.publicServer = createServerClient({ serverUrl: options.serverUrl, fetch: options.fetch });
    this.server = createServerClient({ serverUrl: options.serverUrl, accessToken: () => this.accessToken(), fetch: options.fetch });
    this.trustedDevice = new TrustedDevice(options.keyStore, options.serverUrl);
  }

  get refreshTokenName(): string {
    return `refresh-token:${this.options.serverUrl}`;
  }

  current(): SessionInfo | null {
    const row = this.options.db.select().from(localSession).where(eq(localSession.id, 1)).get();
    if (!row || row.serverUrl !== this.options.serverUrl) return null;
    return {
      user: { id: row.userId, email: row.email, name: row.name, role: roleSchema.parse(row.role) },
      company: { id: row.companyId, name: row.companyName },
      serverUrl: row.serverUrl,
      signedInAt: row.signedInAt,
    };
  }

  async register(input: RegisterInput): Promise<SessionInfo> {
    return this.store(await this.call(() => this.publicServer.auth.register.mutate(input)), true);
  }

  /**
   * First step. Sends this computer's trusted-device token for that email, if it holds one; a
   * token the server did not honour (expired, revoked, MFA reset) is removed from the keychain.
   */
  async signIn(input: SignInInput): Promise<SignInOutcome> {
    this.pending = null;
    const trustedDeviceToken = this.trustedDevice.get(input.email) ?? undefined;
    const result: SignInResult = await this.call(() => this.publicServer.auth.signIn.mutate({ email: input.email, password: input.password, trustedDeviceToken }));
    if (result.status !== 'signed-in' && trustedDeviceToken) this.trustedDevice.forget(input.email);
    return this.outcome(input.email, result);
  }

  /**
   * Joins a company with an invitation token the administrator passed on, choosing a name and a
   * password (checked by the server against NIST SP 800-63B §3.1.1.2, common passwords refused).
   * It ends like a sign-in: signed in, or the second step when the company requires MFA.
   */
  async acceptInvite(input: AcceptInviteInput): Promise<SignInOutcome> {
    this.pending = null;
    const result: SignInResult = await this.call(() => this.publicServer.company.acceptInvite.mutate(input));
    return this.outcome(null, result);
  }

  private async outcome(email: string | null, result: SignInResult): Promise<SignInOutcome> {
    if (result.status === 'signed-in') return { status: 'signed-in', session: await this.adopt(email ?? result.user.email, result) };
    this.pending = { email, status: result.status, mfaToken: result.mfaToken, expiresAt: result.expiresAt };
    return { status: result.status, expiresAt: result.expiresAt };
  }

  /** Second step: a TOTP code or a backup code. A lockout keeps the step (the renderer counts down). */
  async verifyMfa(input: MfaCodeInput): Promise<SessionInfo> {
    const pending = this.pendingStep('mfa-required');
    const result = await this.pendingCall(() =>
      this.publicServer.auth.verifyMfa.mutate({ mfaToken: pending.mfaToken, code: input.code, trustDevice: input.trustDevice, deviceLabel: input.trustDevice ? deviceLabel() : undefined }),
    );
    this.pending = null;
    return this.adopt(pending.email ?? result.user.email, result);
  }

  /** Starts TOTP enrolment: signed in (My account), or as the second step the company requires. */
  async mfaEnrolBegin(): Promise<MfaEnrolment> {
    if (this.pending?.status === 'mfa-enrolment-required') {
      const { mfaToken } = this.pendingStep('mfa-enrolment-required');
      return this.pendingCall(() => this.publicServer.auth.mfaEnrolBegin.mutate({ mfaToken }));
    }
    return this.authed((server) => server.auth.mfaEnrolBegin.mutate({}));
  }

  /** Confirms enrolment with a first code; the backup codes come back once and are not kept here. */
  async mfaEnrolConfirm(input: MfaCodeInput): Promise<MfaEnrolConfirmResult> {
    if (this.pending?.status === 'mfa-enrolment-required') {
      const pending = this.pendingStep('mfa-enrolment-required');
      const out = await this.pendingCall(() =>
        this.publicServer.auth.mfaEnrolConfirm.mutate({ mfaToken: pending.mfaToken, code: input.code, trustDevice: input.trustDevice, deviceLabel: input.trustDevice ? deviceLabel() : undefined }),
      );
      this.pending = null;
      if (!out.session) throw new AppError('server/bad-response', 'The server confirmed the enrolment but did not finish the sign-in. Sign in again with your new code.');
      return { backupCodes: out.backupCodes, session: await this.adopt(pending.email ?? out.session.user.email, out.session) };
    }
    const out = await this.authed((server) => server.auth.mfaEnrolConfirm.mutate({ code: input.code, trustDevice: input.trustDevice, deviceLabel: input.trustDevice ? deviceLabel() : undefined }));
    const email = this.current()?.user.email;
    if (out.session?.trustedDeviceToken && email) this.trustedDevice.set(email, out.session.trustedDeviceToken);
    return { backupCodes: out.backupCodes, session: null };
  }

  /** Abandons a sign-in waiting for its second step (Back on the MFA screen). */
  cancelSignIn(): { ok: true } {
    this.pending = null;
    return { ok: true };
  }

  /**
   * Ends every session of this person (server-side refresh-token families and trusted devices),
   * then forgets this one locally, as a normal sign-out does.
   */
  async signOutEverywhere(): Promise<{ ok: true }> {
    const email = this.current()?.user.email;
    await this.authed((server) => server.auth.signOutEverywhere.mutate());
    if (email) this.trustedDevice.forget(email);
    await this.forget();
    return { ok: true };
  }

  /** Revokes the session on the server when reachable; always forgets it on this desktop. */
  async signOut(): Promise<{ ok: true }> {
    this.pending = null;
    const refreshToken = this.options.keyStore.get(this.refreshTokenName);
    await this.forget();
    if (refreshToken) {
      await this.call(() => this.publicServer.auth.signOut.mutate({ refreshToken })).catch((err: unknown) => {
        // Offline sign-out still succeeds locally; the token expires on the server by itself.
        if (!(err instanceof AppError)) throw err;
      });
    }
    return { ok: true };
  }

  /**
   * Calls the server as the signed-in user. If the server says the access token has expired —
   * which a device clock running slow can hide from us — refresh once and retry.
   */
  async authed<T>(fn: (server: ServerClient) => Promise<T>): Promise<T> {
    try {
      return await this.call(() => fn(this.server));
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'auth/token-expired' && err.code !== 'auth/token-invalid')) throw err;
      this.access = null;
      return this.call(() => fn(this.server));
    }
  }

  /** A valid access token, refreshed (and the refresh token rotated) when needed. */
  async accessToken(): Promise<string> {
    const now = this.now().getTime();
    if (this.access && this.access.expiresAt - EXPIRY_MARGIN_MS > now) return this.access.token;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<string> {
    const refreshToken = this.options.keyStore.get(this.refreshTokenName);
    if (!refreshToken || !this.current()) throw new AppError('auth/unauthenticated', 'You are signed out. Sign in again to continue.');
    try {
      const tokens = await this.call(() => this.publicServer.auth.refresh.mutate({ refreshToken }));
      await this.store(tokens, false);
      return tokens.accessToken;
    } catch (err) {
      // A refused refresh token means the session is over (expired, signed out elsewhere, or
      // reused — RFC 6819 §5.2.2.3); keep the replica, drop the credentials.
      if (err instanceof AppError && err.code.startsWith('auth/')) await this.forget();
      throw err;
    }
  }

  /**
   * Takes over a session the server just issued (sign-in steps, or a password change, which ends
   * every other session and hands this one a fresh refresh token family).
   */
  async adopt(email: string, result: SignedIn): Promise<SessionInfo> {
    if (result.trustedDeviceToken) this.trustedDevice.set(email, result.trustedDeviceToken);
    return this.store(result, true);
  }

  /** The person changed their name in My account: the top bar and the replica's session row follow. */
  async renameLocally(name: string): Promise<SessionInfo | null> {
    const row = this.current();
    if (!row || row.user.name === name) return row;
    await this.options.writer.transaction(() => {
      this.options.db.update(localSession).set({ name }).where(eq(localSession.id, 1)).run();
    });
    return this.current();
  }

  private pendingStep(status: PendingSignIn['status']): PendingSignIn {
    const pending = this.pending;
    if (!pending || pending.status !== status) {
      throw new AppError('auth/mfa-token-invalid', 'This sign-in step is no longer open. Sign in again with your email and password.');
    }
    if (Date.parse(pending.expiresAt) <= this.now().getTime()) {
      this.pending = null;
      throw new AppError('auth/mfa-token-invalid', 'The sign-in step expired (it is open for 5 minutes). Sign in again with your email and password.');
    }
    return pending;
  }

  /** A refused or expired mfaToken ends the pending sign-in; a wrong code or a lockout does not. */
  private async pendingCall<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await this.call(fn);
    } catch (err) {
      if (err instanceof AppError && err.code === 'auth/mfa-token-invalid') this.pending = null;
      throw err;
    }
  }

  private async store(raw: SessionTokens, signedIn: boolean): Promise<SessionInfo> {
    // The token part; a signed-in result's extra fields (status, trustedDeviceToken) are dropped.
    const tokens = sessionTokens.parse(raw);
    this.options.keyStore.set(this.refreshTokenName, tokens.refreshToken);
    this.access = { token: tokens.accessToken, expiresAt: Date.parse(tokens.accessTokenExpiresAt) };
    const previous = this.current();
    const row = {
      id: 1,
      serverUrl: this.options.serverUrl,
      userId: tokens.user.id,
      email: tokens.user.email,
      name: tokens.user.name,
      role: tokens.user.role,
      companyId: tokens.company.id,
      companyName: tokens.company.name,
      // A refresh keeps the original sign-in time.
      signedInAt: !signedIn && previous ? previous.signedInAt : this.now().toISOString(),
    };
    await this.options.writer.transaction(() => {
      this.options.db.insert(localSession).values(row).onConflictDoUpdate({ target: localSession.id, set: row }).run();
    });
    const info = this.current();
    if (!info) throw new AppError('internal/unexpected', 'The session could not be saved in the local replica.');
    return info;
  }

  private async forget(): Promise<void> {
    this.access = null;
    this.options.keyStore.delete(this.refreshTokenName);
    await this.options.writer.transaction(() => {
      this.options.db.delete(localSession).where(eq(localSession.id, 1)).run();
    });
  }

  private call<T>(fn: () => Promise<T>): Promise<T> {
    return callServer(this.options.serverUrl, fn);
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }
}
