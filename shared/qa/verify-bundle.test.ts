import { describe, expect, it } from 'vitest';
import type { VerificationReport } from './bundle';
import { verifyBundle } from './verify-bundle';
import { approvedCoa, exportBundle, keyRegistered, keyRevoked, makeSigner, sampleCoa, sealLedger, signatureEntry, versionEntry } from './verify-bundle.fixture';

const failed = (r: VerificationReport) => r.checks.filter((c) => !c.ok).map((c) => c.check);

describe('verifyBundle', () => {
  it('passes a genuine approved CoA, naming every check', async () => {
    const coa = await approvedCoa();
    const report = await verifyBundle(JSON.parse(JSON.stringify(coa.bundle)), { serverPublicKey: coa.serverPublicKey });
    expect(failed(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.check)).toEqual([
      'bundle format',
      'ledger entries',
      'record hash',
      'signature 1 (Avery Author, authored)',
      'signature 2 (Riley Reviewer, reviewed)',
      'signature 3 (Zoë Quality-Approver, approved)',
      'signer key registered before signing',
      'key not revoked before signing',
      'required signatures',
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `ledger inclusion of entry ${n}`),
      'server key',
      'tree head signature',
    ]);
    expect(report.checks.find((c) => c.check === 'required signatures')?.message).toBe('Status approved: authored by Avery Author; reviewed by Riley Reviewer; approved by Zoë Quality-Approver.');
    expect(report.checks.find((c) => c.check === 'server key')?.message).toContain('you trust');
  });

  it('reports the server key fingerprint when no key is given, and fails on a different trusted key', async () => {
    const coa = await approvedCoa();
    const plain = await verifyBundle(coa.bundle);
    expect(plain.ok).toBe(true);
    expect(plain.checks.find((c) => c.check === 'server key')?.message).toContain(coa.serverKeyId);
    const other = await approvedCoa();
    const wrong = await verifyBundle(coa.bundle, { serverPublicKey: other.serverPublicKey });
    expect(failed(wrong)).toEqual(['server key']);
    expect(wrong.checks.find((c) => c.check === 'server key')?.message).toContain(other.serverKeyId);
  });

  it('never throws on garbage: names the bundle format check', async () => {
    for (const input of [null, 42, 'bundle', [], {}, { format: 'atlas.qa-bundle/1' }]) {
      const report = await verifyBundle(input);
      expect(report.ok).toBe(false);
      expect(failed(report)).toEqual(['bundle format']);
    }
  });

  it('fails a draft or in-review version as not approved, and only that check', async () => {
    const [a] = await Promise.all([makeSigner('Avery Author', 1)]);
    const record = sampleCoa(a!);
    const bundle = exportBundle(await sealLedger([await keyRegistered(a!, 1), versionEntry(record, 2), await signatureEntry(record, a!, 'authored', 'in-review', 3)]));
    const report = await verifyBundle(bundle);
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual(['required signatures']);
    expect(report.checks.find((c) => c.check === 'required signatures')?.message).toBe('Status in-review: this version is NOT approved (signed: authored by Avery Author).');
  });

  it('fails a signature made after its key was revoked or replaced, or before it was registered', async () => {
    const [a, b, b2] = await Promise.all([makeSigner('Avery Author', 1), makeSigner('Blake Approver', 2), makeSigner('Blake Approver', 2)]);
    const record = sampleCoa(a);
    const revokedFirst = exportBundle(await sealLedger([await keyRegistered(a, 1), await keyRegistered(b, 1), versionEntry(record, 2), keyRevoked(a, 3), await signatureEntry(record, a, 'authored', 'in-review', 4)]));
    const r1 = await verifyBundle(revokedFirst);
    // (in review, so "required signatures" fails too)
    expect(failed(r1)).toEqual(['key not revoked before signing', 'required signatures']);
    expect(r1.checks.find((c) => !c.ok)?.message).toMatch(/revoked at entry 3, before signature 1 \(entry 4\)/);

    const replacedFirst = exportBundle(await sealLedger([await keyRegistered(b, 1), versionEntry(record, 2), await keyRegistered(b2, 3, b.keyId), await signatureEntry(record, b, 'approved', 'approved', 4)]));
    expect(failed(await verifyBundle(replacedFirst))).toEqual(['key not revoked before signing']);

    const registeredLate = exportBundle(await sealLedger([versionEntry(record, 2), await signatureEntry(record, a, 'authored', 'in-review', 3), await keyRegistered(a, 4)]));
    const r3 = await verifyBundle(registeredLate);
    expect(failed(r3)).toEqual(['signer key registered before signing', 'required signatures']);
    expect(r3.checks.find((c) => !c.ok)?.message).toMatch(/precedes the registration of its key/);
  });

  it('fails a signature by a key registered to someone else', async () => {
    const [a, b] = await Promise.all([makeSigner('Avery Author', 1), makeSigner('Blake Approver', 2)]);
    const record = sampleCoa(a);
    const impostor = { ...b, keys: a.keys, keyId: a.keyId, publicKey: a.publicKey }; // Blake signs with Avery's key
    const bundle = exportBundle(await sealLedger([await keyRegistered(a, 1), versionEntry(record, 2), await signatureEntry(record, impostor, 'approved', 'approved', 3)]));
    const report = await verifyBundle(bundle);
    expect(failed(report)).toEqual(['signature 1 (Blake Approver, approved)']);
    expect(report.checks.find((c) => !c.ok)?.message).toMatch(/registered to user .*, not to the signer/);
  });

  it('verifies a 1,000-signature bundle, and names the one signature of 1,000 that was changed', async () => {
    const coa = await approvedCoa({ signatures: 1_000 });
    expect(coa.bundle.entries).toHaveLength(2_001); // 1,000 key registrations, the version, 1,000 signatures
    const report = await verifyBundle(coa.bundle);
    expect(failed(report)).toEqual([]);
    expect(report.checks.filter((c) => c.check.startsWith('signature '))).toHaveLength(1_000);
    expect(report.checks.find((c) => c.check === 'required signatures')?.message).toMatch(/^Status approved: reviewed by Avery Author; .*; and 990 more\.$/);

    const tampered = JSON.parse(JSON.stringify(coa.bundle)) as typeof coa.bundle;
    const target = tampered.entries[1_500] as { canonical: string };
    target.canonical = target.canonical.replace(/"printedName":"Signer (\d+)"/g, '"printedName":"Signer $1x"');
    const bad = await verifyBundle(tampered);
    expect(failed(bad)).toEqual(['signature 500 (Signer 500x, reviewed)', 'ledger inclusion of entry 1501']);
  });
});
