import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../../shared/qa/record';
import { verifyBundle } from '../../../../shared/qa/verify-bundle';
import { approvedCoa, exportBundle, keyRegistered, makeSigner, sampleCoa, sealLedger, signatureEntry, versionEntry, type ApprovedCoa } from '../../../../shared/qa/verify-bundle.fixture';
import { pdfToPng } from '../../../../tests/support/pdf-to-png';
import { renderRecordPdf } from './render-record-pdf';
import { formatDate, formatNdc, formatUtc } from './record-format';
import { winAnsi, wrapText } from './pdf-text';

const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;
let dir: string;
let coa: ApprovedCoa;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-pdf-'));
  coa = await approvedCoa();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as poppler lays it out, whitespace collapsed (so wrapping does not matter). */
function textOf(pdf: Uint8Array, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('record formatting', () => {
  it('prints dates with the month as a word, times in UTC, NDCs 5-4-2', () => {
    expect(formatDate('2027-03-12')).toBe('12 Mar 2027');
    expect(formatUtc('2026-11-22T10:03:00.060Z')).toBe('22 Nov 2026 10:03:00 UTC');
    expect(formatNdc('00093310905')).toBe('00093-3109-05');
  });

  it('keeps WinAnsi text, spells common symbols and replaces the rest with "?"', () => {
    expect(winAnsi('Zoë Ørsted – “QA” €5 ≤ 14.5 %')).toBe('Zoë Ørsted – “QA” €5 <= 14.5 %');
    expect(winAnsi('Zoe\u0308')).toBe('Zoë'); // combining diaeresis, NFC
    expect(winAnsi('李小龙 Ωmega 😀')).toBe('??? ?mega ?');
  });
});

describe('renderRecordPdf', () => {
  it('prints the CoA, every manifestation and the verification section', async () => {
    const report = await verifyBundle(coa.bundle);
    const pdf = await renderRecordPdf(coa.bundle, report);
    const parsed = await PDFDocument.load(pdf);
    expect(parsed.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(parsed.getTitle()).toBe('CoA Amoxicillin 500 mg lot 00392/174 (version 1)');
    expect(parsed.getCreationDate()?.toISOString()).toBe(new Date(coa.bundle.exportedAt).toISOString());
    if (!hasPoppler) return;
    const text = textOf(pdf, 'coa');
    for (const expected of [
      'CERTIFICATE OF ANALYSIS',
      'Status APPROVED',
      'Amoxicillin Capsules USP 500 mg',
      'NDC 00093-3109-05',
      'Lot 00392/174',
      'Manufactured 12 Mar 2026',
      'Expiry 12 Mar 2027',
      'Test Method Limit Result Pass/Fail',
      'Water content',
      'PASS',
      // 21 CFR 11.50: printed name, date and time, meaning (and the reason) of every signature.
      'Signature 1: Authored (responsibility for the content) Printed name Avery Author Date and time 22 Nov 2026 10:03:00 UTC',
      'Signature 2: Reviewed Printed name Riley Reviewer Date and time 22 Nov 2026 10:03:00 UTC Meaning Reviewed Reason None given',
      'Signature 3: Approved (QA release) Printed name Zoë Quality-Approver',
      'Reason Released for distribution',
      'Verification',
      'Verdict VERIFIED: all 18 checks passed',
      `Record SHA-256 ${JSON.parse(coa.bundle.entries[3]?.canonical ?? '{}').recordHash}`,
      `Server key ${coa.serverKeyId}`,
      '9 entries, signed 23 Nov 2026 10:00:00 UTC',
      'atlas verify',
    ]) {
      expect(text).toContain(expected);
    }
    for (const s of coa.signers) expect(text).toContain(s.keyId);
    for (const e of coa.bundle.entries) expect(text).toContain(`${e.seq}: `);
    // The base64 root may be broken across lines by the mono wrap; compare without spaces.
    expect(text.replace(/ /g, '')).toContain(coa.treeHead.rootHash);
  });

  it('says NOT VERIFIED and prints the failed checks when the report failed', async () => {
    const tampered = JSON.parse(JSON.stringify(coa.bundle)) as typeof coa.bundle;
    tampered.treeHead.signedAt = '2026-11-23T10:00:01.000Z';
    const report = await verifyBundle(tampered);
    const pdf = await renderRecordPdf(tampered, report);
    if (!hasPoppler) return;
    const text = textOf(pdf, 'failed');
    expect(text).toContain('NOT VERIFIED: 1 of 18 checks failed');
    expect(text).toContain('Failed checks (do not rely on this record): tree head signature: The server\'s Ed25519 signature over the tree head');
  });

  it('flows a 200-line specification and long descriptions over several pages, and prints names outside WinAnsi', async () => {
    const [author, approver] = await Promise.all([makeSigner('李 Wei', 1), makeSigner('Zoë Ørsted', 2)]);
    const base = sampleCoa(author) as Extract<DocumentRecord, { type: 'coa' }>;
    const record = {
      ...base,
      content: {
        ...base.content,
        specification: Array.from({ length: 200 }, (_, i) => ({ test: `Test ${i + 1} ${'impurity '.repeat(i % 7)}`.trim(), method: 'USP <621> HPLC gradient', limit: '≤ 0.10 %', result: '0.02 %', pass: i !== 117 })),
        conclusion: 'Long conclusion. '.repeat(110).trim(),
      },
    } as DocumentRecord;
    const ledger = [await keyRegistered(author!, 1), await keyRegistered(approver!, 1), versionEntry(record, 2), await signatureEntry(record, author!, 'authored', 'in-review', 3), await signatureEntry(record, approver!, 'rejected', 'rejected', 4, 'Test 118 is out of limit')];
    const bundle = exportBundle(await sealLedger(ledger));
    const pdf = await renderRecordPdf(bundle, await verifyBundle(bundle));
    const parsed = await PDFDocument.load(pdf);
    expect(parsed.getPageCount()).toBeGreaterThanOrEqual(5);
    if (!hasPoppler) return;
    const text = textOf(pdf, 'long');
    expect(text).toContain('Status REJECTED');
    for (const n of [1, 100, 200]) expect(text).toContain(`Test ${n} `);
    expect(text).toContain('FAIL');
    expect(text).toContain('<= 0.10 %');
    expect(text).toContain('Printed name ? Wei');
    expect(text).toContain('Printed name Zoë Ørsted');
    expect(text).toContain('shown as "?"');
    expect(text).toContain(`Page ${parsed.getPageCount()} of ${parsed.getPageCount()}`);
  });

  it('prints GDP and GMP records', async () => {
    const author = await makeSigner('Avery Author', 1);
    const base = sampleCoa(author);
    const gdp = { ...base, title: 'Temperature excursion dock 3', type: 'gdp', content: { category: 'temperature-excursion', occurredAt: '2026-07-04T03:15:00.000Z', site: 'Dock 3', lots: [{ ndc11: '00093310905', lotNumber: 'A1' }], description: 'Reefer failed. '.repeat(300).trim(), minTemperatureC: 2, maxTemperatureC: 11.5, durationMinutes: 95, impactAssessment: 'Stability data cover 12 °C for 4 h.', disposition: 'release' } } as DocumentRecord;
    const gmp = { ...base, documentId: '7a4e2d1c-3b5a-4978-8e6d-5c4b3a291807', title: 'Deviation DEV-2026-014', type: 'gmp', content: { category: 'deviation', reference: 'DEV-2026-014', lots: [], description: 'Label mix-up.', rootCause: null, correctiveAction: 'Relabel.', preventiveAction: null, dueDate: '2026-12-01', outcome: 'Closed.' } } as DocumentRecord;
    const sealed = await sealLedger([await keyRegistered(author, 1), versionEntry(gdp, 2), versionEntry(gmp, 3)]);
    const gdpPdf = await renderRecordPdf(exportBundle(sealed), await verifyBundle(exportBundle(sealed)));
    const gmpBundle = exportBundle(sealed, gmp.documentId);
    const gmpPdf = await renderRecordPdf(gmpBundle, await verifyBundle(gmpBundle));
    expect((await PDFDocument.load(gdpPdf)).getPageCount()).toBeGreaterThanOrEqual(2);
    if (!hasPoppler) return;
    const gdpText = textOf(gdpPdf, 'gdp');
    for (const t of ['GDP RECORD', 'Status DRAFT', 'Category Temperature excursion', 'Occurred 4 Jul 2026 03:15:00 UTC', 'NDC 00093-3109-05 lot A1', '2 °C / 11.5 °C', '95 min', 'Disposition Release', 'This version has not been signed.']) expect(gdpText).toContain(t);
    const gmpText = textOf(gmpPdf, 'gmp');
    for (const t of ['GMP RECORD', 'Reference DEV-2026-014', 'Root cause None', 'Due date 1 Dec 2026', 'Outcome Closed.']) expect(gmpText).toContain(t);
  });

  it.skipIf(!hasPoppler)('renders to PNG for a screenshot (tests/support/pdf-to-png)', async () => {
    const pdfPath = join(dir, 'shot.pdf');
    writeFileSync(pdfPath, await renderRecordPdf(coa.bundle, await verifyBundle(coa.bundle)));
    const png = join(dir, 'shot.png');
    await pdfToPng(pdfPath, png);
    expect([...readFileSync(png).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await expect(pdfToPng(join(dir, 'missing.pdf'), join(dir, 'x.png'))).rejects.toThrow(/pdftoppm could not render/);
  });

  it('wraps words longer than a line', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont('Helvetica');
    const lines = wrapText(`short ${'a'.repeat(300)} end`, font, 10, 100);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.every((l) => font.widthOfTextAtSize(l, 10) <= 100)).toBe(true);
    expect(lines.join('')).toBe(`short${'a'.repeat(300)} end`);
  });
});
