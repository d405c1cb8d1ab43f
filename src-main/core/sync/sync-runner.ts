import type Database from 'better-sqlite3';
import { AppError, type SerializedError } from '../../../shared/errors';
import { MAX_PUSH_BATCH } from '../../../shared/sync/protocol';
import type { ReplicaDb } from '../replica/open-replica';
import type { ReplicaWriter } from '../replica/replica-writer';
import type { SessionManager } from '../session/session-manager';
import { applyPull } from './apply-pull';
import { PokeStream } from './poke-stream';
import { RowUpserter } from './row-upserter';
import type { SyncStore } from './sync-store';

export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  pending: number;
  rejected: number;
  lastSyncAt: string | null;
  lastError: SerializedError | null;
}

/**
 * Another domain synced in the same loop (QA documents, issue 5: src-main/core/qa/qa-sync.ts).
 * Each runs after the inventory sync whatever its outcome, so a failure on one side never holds
 * back the other; the first failure is what `status().lastError` reports.
 */
export interface SyncParticipant {
  run(companyId: string, userId: string): Promise<void>;
}

export interface SyncRunnerOptions {
  db: ReplicaDb;
  sqlite: Database.Database;
  writer: ReplicaWriter;
  store: SyncStore;
  session: SessionManager;
  serverUrl: string;
  /** Pull page size (rows). */
  pageSize?: number;
  /** How often to sync with no local change and no poke. */
  idleIntervalMs?: number;
  now: () => Date;
  fetch?: typeof fetch;
  participants?: readonly SyncParticipant[];
}

/**
 * Moves work between the replica and the server: push the outbox in batches, then pull pages
 * until caught up (SYNC.md). Runs after every local change, on every poke from the server, and
 * every idle interval; after a failure it retries with exponential backoff (1 s → 60 s), so it
 * resumes by itself when the network returns. One run at a time.
 */
export class SyncRunner {
  /** The sync loop in progress, if any: one at a time (single flight). */
  private loop: Promise<void> | null = null;
  /** Another run was asked for while one was in progress; the loop runs again. */
  private requested = false;
  private timer: NodeJS.Timeout | null = null;
  private backoffMs = 0;
  private stopped = true;
  private online = false;
  private lastError: SerializedError | null = null;
  private readonly pokes: PokeStream;
  private readonly rows: RowUpserter;

  constructor(private readonly options: SyncRunnerOptions) {
    this.rows = new RowUpserter(options.sqlite);
    this.pokes = new PokeStream({
      serverUrl: options.serverUrl,
      fetch: options.fetch,
      accessToken: () => options.session.accessToken(),
      onPoke: () => this.kick(),
    });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.pokes.start();
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.pokes.stop();
    if (this.timer) clearTimeout(this.timer);
  }

  status(): SyncStatus {
    const session = this.options.session.current();
    if (!session) return { online: this.online, syncing: false, pending: 0, rejected: 0, lastSyncAt: null, lastError: null };
    const companyId = session.company.id;
    return {
      online: this.online,
      syncing: this.loop !== null,
      pending: this.options.store.pendingCount(companyId),
      rejected: this.options.store.rejections(companyId).length,
      lastSyncAt: this.options.store.state(companyId).lastSyncAt,
      lastError: this.lastError,
    };
  }

  /** Sync soon: a burst of changes or pokes coalesces into one run. */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** Runs a sync that starts after this call and resolves when it is done ("Sync now", tests). */
  async syncNow(): Promise<SyncStatus> {
    await this.trigger();
    if (this.lastError) throw new AppError(this.lastError.code, this.lastError.message, { retryAfterSeconds: this.lastError.retryAfterSeconds });
    return this.status();
  }

  private trigger(): Promise<void> {
    this.requested = true;
    this.loop ??= (async () => {
      while (this.requested) {
        this.requested = false;
        await this.run();
      }
    })().finally(() => {
      this.loop = null;
      // Next run: soon after a failure (with backoff), otherwise at the idle interval.
      if (!this.stopped) this.schedule(this.lastError ? this.backoffMs : (this.options.idleIntervalMs ?? 30_000));
    });
    return this.loop;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.trigger(), delayMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    let session: ReturnType<SyncRunnerOptions['session']['current']>;
    try {
      session = this.options.session.current();
    } catch (err) {
      // The app closed the replica while a run was already queued: it simply does not happen.
      if (this.stopped) return;
      throw err;
    }
    if (!session) return;
    const failures: unknown[] = [];
    try {
      await this.pushAll(session.company.id);
      await this.pullAll({ companyId: session.company.id, userId: session.user.id });
    } catch (err) {
      failures.push(err);
    }
    for (const participant of this.options.participants ?? []) {
      await participant.run(session.company.id, session.user.id).catch((err: unknown) => failures.push(err));
    }
    try {
      if (failures.length > 0) throw failures[0];
      this.pokes.wake();
      this.online = true;
      this.lastError = null;
      this.backoffMs = 0;
    } catch (err) {
      const app = err instanceof AppError ? err : new AppError('internal/unexpected', err instanceof Error ? err.message : String(err));
      this.online = app.code !== 'server/unreachable';
      this.lastError = app.toJSON();
      // A server that says when to come back (429 Retry-After, RFC 9110 §10.2.3) is not asked
      // sooner: that would only be refused again. Its answer is the time until ONE request is let
      // through, and a run makes several, so refusals in a row still back off (or a run that
      // spends the one token on its pull would never reach the rest).
      const backoff = Math.min(Math.max(this.backoffMs * 2, 1_000), 60_000);
      this.backoffMs = Math.max(backoff, (app.retryAfterSeconds ?? 0) * 1000);
    }
  }

  private async pushAll(companyId: string): Promise<void> {
    const { store, writer, session } = this.options;
    const { clientId } = store.state(companyId);
    for (;;) {
      const batch = store.pending(companyId, MAX_PUSH_BATCH);
      if (batch.length === 0) return;
      const res = await session.authed((server) => server.sync.push.mutate({ clientId, mutations: batch }));
      await writer.transaction(() => store.acknowledge(companyId, res.results, res.lastAppliedSeq, this.options.now().toISOString()));
      if (res.gap) {
        throw new AppError('internal/unexpected', `Sync stopped: the server expected change #${res.gap.expected} but this computer has #${res.gap.received} next. Contact support; nothing has been deleted.`);
      }
    }
  }

  private async pullAll(session: { companyId: string; userId: string }): Promise<void> {
    const { store, writer, db } = this.options;
    for (;;) {
      const { clientId, cursor } = store.state(session.companyId);
      const page = await this.options.session.authed((server) => server.sync.pull.query({ clientId, cursor, limit: this.options.pageSize ?? 10_000 }));
      await writer.transaction(() => applyPull(db, this.rows, store, session, page, this.options.now().toISOString()));
      if (!page.hasMore) return;
    }
  }
}
