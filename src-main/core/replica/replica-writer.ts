import type { Replica } from './open-replica';

/**
 * Serialises every write to the replica. Mutators are async (the same code runs on the server
 * over Postgres), so a local write is a hand-opened `BEGIN IMMEDIATE … COMMIT` spanning awaits;
 * without this lock another write could slip into the open transaction and share its fate.
 */
export class ReplicaWriter {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly replica: Replica) {}

  /** Runs `fn` in one SQLite transaction, after every earlier write has finished. */
  transaction<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = async (): Promise<T> => {
      const { sqlite } = this.replica;
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn();
        sqlite.exec('COMMIT');
        return result;
      } catch (err) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw err;
      }
    };
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/**
 * Resolves on the event loop's next turn. A long run of write transactions is one chain of
 * resolved promises (microtasks): without a turn between batches, a 100,000-row import kept the
 * main process from answering anything — the renderer's progress polls included — for the 3–4 s
 * it took. Awaited between batches, it lets queued IPC and timers in.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
