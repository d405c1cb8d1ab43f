import { and, asc, count, eq, gt, lte } from 'drizzle-orm';
import { newId } from '../../../shared/ids';
import { MUTATION_SCHEMA_VERSION } from '../../../shared/inventory/mutations';
import type { MutationResult, PushedMutation } from '../../../shared/sync/protocol';
import { outbox, syncRejections, syncState } from '../../db/schema';
import type { ReplicaDb } from '../replica/open-replica';

export interface SyncStateRow {
  clientId: string;
  cursor: number;
  lastSeq: number;
  lastSyncAt: string | null;
}

export interface Rejection {
  mutationId: string;
  name: string;
  args: unknown;
  code: string;
  message: string;
  rejectedAt: string;
}

/** The replica's side of the sync protocol: outbox, cursor and rejections, per company. */
export class SyncStore {
  constructor(private readonly db: ReplicaDb) {}

  state(companyId: string): SyncStateRow {
    const row = this.db.select().from(syncState).where(eq(syncState.companyId, companyId)).get();
    if (row) return row;
    const created = { companyId, clientId: newId(), cursor: 0, lastSeq: 0 };
    this.db.insert(syncState).values(created).run();
    return { ...created, lastSyncAt: null };
  }

  /** Appends to the outbox; call inside the same transaction as the mutation's local effect. */
  enqueue(companyId: string, name: string, args: unknown, now: string): PushedMutation {
    const seq = this.state(companyId).lastSeq + 1;
    this.db.update(syncState).set({ lastSeq: seq }).where(eq(syncState.companyId, companyId)).run();
    const row = { seq, mutationId: newId(), companyId, name, args, schemaVersion: MUTATION_SCHEMA_VERSION, createdAt: now };
    this.db.insert(outbox).values(row).run();
    return { id: row.mutationId, seq, name, args, schemaVersion: row.schemaVersion, createdAt: now };
  }

  /**
   * Appends many mutations inside the caller's transaction (a bulk import): seqs are handed out
   * from memory and `last_seq` is written once by `finish()`, which must run in the same
   * transaction — otherwise the next enqueue would reuse a seq.
   */
  bulk(companyId: string, now: string): { enqueue(name: string, args: unknown): void; finish(): void } {
    let seq = this.state(companyId).lastSeq;
    const insert = this.db.$client.prepare(
      'INSERT INTO outbox (seq, mutation_id, company_id, name, args, schema_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    return {
      enqueue: (name, args) => {
        seq += 1;
        insert.run(seq, newId(), companyId, name, JSON.stringify(args), MUTATION_SCHEMA_VERSION, now);
      },
      finish: () => {
        this.db.update(syncState).set({ lastSeq: seq }).where(eq(syncState.companyId, companyId)).run();
      },
    };
  }

  pending(companyId: string, limit: number, afterSeq = 0): PushedMutation[] {
    return this.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.companyId, companyId), gt(outbox.seq, afterSeq)))
      .orderBy(asc(outbox.seq))
      .limit(limit)
      .all()
      .map((r) => ({ id: r.mutationId, seq: r.seq, name: r.name, args: r.args, schemaVersion: r.schemaVersion, createdAt: r.createdAt }));
  }

  pendingCount(companyId: string): number {
    return this.db.select({ n: count() }).from(outbox).where(eq(outbox.companyId, companyId)).get()?.n ?? 0;
  }

  /** Records the server's verdicts and drops every acknowledged outbox row (applied or rejected). */
  acknowledge(companyId: string, results: MutationResult[], lastAppliedSeq: number, now: string): void {
    for (const r of results) {
      if (r.status !== 'rejected') continue;
      const row = this.db.select().from(outbox).where(eq(outbox.mutationId, r.mutationId)).get();
      this.db
        .insert(syncRejections)
        .values({ mutationId: r.mutationId, companyId, name: row?.name ?? 'unknown', args: row?.args ?? null, code: r.error.code, message: r.error.message, rejectedAt: now })
        .onConflictDoNothing()
        .run();
    }
    this.db.delete(outbox).where(and(eq(outbox.companyId, companyId), lte(outbox.seq, lastAppliedSeq))).run();
  }

  saveCursor(companyId: string, cursor: number, at: string): void {
    this.db.update(syncState).set({ cursor, lastSyncAt: at }).where(eq(syncState.companyId, companyId)).run();
  }

  rejections(companyId: string): Rejection[] {
    return this.db
      .select()
      .from(syncRejections)
      .where(eq(syncRejections.companyId, companyId))
      .orderBy(asc(syncRejections.rejectedAt))
      .all()
      .map((r) => ({ mutationId: r.mutationId, name: r.name, args: r.args, code: r.code, message: r.message, rejectedAt: r.rejectedAt }));
  }

  dismissRejection(companyId: string, mutationId: string): void {
    this.db.delete(syncRejections).where(and(eq(syncRejections.companyId, companyId), eq(syncRejections.mutationId, mutationId))).run();
  }
}
