import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../../../shared/errors';
import type { VerificationBundle, VerificationReport } from '../../../../shared/qa/bundle';
import { DOCUMENT_TYPE_LABELS } from '../../../../shared/qa/content';
import { ledgerEntrySchema, type LedgerEntry } from '../../../../shared/qa/ledger-entry';
import { MEANING_LABELS } from '../../../../shared/qa/signature';
import { BAD, GOOD, PageWriter } from './pdf-layout';
import { printsExactly } from './pdf-text';
import { contentFields, formatUtc, STATUS_LABELS } from './record-format';

type Signed = Extract<LedgerEntry, { kind: 'document.signature' }>;

/**
 * The printed form of one version of a record (issue 5, Export): the content; every signature's
 * manifestation — printed name, date and time (UTC) and meaning, plus the reason — on the page
 * with the record it signs (21 CFR 11.50(a), (b)); and a verification section (record SHA-256,
 * signer key fingerprints, the ledger index of every entry, the signed tree head, the server key)
 * with the verdict of `report`, so a reader can re-check it with `atlas verify` on the JSON bundle.
 */
export async function renderRecordPdf(bundle: VerificationBundle, report: VerificationReport): Promise<Uint8Array> {
  const entries = bundle.entries.flatMap((e) => {
    const parsed = safeEntry(e.canonical);
    return parsed ? [{ seq: e.seq, entry: parsed }] : [];
  });
  const versionEntry = entries.find((e) => e.entry.kind === 'document.version' && e.entry.record.documentId === bundle.documentId && e.entry.record.version === bundle.version);
  if (!versionEntry || versionEntry.entry.kind !== 'document.version') {
    throw new AppError('qa/bad-bundle', `The bundle holds no readable version ${bundle.version} of document ${bundle.documentId}, so there is nothing to print.`);
  }
  const { record, recordHash } = versionEntry.entry;
  const signatures = entries.filter((e): e is { seq: number; entry: Signed } => e.entry.kind === 'document.signature').sort((a, b) => a.seq - b.seq);
  const status = signatures.at(-1)?.entry.statusAfter ?? 'draft';

  const doc = await PDFDocument.create();
  const title = `${record.title} (version ${record.version})`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(`${DOCUMENT_TYPE_LABELS[record.type]}, record SHA-256 ${recordHash}`);
  doc.setAuthor(record.createdBy.printedName);
  doc.setKeywords([record.type, `document ${record.documentId}`, `version ${record.version}`, status]);
  doc.setCreator('Atlas');
  doc.setProducer('Atlas (pdf-lib)');
  // The export time, not the clock at rendering, so the same bundle always gives the same file.
  const exported = new Date(bundle.exportedAt);
  if (!Number.isNaN(exported.getTime())) {
    doc.setCreationDate(exported);
    doc.setModificationDate(exported);
  }

  const w = await PageWriter.open(doc);
  w.paragraph(DOCUMENT_TYPE_LABELS[record.type].toUpperCase(), { font: w.bold, size: 9, color: GOOD });
  w.paragraph(record.title, { font: w.bold, size: 17 });
  w.space(4);
  w.field('Status', STATUS_LABELS[status] ?? status, { color: status === 'approved' ? GOOD : BAD });
  w.field('Version', `${record.version}${record.previousVersion ? ` (replaces version ${record.previousVersion})` : ''}`);
  w.field('Change', `${record.change.kind}${record.change.reason ? `: ${record.change.reason}` : ''}`);
  w.field('Written by', `${record.createdBy.printedName}, ${formatUtc(record.createdAt)}`);
  w.field('Company', bundle.companyId, { mono: true });
  w.field('Document', record.documentId, { mono: true });

  w.heading('Content');
  for (const [label, value] of contentFields(record)) w.field(label, value);
  if (record.type === 'coa') {
    w.space(6);
    w.table(
      [
        { header: 'Test', width: 3 },
        { header: 'Method', width: 3 },
        { header: 'Limit', width: 3 },
        { header: 'Result', width: 2.4 },
        { header: 'Pass/Fail', width: 1.3 },
      ],
      record.content.specification.map((s) => [s.test, s.method, s.limit, s.result, s.pass ? 'PASS' : 'FAIL']),
      { cellColor: (r, c) => (c === 4 ? (record.content.specification[r]?.pass ? GOOD : BAD) : undefined) },
    );
    w.field('Conclusion', record.content.conclusion ?? 'None');
  }

  w.heading('Electronic signatures (21 CFR 11.50)');
  if (!signatures.length) w.paragraph('This version has not been signed.', { color: BAD });
  for (const [i, { seq, entry }] of signatures.entries()) {
    const m = entry.signature.manifestation;
    w.ensure(90);
    w.paragraph(`Signature ${i + 1}: ${MEANING_LABELS[m.meaning]}`, { font: w.bold, size: 11 });
    w.field('Printed name', m.printedName);
    w.field('Date and time', formatUtc(m.signedAt));
    w.field('Meaning', MEANING_LABELS[m.meaning]);
    w.field('Reason', m.reason ?? 'None given');
    w.field('Signer key', entry.signature.keyId, { mono: true });
    w.field('Ledger entry', String(seq));
    w.space(4);
  }

  w.heading('Verification');
  w.field('Verdict', report.ok ? `VERIFIED: all ${report.checks.length} checks passed` : `NOT VERIFIED: ${report.checks.filter((c) => !c.ok).length} of ${report.checks.length} checks failed`, { color: report.ok ? GOOD : BAD });
  w.field('Record SHA-256', recordHash, { mono: true });
  const keys = [...new Map(signatures.map((s) => [s.entry.signature.keyId, s.entry.signature.manifestation.printedName])).entries()];
  w.field('Signer keys', keys.length ? keys.map(([keyId, name]) => `${name}: ${keyId}`).join('\n') : 'None');
  w.field('Ledger entries', entries.map((e) => `${e.seq}: ${describe(e.entry)}`).join('\n'));
  w.field('Tree head', `${bundle.treeHead.treeSize} entries, signed ${formatUtc(bundle.treeHead.signedAt)}`);
  w.field('Root hash', bundle.treeHead.rootHash, { mono: true });
  w.field('Server key', bundle.serverKeyId, { mono: true });
  const failed = report.checks.filter((c) => !c.ok);
  if (failed.length) {
    w.space(4);
    w.paragraph('Failed checks (do not rely on this record):', { font: w.bold, color: BAD });
    for (const c of failed) w.paragraph(`${c.check}: ${c.message}`, { color: BAD, indent: 12 });
  }
  w.space(6);
  const inexact = [record.title, ...signatures.map((s) => s.entry.signature.manifestation.printedName)].some((t) => !printsExactly(t));
  w.paragraph(
    `To verify this record independently, run \`atlas verify\` on its JSON bundle (exported ${formatUtc(bundle.exportedAt)}): it re-checks the record hash, every Ed25519 signature, the signer keys and every RFC 6962 inclusion proof against the server-signed tree head, offline.${inexact ? ' Some characters could not be printed in this PDF\'s font and are shown as "?"; the bundle holds the exact signed text.' : ''}`,
    { size: 8.5 },
  );

  w.footers(`${record.title.slice(0, 60)} v${record.version}  ·  SHA-256 ${recordHash.slice(0, 16)}…`);
  return doc.save();
}

function safeEntry(canonical: string): LedgerEntry | null {
  try {
    const parsed = ledgerEntrySchema.safeParse(JSON.parse(canonical));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function describe(e: LedgerEntry): string {
  switch (e.kind) {
    case 'document.version':
      return `version ${e.record.version} recorded by ${e.actor.printedName}, ${formatUtc(e.at)}`;
    case 'document.signature':
      return `${e.signature.manifestation.meaning} by ${e.signature.manifestation.printedName}`;
    case 'key.registered':
      return `key ${e.keyId} registered to ${e.printedName}${e.replaces ? ` (replaces ${e.replaces})` : ''}`;
    case 'key.revoked':
      return `key ${e.keyId} revoked: ${e.reason}`;
    case 'policy.set':
      return 'signature policy set';
  }
}

