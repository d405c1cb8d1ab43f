import { AppError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { runMutation } from '../../../shared/inventory/mutators';
import { ReplicaInventoryTx } from '../sync/replica-inventory-tx';
import type { CommitDeps } from './import-committer';

export interface UndoResult {
  /** Lines whose whole received quantity was taken back. */
  reversed: number;
  /** Lines of which some stock had already left (picked, moved): only what remains was taken back. */
  partial: { row: number; received: number; reversed: number }[];
}

const UNDO_BATCH = 2_000;

/**
 * Undoes an import with compensating movements — never by deleting history (the ledger is
 * append-only, SYNC.md; Part 11 §11.10(e) for the audit view). Each line's receipt is adjusted
 * back by what is still on that shelf, reason "data-correction", through the outbox like any
 * other stock work; stock that has already been picked is reported, not driven negative.
 */
export async function undoImport(deps: CommitDeps, importId: string, session: { companyId: string; userId: string; name?: string }): Promise<UndoResult> {
  const sqlite = deps.db.$client;
  const record = sqlite.prepare('SELECT file_name AS fileName, status FROM imports WHERE id = ? AND company_id = ?').get(importId, session.companyId) as
    | { fileName: string; status: string }
    | undefined;
  if (!record) throw new AppError('import/unknown-import', 'That import does not exist on this computer.');
  if (record.status === 'undone') throw new AppError('import/already-undone', `The import of ${record.fileName} has already been undone.`);
  if (record.status === 'committing') throw new AppError('import/not-ready', `The import of ${record.fileName} is still being written; wait for it to finish.`);

  // A line whose movement is no longer on the replica (the server refused it) has nothing to reverse.
  const lines = sqlite
    .prepare(
      `SELECT json_extract(line.value, '$[0]') AS row, m.lot_id AS lotId, m.location_id AS locationId, m.quantity
       FROM import_batches b, json_each(b.lines) line JOIN stock_movements m ON m.id = json_extract(line.value, '$[1]')
       WHERE b.import_id = ? ORDER BY row`,
    )
    .all(importId) as { row: number; lotId: string; locationId: string; quantity: number }[];
  const result: UndoResult = { reversed: 0, partial: [] };
  const note = `undo of import ${importId.slice(-12)} (${record.fileName})`.slice(0, 500);
  for (let i = 0; i < lines.length; i += UNDO_BATCH) {
    await deps.writer.transaction(async () => {
      const now = deps.now().toISOString();
      const tx = new ReplicaInventoryTx(deps.db, session.companyId, session.userId, now);
      const outbox = deps.store.bulk(session.companyId, now);
      for (const line of lines.slice(i, i + UNDO_BATCH)) {
        const remaining = Math.min(line.quantity, Math.max(0, await tx.stockLevel(line.lotId, line.locationId)));
        if (remaining < line.quantity) result.partial.push({ row: line.row, received: line.quantity, reversed: remaining });
        else result.reversed += 1;
        if (remaining === 0) continue;
        const args = { lotId: line.lotId, locationId: line.locationId, delta: -remaining, reasonCode: 'data-correction' as const, note, movementId: newId() };
        await runMutation(tx, 'stock.adjust', args);
        outbox.enqueue('stock.adjust', args);
      }
      outbox.finish();
    });
  }
  sqlite
    .prepare("UPDATE imports SET status = 'undone', undone_at = ?, undone_by = ?, undone_by_name = ? WHERE id = ?")
    .run(deps.now().toISOString(), session.userId, session.name ?? null, importId);
  return result;
}
