import { AppError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { runMutation } from '../../../shared/inventory/mutators';
import { nextTurn } from '../replica/replica-writer';
import { ReplicaInventoryTx } from '../sync/replica-inventory-tx';
import type { CommitDeps } from './import-committer';

export interface UndoResult {
  /** Lines whose whole received quantity was taken back. */
  reversed: number;
  /** Lines of which some stock had already left (picked, moved): only what remains was taken back. */
  partial: { row: number; received: number; reversed: number }[];
  /** Lines an earlier, interrupted undo had already taken back (counted in neither list). */
  resumedAfter: number;
}

/** Import lines taken back so far, of all the import's lines. */
export interface UndoProgress {
  done: number;
  total: number;
}

/**
 * Undoes an import with compensating movements — never by deleting history (the ledger is
 * append-only, SYNC.md; Part 11 §11.10(e) for the audit view). Each line's receipt is adjusted
 * back by what is still on that shelf, reason "data-correction", through the outbox like any
 * other stock work; stock that has already been picked is reported, not driven negative.
 *
 * One replica transaction per import batch, which is marked undone in that same transaction. An
 * undo stopped part way (the app closed, a failure) is 'undo-interrupted', and undoing again
 * resumes after the last batch taken back: going by the shelf alone, a second pass would take
 * back stock of the same lot that came from elsewhere.
 */
export async function undoImport(
  deps: CommitDeps,
  importId: string,
  session: { companyId: string; userId: string; name?: string },
  onProgress?: (progress: UndoProgress) => void,
): Promise<UndoResult> {
  const sqlite = deps.db.$client;
  const record = sqlite.prepare('SELECT file_name AS fileName, status FROM imports WHERE id = ? AND company_id = ?').get(importId, session.companyId) as
    | { fileName: string; status: string }
    | undefined;
  if (!record) throw new AppError('import/unknown-import', 'That import does not exist on this computer.');
  if (record.status === 'undone') throw new AppError('import/already-undone', `The import of ${record.fileName} has already been undone.`);
  if (record.status === 'committing') throw new AppError('import/not-ready', `The import of ${record.fileName} is still being written; wait for it to finish.`);
  if (record.status === 'undoing') throw new AppError('import/not-ready', `The import of ${record.fileName} is being undone already.`);

  const batches = sqlite
    .prepare('SELECT first_row AS firstRow, json_array_length(lines) AS lines, undone_at IS NOT NULL AS undone FROM import_batches WHERE import_id = ? ORDER BY first_row')
    .all(importId) as { firstRow: number; lines: number; undone: number }[];
  const progress: UndoProgress = { done: 0, total: 0 };
  for (const b of batches) {
    progress.total += b.lines;
    if (b.undone) progress.done += b.lines;
  }
  const result: UndoResult = { reversed: 0, partial: [], resumedAfter: progress.done };
  const setStatus = sqlite.prepare('UPDATE imports SET status = ? WHERE id = ?');
  setStatus.run('undoing', importId);
  onProgress?.({ ...progress });
  try {
    // A line whose movement is no longer on the replica (the server refused it) has nothing to reverse.
    const linesOf = sqlite.prepare(
      `SELECT json_extract(line.value, '$[0]') AS row, m.lot_id AS lotId, m.location_id AS locationId, m.quantity
       FROM import_batches b, json_each(b.lines) line JOIN stock_movements m ON m.id = json_extract(line.value, '$[1]')
       WHERE b.import_id = ? AND b.first_row = ? AND b.undone_at IS NULL ORDER BY row`,
    );
    const markUndone = sqlite.prepare('UPDATE import_batches SET undone_at = ? WHERE import_id = ? AND first_row = ?');
    const note = `undo of import ${importId.slice(-12)} (${record.fileName})`.slice(0, 500);
    for (const batch of batches) {
      if (batch.undone) continue;
      await deps.writer.transaction(async () => {
        const now = deps.now().toISOString();
        const tx = new ReplicaInventoryTx(deps.db, session.companyId, session.userId, now);
        const outbox = deps.store.bulk(session.companyId, now);
        for (const line of linesOf.all(importId, batch.firstRow) as { row: number; lotId: string; locationId: string; quantity: number }[]) {
          const remaining = Math.min(line.quantity, Math.max(0, await tx.stockLevel(line.lotId, line.locationId)));
          if (remaining < line.quantity) result.partial.push({ row: line.row, received: line.quantity, reversed: remaining });
          else result.reversed += 1;
          if (remaining === 0) continue;
          const args = { lotId: line.lotId, locationId: line.locationId, delta: -remaining, reasonCode: 'data-correction' as const, note, movementId: newId() };
          await runMutation(tx, 'stock.adjust', args);
          outbox.enqueue('stock.adjust', args);
        }
        outbox.finish();
        markUndone.run(now, importId, batch.firstRow);
      });
      progress.done += batch.lines;
      onProgress?.({ ...progress });
      await nextTurn();
    }
  } catch (err) {
    setStatus.run('undo-interrupted', importId);
    throw err;
  }
  sqlite
    .prepare("UPDATE imports SET status = 'undone', undone_at = ?, undone_by = ?, undone_by_name = ? WHERE id = ?")
    .run(deps.now().toISOString(), session.userId, session.name ?? null, importId);
  return result;
}
