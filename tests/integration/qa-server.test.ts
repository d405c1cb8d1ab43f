import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, leafHash, rootOf, verifyConsistency } from '../../shared/ledger';
import { verifyTreeHead } from '../../shared/ledger/tree-head';
import { ledgerEntrySchema, type LedgerEntry } from '../../shared/qa/ledger-entry';
import type { QaOp } from '../../shared/qa/ops';
import { signaturePayload } from '../../shared/qa/signature';
import { fingerprint, generateSigningKeys, sign, verify } from '../../shared/signing/ed25519';
import type { ServerDeps } from '../../server/src/context';
import { openDatabase, type OpenDatabase } from '../../server/src/db/client';
import { qaDocuments, qaOps, signingKeys } from '../../server/src/db/schema/index';
import { createCaller } from '../../server/src/routers/_app';
import { createContextInner } from '../../server/src/context';
import { createServerDeps } from '../../server/src/server-deps';
import { signedInOrThrow } from '../../server/src/services/auth/sign-in-result';
import { backends, skippedHere } from './support/backends';
import { ACME_QA_TEAM, addAcmeQaTeam, applied, coaRecord, failureCode, personFor, push1, refusedWith, registerOp, signOp, type QaPerson } from './qa-server-people';

const b = (s: string) => Uint8Array.from(Buffer.from(s, 'base64'));
const PASSWORD = 'correct horse battery staple';

/**
 * The server half of QA documents (issue 5) on both databases: key registration with proof of
 * possession, author → review → approve by three different people with real Ed25519 signatures,
 * the refusals 21 CFR 11.10(f)/(g) and 11.70 require, revocation and rotation, idempotent push,
 * and a pulled ledger whose leaves rebuild the signed root with consistency proofs that verify.
 */
