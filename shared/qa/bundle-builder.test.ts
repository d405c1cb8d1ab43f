import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { buildBundle } from './bundle-builder';
import { verifyBundle } from './verify-bundle';
import { approvedCoa, at, exportBundle, keyRegistered, keyRevoked, makeSigner, sampleCoa, sealLedger, signatureEntry, versionEntry, DOCUMENT_ID } from './verify-bundle.fixture';

describe('buildBundle', () => {
  it('takes the version, its signatures and the signer keys from the whole ledger, each with its proof', async () => {
    const coa = await approvedCoa();
    const kinds = coa.bundle.entries.map((e) => (JSON.parse(e.canonical) as { kind: string }).kind);
    expect(kinds).toEqual(['key.registered', 'key.registered', 'key.registered', 'document.version', 'document.signature', 'document.signature', 'document.signature']);
    expect(coa.bundle.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(coa.bundle.treeHead).toEqual(coa.treeHead);
    expect(coa.bundle.entries.every((e) => e.proof.length === 4)).toBe(true); // 9 leaves: 3 hashes within the first 8, then leaf 8
  });

  it('refuses an unknown document or version with qa/unknown-document', async () => {
    const coa = await approvedCoa();
    expect(() => exportBundle(coa, DOCUMENT_ID, 2)).toThrow(AppError);
    try {
      exportBundle(coa, '11111111-1111-4111-8111-111111111111', 1);
    } catch (err) {
      expect((err as AppError).code).toBe('qa/unknown-document');
    }
  });

  it('refuses a ledger copy that does not match the tree head', async () => {
    const coa = await approvedCoa();
    expect(() => buildBundle({ ...coa, entries: coa.entries.slice(0, -1), documentId: DOCUMENT_ID, version: 1, exportedAt: at(0) })).toThrow(/entries 0\.\.8/);
    const swapped = coa.entries.map((e, i) => (i === 0 ? { ...e, canonical: (coa.entries[8] as { canonical: string }).canonical } : e));
    expect(() => buildBundle({ ...coa, entries: swapped, documentId: DOCUMENT_ID, version: 1, exportedAt: at(0) })).toThrow(/root/);
  });

  it('includes the entries that ended a signer key (revocation, replacement)', async () => {
    const [a, b, b2] = await Promise.all([makeSigner('Avery Author', 1), makeSigner('Blake Approver', 2), makeSigner('Blake Approver', 2)]);
    const record = sampleCoa(a);
    const ledger = [await keyRegistered(a, 1), await keyRegistered(b, 1), versionEntry(record, 2), await signatureEntry(record, a, 'authored', 'in-review', 3), await signatureEntry(record, b, 'approved', 'approved', 4), keyRevoked(a, 5), await keyRegistered(b2, 6, b.keyId)];
    const bundle = exportBundle(await sealLedger(ledger));
    expect(bundle.entries.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const report = await verifyBundle(bundle);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });
});
