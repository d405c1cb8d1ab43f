import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { generateSigningKeys } from '../signing/ed25519';
import { auditTrail } from './projection';
import type { DocumentRecord } from './record';
import { keyRegistrationOp } from './sign-record';
import { COMPANY, coaContent, person, QaWorld, uuid, type Person } from './workflow.fixture';
import { nextMeaning } from './workflow';

const refused = async (p: Promise<unknown>, code: string, message?: RegExp) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (message) expect((err as AppError).message).toMatch(message);
};

let w: QaWorld;
let author: Person;
let reviewer: Person;
let approver: Person;

beforeEach(async () => {
  w = new QaWorld();
  author = await person('Quinn Author', 'qa');
  reviewer = await person('Riley Reviewer', 'admin');
  approver = await person('Avery Approver', 'qa');
  for (const p of [author, reviewer, approver]) await w.registerKey(p);
});

describe('QA workflow: draft → in review → approved (21 CFR 11.10(f))', () => {
  it('takes the policy\'s signatures in order, each by a different person, and approves on the last', async () => {
    const r = await w.create(author);
    const doc = () => w.projection.document(r.documentId)!;
    expect(doc().versions[0]?.status).toBe('draft');
    expect(nextMeaning(doc(), w.projection.policy)).toBe('authored');
    await w.sign(author, r.documentId, 'authored');
    expect(doc().versions[0]?.status).toBe('in-review');
    await w.sign(reviewer, r.documentId, 'reviewed');
    expect(doc().versions[0]?.status).toBe('in-review');
    await w.sign(approver, r.documentId, 'approved');
    expect(doc().versions[0]?.status).toBe('approved');
    expect(nextMeaning(doc(), w.projection.policy)).toBeNull();
    expect(doc().versions[0]?.signatures.map((s) => [s.signature.manifestation.printedName, s.signature.manifestation.meaning, s.seq])).toEqual([
      ['Quinn Author', 'authored', 4],
      ['Riley Reviewer', 'reviewed', 5],
      ['Avery Approver', 'approved', 6],
    ]);
  });

  it('refuses a signature out of order', async () => {
    const r = await w.create(author);
    await refused(w.sign(approver, r.documentId, 'approved'), 'qa/invalid-transition', /needs the "authored" signature next/);
    await w.sign(author, r.documentId, 'authored');
    await refused(w.sign(approver, r.documentId, 'approved'), 'qa/invalid-transition', /"reviewed"/);
  });

  it('an author cannot review or approve their own record', async () => {
    const r = await w.create(author);
    await w.sign(author, r.documentId, 'authored');
    await refused(w.sign(author, r.documentId, 'reviewed'), 'qa/not-permitted');
    // With a policy of one approval only, the author still cannot approve their own record.
    const admin = reviewer;
    await w.setPolicy(admin, { coa: ['approved'], gdp: ['approved'], gmp: ['approved'] });
    const r2 = await w.create(author);
    await refused(w.sign(author, r2.documentId, 'approved'), 'qa/not-permitted', /cannot approve their own record/);
    await w.sign(approver, r2.documentId, 'approved');
    expect(w.projection.document(r2.documentId)?.versions[0]?.status).toBe('approved');
  });

  it('requires a different person for each signature', async () => {
    const qaBoth = await person('Sam Both', 'qa');
    await w.registerKey(qaBoth);
    const r = await w.create(author);
    await w.sign(author, r.documentId, 'authored');
    // reviewed needs admin or qa: Sam may review, then may not approve the same version.
    await w.sign(qaBoth, r.documentId, 'reviewed');
    await refused(w.sign(qaBoth, r.documentId, 'approved'), 'qa/not-permitted', /already signed/);
  });

  it('checks roles (11.10(g)): an auditor cannot write, warehouse staff cannot approve', async () => {
    const auditor = await person('Ari Auditor', 'auditor');
    await refused(w.create(auditor), 'qa/not-permitted', /auditor/);
    const warehouse = await person('Wes Warehouse', 'warehouse');
    await w.registerKey(warehouse);
    const r = await w.create(author);
    await w.sign(author, r.documentId, 'authored');
    await w.sign(reviewer, r.documentId, 'reviewed');
    await refused(w.sign(warehouse, r.documentId, 'approved'), 'qa/not-permitted', /warehouse/);
  });

  it('a rejection needs a reason and closes the version; amending reopens it as a new version', async () => {
    const r = await w.create(author);
    await w.sign(author, r.documentId, 'authored');
    await refused(w.sign(reviewer, r.documentId, 'rejected'), 'validation/invalid-input');
    await w.sign(reviewer, r.documentId, 'rejected', 'Dissolution limit is the wrong monograph edition');
    expect(w.projection.document(r.documentId)?.versions[0]?.status).toBe('rejected');
    await refused(w.sign(approver, r.documentId, 'approved'), 'qa/invalid-transition', /rejected/);
    const v2 = { ...w.current(r.documentId), version: 2, previousVersion: 1, change: { kind: 'amend' as const, reason: 'Corrected the dissolution limit' } };
    await w.run(author, { opId: uuid(), kind: 'document.version', record: { ...v2, content: { ...coaContent(), conclusion: 'Complies (corrected).' } } as DocumentRecord }, r.documentId);
    const doc = w.projection.document(r.documentId)!;
    expect(doc.versions.map((v) => v.status)).toEqual(['rejected', 'draft']);
    expect(doc.versions[1]?.changes).toEqual([{ path: 'content.conclusion', before: 'Complies with specification.', after: 'Complies (corrected).' }]);
  });
});

