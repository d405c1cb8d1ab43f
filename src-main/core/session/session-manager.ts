import { eq } from 'drizzle-orm';
import type { RegisterInput, SessionTokens, SignInInput } from '../../../shared/auth/schemas';
import { roleSchema, sessionTokens } from '../../../shared/auth/schemas';
import { AppError } from '../../../shared/errors';
import { localSession } from '../../db/schema';
import type { SessionApi, SessionInfo } from '../desktop-core';
import type { KeyStore } from '../keystore/key-store';
import type { ReplicaDb } from '../replica/open-replica';
import type { ReplicaWriter } from '../replica/replica-writer';
import { callServer, createServerClient, type ServerClient } from './server-client';

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

/**
 * The signed-in account on this desktop. The access token lives in memory only; the refresh
 * token lives in the OS keychain (never in the replica or a file); the profile lives in the
 * replica so a terminal opens offline. The password is never stored anywhere.
 */
export class SessionManager implements SessionApi {
  private access: { token: string; expiresAt: number } | null = null;
  private refreshing: Promise<string> | null = null;
  private readonly server: ServerClient;
  private readonly publicServer: ServerClient;

  constructor(private readonly options: SessionManagerOptions) {
    this.publicServer = createServerClient({ serverUrl: options.serverUrl, fetch: options.fetch });
    this.server = createServerClient({ serverUrl: options.serverUrl, accessToken: () => this.accessToken(), fetch: options.fetch });
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

  async signIn(input: SignInInput): Promise<SessionInfo> {
    return this.store(await this.call(() => this.publicServer.auth.signIn.mutate(input)), true);
  }

  /** Revokes the session on the server when reachable; always forgets it on this desktop. */
  async signOut(): Promise<{ ok: true }> {
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

  private async store(raw: SessionTokens, signedIn: boolean): Promise<SessionInfo> {
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
