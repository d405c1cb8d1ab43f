import { AppError } from '../../../shared/errors';
import { ledgerEntrySchema, type LedgerEntry } from '../../../shared/qa/ledger-entry';
import type { QaOp } from '../../../shared/qa/ops';
import { QaProjection } from '../../../shared/qa/projection';
import type { Actor } from '../../../shared/qa/state';
import { decide } from '../../../shared/qa/workflow';
import type { LedgerRow, PendingOp } from './qa-store';

/** The document an op touches, for the decide context. */
export function documentIdOf(op: QaOp): string | null {
  if (op.kind === 'document.version') return op.record.documentId;
  if (op.kind === 'document.sign') return op.signature.documentId;
  return null;
}

/** Parses verified ledger rows once; the parse is cached by the caller (rows never change). */
export function parseRows(rows: readonly LedgerRow[]): LedgerEntry[] {
  return rows.map((r) => {
    const parsed = ledgerEntrySchema.safeParse(JSON.parse(r.canonical));
    if (!parsed.success) throw new AppError('replica/corrupt', `QA ledger entry #${r.seq} in the local replica is not a ledger entry.`);
    return parsed.data;
  });
}

export interface QaState {
  projection: QaProjection;
  /** Queued ops that the local workflow accepts on top of the verified ledger (the others wait for the server's verdict). */
  applied: PendingOp[];
}

/**
 * What this computer shows: the verified ledger folded in order (seq = ledger index), then this
 * computer's queued ops on top with seq null. Each queued op is decided locally with the device
 * clock by the same pure workflow the server runs, so an offline signer gets the same refusals the
 * server would give; an op the workflow refuses now (e.g. someone else signed first) is left out
 * here and the server's verdict shows it as rejected after the next sync.
 */
export async function buildState(companyId: string, entries: readonly LedgerEntry[], pending: readonly PendingOp[], actor: Actor, now: string): Promise<QaState> {
  const projection = new QaProjection(companyId);
  entries.forEach((entry, seq) => projection.apply(entry, seq));
  const applied: PendingOp[] = [];
  for (const p of pending) {
    if (p.status !== 'pending') continue;
    const entry = await tryDecide(projection, actor, now, p.op);
    if (!entry) continue;
    projection.apply(entry, null);
    applied.push(p);
  }
  return { projection, applied };
}

async function tryDecide(projection: QaProjection, actor: Actor, now: string, op: QaOp): Promise<LedgerEntry | null> {
  try {
    return await decide(projection.context(actor, now, documentIdOf(op)), op);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}
