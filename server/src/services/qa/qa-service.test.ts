import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntrySchema } from '../../../../shared/qa/ledger-entry';
import type { QaOp } from '../../../../shared/qa/ops';
import { QaProjection } from '../../../../shared/qa/projection';
import type { DocumentRecord } from '../../../../shared/qa/record';
import { keyRegistrationOp, signRecord } from '../../../../shared/qa/sign-record';
import { generateSigningKeys } from '../../../../shared/signing/ed25519';
import { ledgerEntries, memberships, qaDocuments, qaPolicies, signingKeys, users } from '../../db/schema/index';
import { createTestDeps, type TestDeps } from '../../testing/test-deps';
import type { AccessClaims } from '../auth/tokens';

let t: TestDeps;
let admin: AccessClaims;
let writer: AccessClaims;
beforeAll(async () => {
  t = await createTestDeps();
  const session = await t.deps.services.auth.register({ companyName: 'Acme', name: 'Ada Admin', email: 'ada@acme.example', password: 'correct horse battery staple' });
  admin = { userId: session.user.id, companyId: session.company.id, role: 'admin' };
  const { userId } = await t.deps.services.auth.addMember(admin, { email: 'wes@acme.example', name: 'Wes Warehouse', role: 'warehouse', password: 'correct horse battery staple' });
  writer = { userId, companyId: admin.companyId, role: 'warehouse' };
});
afterAll(() => t.close());

function gdpRecord(who: AccessClaims, name: string): DocumentRecord {
  return {
    companyId: who.companyId,
    documentId: crypto.randomUUID(),
    version: 1,
    title: 'Temperature excursion, dock 3',
    createdBy: { userId: who.userId, printedName: name },
    createdAt: '2026-11-22T10:00:00.000Z',
    previousVersion: null,
    change: { kind: 'create', reason: null },
    type: 'gdp',
    content: {
      category: 'temperature-excursion',
      occurredAt: '2026-11-22T06:40:00.000Z',
      site: 'Newark DC',
      lots: [],
      description: 'Reefer unit alarm during unloading.',
      minTemperatureC: 2,
      maxTemperatureC: 11.5,
      durationMinutes: 35,
      impactAssessment: 'Within the stability budget.',
      disposition: 'pending',
    },
  };
}

describe('QaService', () => {
  it('answers each op in order: a refusal is stored and does not stop the ops after it', async () => {
    const qa = t.deps.services.qa;
    const keys = await generateSigningKeys();
    const record = gdpRecord(writer, 'Wes Warehouse');
    const sign = async (): Promise<QaOp> => ({
      opId: crypto.randomUUID(),
      kind: 'document.sign',
      signature: await signRecord(record, { printedName: 'Wes Warehouse', userId: writer.userId, signedAt: '2026-11-22T10:01:00.000Z', meaning: 'authored', reason: null }, keys.secretKey),
    });
    const early = await sign();
    const ops: QaOp[] = [
      early, // before the document exists
      await keyRegistrationOp({ opId: crypto.randomUUID(), companyId: writer.companyId, userId: writer.userId, secretKey: keys.secretKey, publicKey: keys.publicKey, replaces: null }),
      { opId: crypto.randomUUID(), kind: 'document.version', record },
      early, // the same op again in the same push: its stored refusal
      await sign(),
      // Policy is an administrator's (11.10(g)).
      { opId: crypto.randomUUID(), kind: 'policy.set', policy: { coa: ['approved'], gdp: ['approved'], gmp: ['approved'] } },
    ];
    const { results } = await qa.push(writer, ops);
    expect(results.map((r) => (r.status === 'applied' ? r.seq : r.error.code))).toEqual(['qa/unknown-document', 0, 1, 'qa/unknown-document', 2, 'qa/not-permitted']);
    const [policy] = await qa.push(admin, [{ opId: crypto.randomUUID(), kind: 'policy.set', policy: { coa: ['reviewed', 'approved'], gdp: ['approved'], gmp: ['approved'] } }]).then((r) => r.results);
    expect(policy).toMatchObject({ status: 'applied', seq: 3 });
  });

  it('keeps projections equal to folding the ledger with the shared QaProjection', async () => {
    const rows = await t.deps.db.select().from(ledgerEntries).where(eq(ledgerEntries.companyId, admin.companyId)).orderBy(ledgerEntries.seq);
    const fold = new QaProjection(admin.companyId);
    for (const r of rows) fold.apply(ledgerEntrySchema.parse(JSON.parse(r.canonical)), r.seq);
    const docs = await t.deps.db.select().from(qaDocuments).where(eq(qaDocuments.companyId, admin.companyId));
    expect(docs.map((d) => d.state)).toEqual(fold.documents());
    expect(docs[0]).toMatchObject({ status: 'in-review', currentVersion: 1, updatedSeq: 2 });
    const keys = await t.deps.db.select().from(signingKeys).where(eq(signingKeys.companyId, admin.companyId));
    expect(keys.map((k) => ({ keyId: k.keyId, registeredSeq: k.registeredSeq, retiredSeq: k.retiredSeq, revokedSeq: k.revokedSeq }))).toEqual(
      fold.keys().map((k) => ({ keyId: k.keyId, registeredSeq: k.registeredSeq, retiredSeq: k.retiredSeq, revokedSeq: k.revokedSeq })),
    );
    const [policy] = await t.deps.db.select().from(qaPolicies).where(eq(qaPolicies.companyId, admin.companyId));
    expect(policy?.policy).toEqual(fold.policy);
  });

  it('names members by their printed name and role, and refuses a removed member', async () => {
    expect(await t.deps.services.qa.members(admin)).toEqual([
      { userId: admin.userId, printedName: 'Ada Admin', role: 'admin' },
      { userId: writer.userId, printedName: 'Wes Warehouse', role: 'warehouse' },
    ]);
    const [ghost] = await t.deps.db.insert(users).values({ email: 'ghost@acme.example', name: 'Ghost', passwordHash: 'x' }).returning();
    const claims: AccessClaims = { userId: ghost?.id ?? '', companyId: admin.companyId, role: 'admin' };
    await expect(t.deps.services.qa.push(claims, [{ opId: crypto.randomUUID(), kind: 'policy.set', policy: { coa: ['approved'], gdp: ['approved'], gmp: ['approved'] } }])).rejects.toMatchObject({ code: 'auth/unauthenticated' });
    expect(await t.deps.db.$count(memberships, eq(memberships.companyId, admin.companyId))).toBe(2);
  });

  it('pulls nothing but the server key from an empty ledger', async () => {
    const session = await t.deps.services.auth.register({ companyName: 'Empty Co', name: 'Eve', email: 'eve@empty.example', password: 'correct horse battery staple' });
    const pulled = await t.deps.services.qa.pull({ userId: session.user.id, companyId: session.company.id, role: 'admin' }, { from: 0, knownTreeSize: 0 });
    expect(pulled).toMatchObject({ entries: [], treeHead: null, consistency: [], hasMore: false });
    expect(Buffer.from(pulled.serverPublicKey, 'base64')).toHaveLength(32);
  });
});
