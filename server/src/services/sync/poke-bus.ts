import { sql } from 'drizzle-orm';
import type { Executor, OpenDatabase } from '../../db/client';

const CHANNEL = 'atlas_sync_poke';

/** Called with the new version, or with null when the server is shutting down (end the stream). */
export type PokeListener = (version: number | null) => void;

/**
 * "Something changed for company X, pull now" (SYNC.md poke). Sent with Postgres NOTIFY inside
 * the writing transaction, so it goes out only if the change commits, and reaches every server
 * instance on the database — each forwards it to its own connected desktops over SSE.
 */
export class PokeBus {
  private readonly listeners = new Map<string, Set<PokeListener>>();
  private unlisten: (() => Promise<void>) | null = null;

  static async start(database: Pick<OpenDatabase, 'listen'>): Promise<PokeBus> {
    const bus = new PokeBus();
    bus.unlisten = await database.listen(CHANNEL, (payload) => bus.dispatch(payload));
    return bus;
  }

  /** Queue a poke in the caller's transaction; delivered when it commits. */
  static async notify(tx: Executor, companyId: string, version: number): Promise<void> {
    await tx.execute(sql`select pg_notify(${CHANNEL}, ${`${companyId}:${version}`})`);
  }

  subscribe(companyId: string, listener: PokeListener): () => void {
    let set = this.listeners.get(companyId);
    if (!set) this.listeners.set(companyId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(companyId);
    };
  }

  async close(): Promise<void> {
    await this.unlisten?.();
    for (const set of this.listeners.values()) for (const listener of set) listener(null);
    this.listeners.clear();
  }

  private dispatch(payload: string): void {
    const [companyId, version] = payload.split(':');
    if (!companyId || version === undefined) return;
    for (const listener of this.listeners.get(companyId) ?? []) listener(Number(version));
  }
}