describe('versions are never overwritten', () => {
  it('edits a draft into a new version and supersedes the old one; a signed version is not edited', async () => {
    const r = await w.create(author);
    const edit = (reason: string | null) => ({
      opId: uuid(),
      kind: 'document.version' as const,
      record: { ...w.current(r.documentId), version: w.current(r.documentId).version + 1, previousVersion: w.current(r.documentId).version, change: { kind: 'edit' as const, reason }, title: `CoA rev ${reason}` },
    });
    await w.run(author, edit('a'), r.documentId);
    expect(w.projection.document(r.documentId)?.versions.map((v) => v.status)).toEqual(['superseded', 'draft']);
    expect(w.projection.document(r.documentId)?.versions[1]?.changes).toEqual([{ path: 'title', before: 'CoA Amoxicillin lot 00392/174', after: 'CoA rev a' }]);
    await w.sign(author, r.documentId, 'authored');
    await refused(w.run(author, edit('b'), r.documentId), 'qa/invalid-transition', /Amend it instead/);
  });

  it('refuses a version that does not extend the current one (a concurrent edit)', async () => {
    const r = await w.create(author);
    const stale = { ...w.current(r.documentId), version: 3, previousVersion: 2, change: { kind: 'edit' as const, reason: null } };
    await refused(w.run(author, { opId: uuid(), kind: 'document.version', record: stale }, r.documentId), 'qa/invalid-transition', /Version 1 is the current one/);
  });

  it('an approved amendment supersedes the approved version it amends', async () => {
    const r = await w.create(author);
    for (const [p, m] of [[author, 'authored'], [reviewer, 'reviewed'], [approver, 'approved']] as const) await w.sign(p, r.documentId, m);
    const v2 = { ...w.current(r.documentId), version: 2, previousVersion: 1, change: { kind: 'amend' as const, reason: 'Add residual solvents' }, createdBy: { userId: author.userId, printedName: author.printedName } };
    await w.run(author, { opId: uuid(), kind: 'document.version', record: v2 }, r.documentId);
    expect(w.projection.document(r.documentId)?.versions.map((v) => v.status)).toEqual(['approved', 'draft']);
    for (const [p, m] of [[author, 'authored'], [reviewer, 'reviewed'], [approver, 'approved']] as const) await w.sign(p, r.documentId, m);
    expect(w.projection.document(r.documentId)?.versions.map((v) => v.status)).toEqual(['superseded', 'approved']);
  });

  it('a void repeats the content with a reason; an amend or void without a reason is refused', async () => {
    const r = await w.create(author);
    const voidOf = (reason: string | null, title = w.current(r.documentId).title) => ({
      opId: uuid(),
      kind: 'document.version' as const,
      record: { ...w.current(r.documentId), title, version: 2, previousVersion: 1, createdBy: { userId: approver.userId, printedName: approver.printedName }, change: { kind: 'void' as const, reason } },
    });
    await refused(w.run(approver, voidOf(null), r.documentId), 'validation/invalid-input');
    await refused(w.run(approver, voidOf('Duplicate', 'other title'), r.documentId), 'qa/invalid-transition', /must not change the content/);
    await w.run(approver, voidOf('Duplicate of CoA 118'), r.documentId);
    expect(w.projection.document(r.documentId)?.versions.map((v) => v.status)).toEqual(['draft', 'voided']);
    await refused(w.sign(author, r.documentId, 'authored'), 'qa/invalid-transition', /voided/);
  });
});

