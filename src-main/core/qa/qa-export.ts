import { AppError } from '../../../shared/errors';
import { toBase64 } from '../../../shared/ledger/tree-head';
import type { VerificationBundle, VerificationReport } from '../../../shared/qa/bundle';
import { buildBundle } from '../../../shared/qa/bundle-builder';
import { QaProjection } from '../../../shared/qa/projection';
import { verifyBundle } from '../../../shared/qa/verify-bundle';
import type { LedgerEntry } from '../../../shared/qa/ledger-entry';
import type { LedgerRow, VerifiedHead } from './qa-store';

export interface ExportSource {
  companyId: string;
  rows: readonly LedgerRow[];
  entries: readonly LedgerEntry[];
  head: VerifiedHead | null;
  now: string;
}

/**
 * Bundles and PDFs are made from this computer's VERIFIED copy of the ledger only (issue 5,
 * Export): the proofs are computed here from the leaves it holds and lead to the last tree head
 * it verified, so an export never vouches for anything the server has not ledgered. A version
 * still queued on this computer cannot be exported until it has synced.
 */
export function exportBundle(source: ExportSource, documentId: string, version?: number): { bundle: VerificationBundle; title: string } {
  const projection = new QaProjection(source.companyId);
  source.entries.forEach((entry, seq) => projection.apply(entry, seq));
  const doc = projection.document(documentId);
  if (!doc || !source.head) {
    throw new AppError('qa/invalid-transition', 'This record is not in the server\'s ledger yet (it was made on this computer and has not synced). Sync, then export it.');
  }
  const wanted = version ?? doc.versions.at(-1)?.record.version;
  const state = doc.versions.find((v) => v.record.version === wanted);
  if (!state) throw new AppError('not-found', `This record has no version ${wanted} in the server's ledger. Sync, or choose an existing version.`);
  const bundle = buildBundle({
    entries: source.rows.map((r) => ({ seq: r.seq, canonical: r.canonical })),
    treeHead: source.head.treeHead,
    serverPublicKey: source.head.serverPublicKey,
    serverKeyId: source.head.serverKeyId,
    documentId,
    version: state.record.version,
    exportedAt: source.now,
  });
  return { bundle, title: state.record.title };
}

export function verifyExport(bundle: VerificationBundle, head: VerifiedHead): Promise<VerificationReport> {
  // The server key this computer pinned, not the one the bundle carries (which a forger controls).
  return verifyBundle(bundle, { serverPublicKey: head.serverPublicKey });
}

export async function exportPdf(bundle: VerificationBundle, head: VerifiedHead): Promise<string> {
  const report = await verifyExport(bundle, head);
  // pdf-lib is loaded when someone first exports a PDF, not at every start of the core.
  const { renderRecordPdf } = await import('./pdf/render-record-pdf');
  return toBase64(await renderRecordPdf(bundle, report));
}

/** A file name that says what the record is: "coa-acme-1234-lot-00392-v2". */
export function exportFileName(title: string, version: number, extension: string): string {
  const slug = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'record';
  return `${slug}-v${version}.${extension}`;
}