describe.each(backends)('QA server on $name', (backend) => {
  if (skippedHere(backend)) return;
  let teardown: () => Promise<void>;
  let database: OpenDatabase;
  let deps: ServerDeps;
  let admin: QaPerson;
  let author: QaPerson;
  let reviewer: QaPerson;
  let approver: QaPerson;
  let outsider: QaPerson;
  let approvedRecord: ReturnType<typeof coaRecord>;

  const signIn = async (email: string) => personFor(deps, signedInOrThrow(await createCaller(await createContextInner(deps)).auth.signIn({ email, password: PASSWORD })));

  beforeAll(async () => {
    const store = await backend.setup();
    teardown = store.teardown;
    database = await openDatabase(store.config());
    deps = (await createServerDeps(database, store.config())).deps;
    const anon = createCaller(await createContextInner(deps));
    admin = await personFor(deps, await anon.auth.register({ companyName: 'Acme Pharma', name: 'Ada Admin', email: 'ada@acme.example', password: PASSWORD }));
    await addAcmeQaTeam(admin, PASSWORD);
    [author, reviewer, approver] = await Promise.all(ACME_QA_TEAM.map(signIn)) as [QaPerson, QaPerson, QaPerson];
    outsider = await personFor(deps, await anon.auth.register({ companyName: 'Other Co', name: 'Otto Outsider', email: 'otto@other.example', password: PASSWORD }));
  });
  afterAll(async () => {
    await deps?.pokes.close();
    await database?.close();
    await teardown?.();
  });

  it('lets only an administrator add members, and refuses a taken email', async () => {
    expect(await failureCode(author.api.auth.addMember({ email: 'eve@acme.example', name: 'Eve', role: 'admin', password: PASSWORD }))).toBe('auth/forbidden');
    expect(await failureCode(admin.api.auth.addMember({ email: 'ALICE@acme.example', name: 'Alice Again', role: 'qa', password: PASSWORD }))).toBe('auth/email-taken');
    const members = await admin.api.qa.members();
    expect(members.map((m) => [m.printedName, m.role])).toEqual([
      ['Ada Admin', 'admin'],
      ['Alice Author', 'qa'],
      ['Quinn Approver', 'qa'],
      ['Rob Reviewer', 'admin'],
    ]);
    expect((await outsider.api.qa.members()).map((m) => m.printedName)).toEqual(['Otto Outsider']);
  });

  it('registers a key with a valid proof of possession and refuses a forged one', async () => {
    // Forged: the proof is made by another key than the one registered (11.100: no key in another's name).
    const other = await generateSigningKeys();
    const genuine = await registerOp(author);
    if (genuine.kind !== 'key.register') throw new Error('not a registration');
    const forgedProof = Buffer.from(await sign(new TextEncoder().encode('anything'), other.secretKey)).toString('base64');
    expect(refusedWith(await push1(author, { ...genuine, opId: crypto.randomUUID(), proof: forgedProof }))).toBe('qa/bad-signature');
    // Alice's key registered by Rob: the proof names Alice, the server checks it against Rob.
    expect(refusedWith(await push1(reviewer, { ...genuine, opId: crypto.randomUUID() }))).toBe('qa/bad-signature');

    for (const p of [author, reviewer, approver]) applied(await push1(p, p === author ? genuine : await registerOp(p)));
    const keys = await database.db.select().from(signingKeys).where(eq(signingKeys.companyId, author.companyId));
    expect(keys.map((k) => k.printedName).sort()).toEqual(['Alice Author', 'Quinn Approver', 'Rob Reviewer']);
    expect(keys.find((k) => k.userId === author.userId)?.keyId).toBe(await fingerprint(author.keys.publicKey));
  });

  it('takes a CoA from author to review to approval by three people, refusing steps out of order or by the author', async () => {
    const record = coaRecord(author);
    applied(await push1(author, { opId: crypto.randomUUID(), kind: 'document.version', record }));
    // Out of order (11.10(f)): no review or approval before the author signs.
    expect(refusedWith(await push1(approver, await signOp(approver, record, 'approved')))).toBe('qa/invalid-transition');
    applied(await push1(author, await signOp(author, record, 'authored')));
    expect(refusedWith(await push1(approver, await signOp(approver, record, 'approved')))).toBe('qa/invalid-transition');
    // 11.10(g): an author cannot review or approve their own record.
    expect(refusedWith(await push1(author, await signOp(author, record, 'reviewed')))).toBe('qa/not-permitted');
    // A signature over content other than the version's is refused (11.70).
    expect(refusedWith(await push1(reviewer, await signOp(reviewer, { ...record, title: 'Something else' }, 'reviewed')))).toBe('qa/bad-signature');
    applied(await push1(reviewer, await signOp(reviewer, record, 'reviewed')));
    expect(refusedWith(await push1(reviewer, await signOp(reviewer, record, 'approved')))).toBe('qa/not-permitted');
    applied(await push1(approver, await signOp(approver, record, 'approved')));

    const [row] = await database.db.select().from(qaDocuments).where(and(eq(qaDocuments.companyId, author.companyId), eq(qaDocuments.documentId, record.documentId)));
    expect(row).toMatchObject({ status: 'approved', currentVersion: 1, type: 'coa', title: record.title });
    expect(row?.state.versions[0]?.signatures.map((s) => [s.signature.manifestation.meaning, s.signature.manifestation.printedName])).toEqual([
      ['authored', 'Alice Author'],
      ['reviewed', 'Rob Reviewer'],
      ['approved', 'Quinn Approver'],
    ]);
    expect(refusedWith(await push1(admin, await signOp(admin, record, 'reviewed')))).toBe('qa/invalid-transition');
    approvedRecord = record;
  });

  it('answers a repeated push with the stored results and applies nothing twice', async () => {
    const record = coaRecord(author, { title: 'CoA Idempotent lot 1' });
    const ops: QaOp[] = [
      { opId: crypto.randomUUID(), kind: 'document.version', record },
      await signOp(author, record, 'reviewed'),
      await signOp(author, record, 'authored'),
    ];
    const first = await author.api.qa.push({ ops });
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    const size = (await author.api.qa.pull({ from: 0, knownTreeSize: 0 })).treeHead?.treeSize;
    const again = await author.api.qa.push({ ops });
    expect(again).toEqual(first);
    expect((await author.api.qa.pull({ from: 0, knownTreeSize: 0 })).treeHead?.treeSize).toBe(size);
    const stored = await database.db.select().from(qaOps).where(eq(qaOps.companyId, author.companyId));
    expect(stored.filter((o) => ops.some((op) => op.opId === o.opId))).toHaveLength(3);
  });

  it('refuses a revoked key while what it signed before stays verifiable', async () => {
    const revokedKeyId = await fingerprint(reviewer.keys.publicKey);
    const revokeSeq = applied(await push1(reviewer, { opId: crypto.randomUUID(), kind: 'key.revoke', keyId: revokedKeyId, reason: 'Laptop lost on the train' }));
    const record = coaRecord(author, { title: 'CoA after revocation' });
    applied(await push1(author, { opId: crypto.randomUUID(), kind: 'document.version', record }));
    applied(await push1(author, await signOp(author, record, 'authored')));
    expect(refusedWith(await push1(reviewer, await signOp(reviewer, record, 'reviewed')))).toBe('qa/key-revoked');

    // The earlier review, ledgered before the revocation, still verifies against the registered key.
    const { entries } = await reviewer.api.qa.pull({ from: 0, knownTreeSize: 0, limit: 2000 });
    const parsed = entries.map((e) => ({ seq: e.seq, entry: ledgerEntrySchema.parse(JSON.parse(e.canonical)) as LedgerEntry }));
    const review = parsed.find((p) => p.entry.kind === 'document.signature' && p.entry.signature.keyId === revokedKeyId);
    const registered = parsed.find((p) => p.entry.kind === 'key.registered' && p.entry.keyId === revokedKeyId);
    if (review?.entry.kind !== 'document.signature' || registered?.entry.kind !== 'key.registered') throw new Error('entries missing');
    expect(review.seq).toBeLessThan(revokeSeq);
    expect(review.entry.signature.documentId).toBe(approvedRecord.documentId);
    expect(await verify(b(review.entry.signature.signature), signaturePayload(approvedRecord, review.entry.signature.manifestation), b(registered.entry.publicKey))).toBe(true);

    // A new key (no replace: the old one is revoked) signs again.
    reviewer.keys = await generateSigningKeys();
    applied(await push1(reviewer, await registerOp(reviewer)));
    applied(await push1(reviewer, await signOp(reviewer, record, 'reviewed')));
  });

  it('retires the old key when a new one replaces it', async () => {
    const old = approver.keys;
    const oldId = await fingerprint(old.publicKey);
    const next = await generateSigningKeys();
    const seq = applied(await push1(approver, await registerOp(approver, next, oldId)));
    const [row] = await database.db.select().from(signingKeys).where(and(eq(signingKeys.companyId, approver.companyId), eq(signingKeys.keyId, oldId)));
    expect(row).toMatchObject({ retiredSeq: seq, revokedSeq: null });
    approver.keys = next;
    const record = coaRecord(author, { title: 'CoA after rotation' });
    applied(await push1(author, { opId: crypto.randomUUID(), kind: 'document.version', record }));
    applied(await push1(author, await signOp(author, record, 'authored')));
    applied(await push1(reviewer, await signOp(reviewer, record, 'reviewed')));
    expect(refusedWith(await push1(approver, await signOp(approver, record, 'approved', old)))).toBe('qa/key-revoked');
    applied(await push1(approver, await signOp(approver, record, 'approved', next)));
  });

  it('serves entries whose leaves rebuild the signed root, and consistency proofs that verify', async () => {
    const first = await author.api.qa.pull({ from: 0, knownTreeSize: 0, limit: 2000 });
    const head = first.treeHead;
    if (!head) throw new Error('no tree head');
    expect(first.hasMore).toBe(false);
    expect(first.entries.map((e) => e.seq)).toEqual(Array.from({ length: head.treeSize }, (_, i) => i));
    expect(first.consistency).toEqual([]);
    expect(await verifyTreeHead(head, b(first.serverPublicKey))).toBe(true);
    expect(first.serverKeyId).toBe(await fingerprint(b(first.serverPublicKey)));
    const leaves = first.entries.map((e) => leafHash(new TextEncoder().encode(e.canonical)));
    expect(Buffer.from(rootOf(leaves)).toString('base64')).toBe(head.rootHash);
    for (const e of first.entries) expect(canonicalJson(JSON.parse(e.canonical))).toBe(e.canonical);

    const record = coaRecord(author, { title: 'CoA for consistency' });
    applied(await push1(author, { opId: crypto.randomUUID(), kind: 'document.version', record }));
    applied(await push1(author, await signOp(author, record, 'authored')));
    const later = await author.api.qa.pull({ from: head.treeSize, knownTreeSize: head.treeSize });
    const next = later.treeHead;
    if (!next) throw new Error('no tree head');
    expect(next.treeSize).toBe(head.treeSize + 2);
    expect(later.entries.map((e) => e.seq)).toEqual([head.treeSize, head.treeSize + 1]);
    expect(verifyConsistency(head.treeSize, next.treeSize, b(head.rootHash), b(next.rootHash), later.consistency.map(b))).toBe(true);
    const allLeaves = [...leaves, ...later.entries.map((e) => leafHash(new TextEncoder().encode(e.canonical)))];
    expect(Buffer.from(rootOf(allLeaves)).toString('base64')).toBe(next.rootHash);

    // Paging: hasMore until the last page; a size beyond the head gets the head and no proof.
    const page = await author.api.qa.pull({ from: 0, knownTreeSize: 0, limit: 3 });
    expect(page.entries).toHaveLength(3);
    expect(page.hasMore).toBe(true);
    const beyond = await author.api.qa.pull({ from: next.treeSize, knownTreeSize: next.treeSize + 5 });
    expect(beyond).toMatchObject({ entries: [], consistency: [], hasMore: false, treeHead: next });
  });

  it("keeps companies apart: another company's member sees none of the ledger and cannot touch its documents", async () => {
    expect(await outsider.api.qa.pull({ from: 0, knownTreeSize: 0 })).toMatchObject({ entries: [], treeHead: null, hasMore: false });
    applied(await push1(outsider, await registerOp(outsider)));
    const sizeOfA = (await author.api.qa.pull({ from: 0, knownTreeSize: 0 })).treeHead?.treeSize;
    // Signing Acme's approved record with Other Co's registered key: the document is not in its company.
    expect(refusedWith(await push1(outsider, await signOp(outsider, approvedRecord, 'reviewed')))).toBe('qa/unknown-document');
    // Writing a version into Acme (record names Acme's company id).
    const intrusion = coaRecord(outsider, { companyId: author.companyId });
    expect(refusedWith(await push1(outsider, { opId: crypto.randomUUID(), kind: 'document.version', record: intrusion }))).toBe('qa/not-permitted');
    // Acme's keys are unknown in Other Co, even with Acme's author's own op replayed there.
    expect(refusedWith(await push1(outsider, await signOp(author, approvedRecord, 'reviewed')))).toBe('qa/unknown-document');

    const mine = await outsider.api.qa.pull({ from: 0, knownTreeSize: 0 });
    expect(mine.entries).toHaveLength(1);
    expect(JSON.parse(mine.entries[0]?.canonical ?? '{}')).toMatchObject({ kind: 'key.registered', companyId: outsider.companyId });
    expect(mine.treeHead?.companyId).toBe(outsider.companyId);
    expect((await author.api.qa.pull({ from: 0, knownTreeSize: 0 })).treeHead?.treeSize).toBe(sizeOfA);
    const rows = await database.db.select().from(qaDocuments).where(eq(qaDocuments.companyId, outsider.companyId));
    expect(rows).toEqual([]);
  });
});