describe('signatures are linked to their record (11.70) and to a registered, active key', () => {
  it('refuses a signature moved from one record to another, or made over other content', async () => {
    const a = await w.create(author);
    const b = await w.create(author);
    const op = await w.signOp(author, a.documentId, 'authored');
    if (op.kind !== 'document.sign') throw new Error('unreachable');
    await refused(w.run(author, { ...op, opId: uuid(), signature: { ...op.signature, documentId: b.documentId } }, b.documentId), 'qa/bad-signature');
    const flipped = Buffer.from(op.signature.signature, 'base64');
    flipped[10] = (flipped[10] as number) ^ 1;
    await refused(w.run(author, { ...op, opId: uuid(), signature: { ...op.signature, signature: flipped.toString('base64') } }, a.documentId), 'qa/bad-signature', /does not verify/);
    await w.run(author, op, a.documentId);
  });

  it('refuses a manifestation in another person\'s name, and a key of another person', async () => {
    const r = await w.create(author);
    await w.sign(author, r.documentId, 'authored');
    const op = await w.signOp(reviewer, r.documentId, 'reviewed');
    await refused(w.run(approver, op, r.documentId), 'qa/not-permitted', /own name/);
    const withOthersKey = await w.signOp(reviewer, r.documentId, 'reviewed', null, approver.keys);
    await refused(w.run(reviewer, withOthersKey, r.documentId), 'qa/not-permitted', /belongs to Avery Approver/);
  });

  it('a revoked key cannot sign; what it signed before stays in the record', async () => {
    const r = await w.create(author);
    const signedAt = await w.sign(author, r.documentId, 'authored');
    const keyId = w.current(r.documentId) && w.projection.document(r.documentId)!.versions[0]!.signatures[0]!.signature.keyId;
    await w.run(reviewer, { opId: uuid(), kind: 'key.revoke', keyId, reason: 'Laptop lost on 21 Nov' });
    expect(w.projection.key(keyId)).toMatchObject({ revokedReason: 'Laptop lost on 21 Nov' });
    expect(w.projection.document(r.documentId)!.versions[0]!.signatures[0]!.seq).toBe(signedAt);
    const r2 = await w.create(author);
    await refused(w.sign(author, r2.documentId, 'authored'), 'qa/key-revoked', /Laptop lost/);
  });

  it('rotation retires the old key: it signs no more, the new one does', async () => {
    const fresh = await generateSigningKeys();
    const oldKeyId = w.projection.keys().find((k) => k.userId === author.userId)!.keyId;
    await w.run(author, await keyRegistrationOp({ opId: uuid(), companyId: COMPANY, userId: author.userId, secretKey: fresh.secretKey, publicKey: fresh.publicKey, replaces: oldKeyId }));
    expect(w.projection.key(oldKeyId)?.retiredSeq).not.toBeNull();
    const r = await w.create(author);
    await refused(w.sign(author, r.documentId, 'authored'), 'qa/key-revoked', /replaced by a newer key/);
    await w.sign(author, r.documentId, 'authored', null, fresh);
  });

  it('registration needs proof of possession, for the registering user', async () => {
    const k = await generateSigningKeys();
    const forOther = await keyRegistrationOp({ opId: uuid(), companyId: COMPANY, userId: approver.userId, secretKey: k.secretKey, publicKey: k.publicKey, replaces: null });
    await refused(w.run(author, forOther), 'qa/bad-signature', /possession/);
    const other = await generateSigningKeys();
    const wrongKey = await keyRegistrationOp({ opId: uuid(), companyId: COMPANY, userId: author.userId, secretKey: other.secretKey, publicKey: k.publicKey, replaces: null });
    await refused(w.run(author, wrongKey), 'qa/bad-signature');
    await refused(w.registerKey(author).then(() => w.registerKey(author)), 'qa/invalid-transition', /already registered/);
  });

  it('only an administrator revokes someone else\'s key', async () => {
    const keyId = w.projection.keys().find((k) => k.userId === approver.userId)!.keyId;
    await refused(w.run(author, { opId: uuid(), kind: 'key.revoke', keyId, reason: 'no' }), 'qa/not-permitted');
    await w.run(reviewer, { opId: uuid(), kind: 'key.revoke', keyId, reason: 'Left the company' });
  });
});

describe('audit trail (11.10(e))', () => {
  it('lists every version and signature in ledger order with who, what and why', async () => {
    const r = await w.create(author);
    await w.sign(author, r.documentId, 'authored');
    await w.sign(reviewer, r.documentId, 'rejected', 'Wrong lot');
    const trail = auditTrail(w.projection.document(r.documentId)!);
    expect(trail.map((e) => [e.actor.printedName, e.action, e.reason, e.pending])).toEqual([
      ['Quinn Author', 'created version 1', null, false],
      ['Quinn Author', 'signed version 1: authored', null, false],
      ['Riley Reviewer', 'signed version 1: rejected', 'Wrong lot', false],
    ]);
  });
});
