import { AppError, type SerializedError } from '../../../shared/errors';
import { MerkleTree } from '../../../shared/ledger/merkle-tree';
import { MAX_QA_PUSH, qaPullOutput, qaPushOutput, type QaOpResult } from '../../../shared/qa/api';
import type { ReplicaWriter } from '../replica/replica-writer';
import type { SessionManager } from '../session/session-manager';
import { verifyPull, type PulledLedger } from './ledger-verifier';
import type { QaStore } from './qa-store';

export interface QaSyncOptions {
  store: QaStore;
  writer: ReplicaWriter;
  session: SessionManager;
  now: () => Date;
  /** Entries per pull page (server maximum MAX_QA_PULL). */
  pageSize?: number;
}

/** A head that keeps growing while we page is chased this many times before we stop for now. */
const MAX_CHASES = 5;

/**
 * Moves QA work between this computer and the server's ledger (issue 5): pushes the queued ops in
 * order (`qa.push`, idempotent by opId), then pulls the ledger (`qa.pull`) and stores it only
 * after ledger-verifier.ts has checked it against the last verified tree head. A ledger that fails
 * verification is not stored: the old verified state stays, the failure is kept on disk as the
 * company's `problem` (shown in LedgerStatus, remembered across restarts) and nothing more is
 * pushed to that server until a pull verifies again.
 * One run at a time per desktop.
 */
export class QaSync {
  /** The verified tree per company, kept between runs so a sync re-hashes only what is new. */
  private readonly trees = new Map<string, MerkleTree>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: QaSyncOptions) {}

  problem(companyId: string): SerializedError | null {
    return this.options.store.problem(companyId);
  }

  /** Push, then pull and verify. Network and server errors are thrown; ledger problems are recorded. */
  run(companyId: string, userId: string): Promise<void> {
    const next = this.tail.then(
      () => this.runOnce(companyId, userId),
      () => this.runOnce(companyId, userId),
    );
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async runOnce(companyId: string, userId: string): Promise<void> {
    // While the server's ledger is in doubt, signatures are not handed to it (pull re-checks first).
    if (!this.problem(companyId)) await this.push(companyId, userId);
    await this.pull(companyId);
  }

  /** Only the signed-in person's ops: the server decides each as the session's user (11.100). */
  private async push(companyId: string, userId: string): Promise<void> {
    const { store, writer, session } = this.options;
    for (;;) {
      const batch = store.pending(companyId, userId).filter((p) => p.status === 'pending').slice(0, MAX_QA_PUSH);
      if (batch.length === 0) return;
      const raw = await session.authed((server) => server.qa.push.mutate({ ops: batch.map((p) => p.op) }));
      const { results } = qaPushOutput.parse(raw);
      const byId = new Map<string, QaOpResult>(results.map((r) => [r.opId, r]));
      await writer.transaction(() => {
        for (const p of batch) {
          const r = byId.get(p.opId);
          if (r?.status === 'applied') store.applied(companyId, p.opId);
          else if (r?.status === 'rejected') store.rejected(companyId, p.opId, r.error);
        }
      });
      // An answer that settles none of the batch would loop forever: leave the rest for next time.
      if (!batch.some((p) => byId.has(p.opId))) {
        throw new AppError('server/bad-response', 'The server answered a QA push without a result for any change sent. Try again later.');
      }
    }
  }

  private async pull(companyId: string): Promise<void> {
    const { store, writer } = this.options;
    for (let chase = 0; chase < MAX_CHASES; chase++) {
      const stored = store.head(companyId);
      const tree = this.tree(companyId, stored?.treeHead.treeSize ?? 0);
      const pulled = await this.fetchAll(tree.size, stored?.treeHead.treeSize ?? 0);
      // The server appended while we paged: its newest head covers entries we have not fetched yet.
      if (pulled.treeHead && pulled.treeHead.treeSize > tree.size + pulled.entries.length) continue;
      let verified;
      try {
        verified = await verifyPull({ companyId, stored, tree, pulled, now: this.options.now().toISOString() });
      } catch (err) {
        if (err instanceof AppError && err.code.startsWith('ledger/')) {
          const problem = err.toJSON();
          await writer.transaction(() => store.setProblem(companyId, problem, this.options.now().toISOString()));
          return;
        }
        throw err;
      }
      if (store.problem(companyId)) await writer.transaction(() => store.clearProblem(companyId));
      if (!verified) return;
      const { rows, head } = verified;
      await writer.transaction(() => store.storeVerified(companyId, rows, head));
      for (const r of rows) tree.append(r.leafHash);
      return;
    }
  }

  private async fetchAll(from: number, knownTreeSize: number): Promise<PulledLedger> {
    const entries: PulledLedger['entries'] = [];
    for (;;) {
      const raw = await this.options.session.authed((server) =>
        server.qa.pull.query({ from: from + entries.length, knownTreeSize, limit: this.options.pageSize ?? 500 }),
      );
      const page = qaPullOutput.parse(raw);
      entries.push(...page.entries);
      if (!page.hasMore || page.entries.length === 0) {
        return { entries, treeHead: page.treeHead, consistency: page.consistency, serverPublicKey: page.serverPublicKey, serverKeyId: page.serverKeyId };
      }
    }
  }

  /** The tree over the verified rows, rebuilt from the replica when the cache does not match it. */
  private tree(companyId: string, size: number): MerkleTree {
    const cached = this.trees.get(companyId);
    if (cached && cached.size === size) return cached;
    const rows = this.options.store.ledger(companyId);
    const tree = MerkleTree.fromLeafHashes(rows.slice(0, size).map((r) => r.leafHash));
    this.trees.set(companyId, tree);
    return tree;
  }
}
