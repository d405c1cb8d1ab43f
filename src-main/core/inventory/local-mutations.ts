import { runMutation } from '../../../shared/inventory/mutators';
import { mutationArgs, type MutationArgs, type MutationName } from '../../../shared/inventory/mutations';
import type { ReplicaDb } from '../replica/open-replica';
import type { ReplicaWriter } from '../replica/replica-writer';
import type { SyncStore } from '../sync/sync-store';
import { ReplicaInventoryTx } from '../sync/replica-inventory-tx';

export interface LocalMutationsOptions {
  db: ReplicaDb;
  writer: ReplicaWriter;
  store: SyncStore;
  /** Called after each committed change (the sync runner pushes it). */
  onChange: () => void;
  /** Device clock: only informational here (ordering never depends on it). */
  now: () => Date;
}

/**
 * Stock work on the desktop: the mutation runs on the encrypted replica and is appended to the
 * outbox in the same transaction, so it works with no network and is never lost (SYNC.md).
 */
export class LocalMutations {
  constructor(private readonly options: LocalMutationsOptions) {}

  async apply<N extends MutationName>(session: { companyId: string; userId: string }, name: N, args: MutationArgs<N>): Promise<void> {
    // Validate before opening the transaction, so a bad field is reported without touching anything.
    mutationArgs[name].parse(args);
    const { db, writer, store } = this.options;
    const now = this.options.now().toISOString();
    await writer.transaction(async () => {
      await runMutation(new ReplicaInventoryTx(db, session.companyId, session.userId, now), name, args);
      store.enqueue(session.companyId, name, args, now);
    });
    this.options.onChange();
  }
}
