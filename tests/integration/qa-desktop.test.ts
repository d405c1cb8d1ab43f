import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportDocument } from '../../server/src/cli/docs-command';
import { signedInOrThrow } from '../../server/src/services/auth/sign-in-result';
import { startServer, type RunningServer } from '../../server/src/start';
import { verifyBundle } from '../../shared/qa/verify-bundle';
import { openSigningKey, parseSealedKey } from '../../shared/signing/sealed-key';
import { createServerClient } from '../../src-main/core/session/server-client';
import { REPLICA_CIPHER, replicaKeyName } from '../../src-main/core/replica/open-replica';
import { keychainAvailable } from '../support/keychain';
import { backends, skippedHere } from './support/backends';
import { coaContent } from '../../shared/qa/workflow.fixture';
import { QaDesktop, type PullData } from './qa-desktop-support';

const PASSWORD = 'correct horse battery staple';
const SIGNING = { author: 'author signs with this 1', reviewer: 'reviewer signing pw 2', approver: 'approver signing pw 3' };
const code = (err: unknown) => (err as { shape?: { data?: { app?: { code?: string } } } }).shape?.data?.app?.code;
const failure = async (p: Promise<unknown>) => code(await p.then(() => null, (e: unknown) => e));

/**
 * QA documents on real desktop cores against a real server (issue 5): a CoA written and signed
 * offline syncs later; three different people sign it on three computers; its bundle verifies
 * offline; a ledger that was forked, rolled back or re-signed is refused with the old verified
 * state kept; and the private signing key appears in no request, log line or replica byte.
 */
describe.runIf(keychainAvailable).each(backends)('QA desktop on $name', (backend) => {
  if (skippedHere(backend)) return;
  let server: RunningServer;
  let teardown: () => Promise<void>;
  let author: QaDesktop;
  let reviewer: QaDesktop;
  let approver: QaDesktop;
  let documentId = '';
  const written: string[] = [];
  const restoreSpies: (() => void)[] = [];

  beforeAll(async () => {
    // Everything any code prints from here on is kept for the key leak scan.
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[level].bind(console);
      const spy = vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        written.push(args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' '));
        original(...args);
      });
      restoreSpies.push(() => spy.mockRestore());
    }
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      restoreSpies.push(() => (stream.write = original));
    }

    const setup = await backend.setup();
    teardown = setup.teardown;
    server = await startServer(setup.config());
    author = new QaDesktop(server.url);
    reviewer = new QaDesktop(server.url);
    approver = new QaDesktop(server.url);
    await author.api.session.register.mutate({ companyName: 'Acme Pharma', name: 'Ada Author', email: 'ada@acme.example', password: PASSWORD });
    const tokens = signedInOrThrow(await createServerClient({ serverUrl: server.url }).auth.signIn.mutate({ email: 'ada@acme.example', password: PASSWORD }));
    const admin = createServerClient({ serverUrl: server.url, accessToken: async () => tokens.accessToken });
    await admin.auth.addMember.mutate({ email: 'rob@acme.example', name: 'Rob Reviewer', role: 'qa', password: PASSWORD });
    await admin.auth.addMember.mutate({ email: 'quinn@acme.example', name: 'Quinn Approver', role: 'qa', password: PASSWORD });
    await reviewer.api.session.signIn.mutate({ email: 'rob@acme.example', password: PASSWORD });
    await approver.api.session.signIn.mutate({ email: 'quinn@acme.example', password: PASSWORD });
  });

  afterAll(async () => {
    for (const restore of restoreSpies) restore();
    for (const d of [author, reviewer, approver]) d?.dispose();
    await server?.close();
    await teardown?.();
  });

  it('creates a key, writes a CoA and signs it with the server unreachable; all of it syncs later', async () => {
    author.net.down = true;
    await author.api.qa.createKey.mutate({ password: SIGNING.author });
    expect(await author.api.qa.keyStatus.query()).toMatchObject({ hasKey: true, key: { state: 'pending' } });
    ({ documentId } = await author.api.qa.create.mutate({ type: 'coa', title: 'CoA Amoxicillin 500 mg lot 00392/174', content: coaContent() }));
    // A bad field is refused by the shared schema, naming the field.
    expect(await failure(author.api.qa.create.mutate({ type: 'coa', title: 'Bad', content: { ...coaContent(), ndc11: '123' } }))).toBe('validation/invalid-input');
    // The password is asked at every signature (11.200): a wrong one signs nothing.
    expect(await failure(author.api.qa.sign.mutate({ documentId, version: 1, meaning: 'authored', reason: null, password: 'not my password' }))).toBe('signing/bad-password');
    // The author may not approve their own record, offline too: the local workflow refuses as the server would.
    expect(await failure(author.api.qa.sign.mutate({ documentId, version: 1, meaning: 'approved', reason: null, password: SIGNING.author }))).toBe('qa/invalid-transition');
    const signed = await author.api.qa.sign.mutate({ documentId, version: 1, meaning: 'authored', reason: null, password: SIGNING.author });
    expect(signed).toMatchObject({ pending: true, current: { status: 'in-review', seq: null }, nextMeaning: 'reviewed', canSign: { allowed: false } });
    expect(await author.api.qa.ledger.query()).toMatchObject({ pendingOps: 3, treeSize: null, problem: null, rejected: [] });
    // Exports come from the verified ledger only: a record not yet ledgered cannot be exported.
    expect(await failure(author.api.qa.exportBundle.mutate({ documentId }))).toBe('qa/invalid-transition');
    expect(await failure(author.api.qa.sync.mutate())).toBe('server/unreachable');

    author.net.down = false;
    const status = await author.api.qa.sync.mutate();
    expect(status).toMatchObject({ pendingOps: 0, treeSize: 3, problem: null, rejected: [] });
    const view = await author.api.qa.get.query({ documentId });
    expect(view).toMatchObject({ pending: false, current: { status: 'in-review', seq: 1 } });
    expect(view.current.signatures[0]).toMatchObject({ seq: 2, signature: { manifestation: { printedName: 'Ada Author', meaning: 'authored' } } });
    expect(view.audit.map((e) => e.action)).toEqual(['created version 1', 'signed version 1: authored']);
    expect(await author.api.qa.keyStatus.query()).toMatchObject({ key: { state: 'active' } });
  });

  it('is reviewed by a second person and approved by a third, each on their own computer', async () => {
    for (const [desk, pw, meaning] of [
      [reviewer, SIGNING.reviewer, 'reviewed'],
      [approver, SIGNING.approver, 'approved'],
    ] as const) {
      await desk.api.qa.sync.mutate();
      await desk.api.qa.createKey.mutate({ password: pw });
      const before = await desk.api.qa.get.query({ documentId });
      expect(before).toMatchObject({ nextMeaning: meaning, canSign: { allowed: true } });
      await desk.api.qa.sign.mutate({ documentId, version: 1, meaning, reason: null, password: pw });
      expect(await desk.api.qa.sync.mutate()).toMatchObject({ pendingOps: 0, rejected: [], problem: null });
    }
    await author.api.qa.sync.mutate();
    const list = await author.api.qa.list.query({ status: 'approved' });
    expect(list).toEqual([expect.objectContaining({ documentId, status: 'approved', signed: 3, required: 3, pending: false })]);
    expect((await author.api.qa.keys.query()).map((k) => [k.printedName, k.state]).sort()).toEqual([
      ['Ada Author', 'active'],
      ['Quinn Approver', 'active'],
      ['Rob Reviewer', 'active'],
    ]);
  });

  it('exports a bundle that verifies offline, by the router and by `atlas docs export`', async () => {
    const exported = await author.api.qa.exportBundle.mutate({ documentId });
    expect(exported.fileName).toMatch(/^coa-amoxicillin-500-mg-lot-00392-174-v1\.atlas-bundle\.json$/);
    const report = await verifyBundle(JSON.parse(exported.json));
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect((await author.api.qa.verify.query({ documentId })).ok).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'atlas-docs-'));
    try {
      await exportDocument(author.core, documentId, { out: join(dir, 'coa.json') });
      expect((await verifyBundle(JSON.parse(readFileSync(join(dir, 'coa.json'), 'utf8')), { serverPublicKey: JSON.parse(exported.json).serverPublicKey })).ok).toBe(true);
      await exportDocument(author.core, documentId, { out: join(dir, 'coa.pdf'), pdf: true });
      expect(readFileSync(join(dir, 'coa.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a forked, rolled-back or re-signed ledger and keeps the state it verified', async () => {
    const before = await reviewer.api.qa.ledger.query();
    const oldPull = reviewer.net.pulls.find((p) => p.treeHead?.treeSize === 3);
    expect(oldPull).toBeDefined();
    // Something new on the server for the reviewer to pull: the author writes a GDP record.
    await author.api.qa.create.mutate({
      type: 'gdp',
      title: 'Temperature excursion, truck 7',
      content: { category: 'temperature-excursion', occurredAt: '2026-11-22T10:00:00.000Z', site: 'Dock 2', lots: [], description: 'Logger showed 9 °C for 40 min.', minTemperatureC: 2, maxTemperatureC: 9, durationMinutes: 40, impactAssessment: 'Within stability data.', disposition: 'release' },
    });
    // The app's one "Sync now" (and the background loop) carries QA work too.
    await author.api.sync.now.mutate();
    expect(await author.api.qa.ledger.query()).toMatchObject({ pendingOps: 0, problem: null });

    const refusedWith = async (rewrite: NonNullable<typeof reviewer.net.rewritePull>, expected: string) => {
      reviewer.net.rewritePull = rewrite;
      const status = await reviewer.api.qa.sync.mutate();
      reviewer.net.rewritePull = null;
      expect(status.problem?.code).toBe(expected);
      expect(status).toMatchObject({ treeSize: before.treeSize, rootHash: before.rootHash });
      return status;
    };
    // A changed entry: the leaves no longer rebuild the signed root.
    const forked = await refusedWith((d) => ({ ...d, entries: d.entries.map((e) => ({ ...e, canonical: e.canonical.replace('Dock 2', 'Dock 3') })) }), 'ledger/fork');
    expect(forked.problem?.message).toBe(`The server's QA ledger does not extend the one this computer verified at ${before.treeSize} entries: it may have been altered. Nothing was changed here; tell your administrator.`);
    // A consistency proof that does not prove the old tree is a prefix.
    await refusedWith((d) => ({ ...d, consistency: d.consistency.map((h) => flipBase64(h)) }), 'ledger/fork');
    // A genuine, validly signed but older head: the ledger was rolled back.
    await refusedWith(() => structuredClone(oldPull!), 'ledger/rollback');
    // A head whose root was changed after signing.
    await refusedWith((d) => ({ ...d, treeHead: d.treeHead && { ...d.treeHead, rootHash: flipBase64(d.treeHead.rootHash) } }), 'ledger/bad-tree-head');
    // Another ledger key than the one pinned on first use.
    const otherKey = (d: PullData) => ({ ...d, serverPublicKey: Buffer.alloc(32, 7).toString('base64') });
    await refusedWith(otherKey, 'ledger/server-key-changed');
    // The records shown are still those of the verified ledger.
    expect((await reviewer.api.qa.list.query({})).map((d) => d.documentId)).toEqual([documentId]);

    // The refusal outlives a restart, and while it stands no new work is handed to that server.
    reviewer.restart();
    expect((await reviewer.api.qa.ledger.query()).problem?.code).toBe('ledger/server-key-changed');
    await reviewer.api.qa.create.mutate({
      type: 'gdp',
      title: 'Deviation, label printer',
      content: { category: 'storage-deviation', occurredAt: '2026-11-22T11:00:00.000Z', site: 'Bay 4', lots: [], description: 'Rack door left open overnight.', minTemperatureC: null, maxTemperatureC: null, durationMinutes: null, impactAssessment: 'No product affected.', disposition: 'release' },
    });
    reviewer.net.rewritePull = otherKey;
    const urlsBefore = reviewer.net.urls.length;
    expect(await reviewer.api.qa.sync.mutate()).toMatchObject({ pendingOps: 1, problem: { code: 'ledger/server-key-changed' } });
    reviewer.net.rewritePull = null;
    expect(reviewer.net.urls.slice(urlsBefore).filter((u) => u.includes('/trpc/qa.push'))).toEqual([]);

    // The honest server verifies again; the waiting work goes on the next run.
    const healed = await reviewer.api.qa.sync.mutate();
    const truth = await author.api.qa.ledger.query();
    expect(healed).toMatchObject({ problem: null, pendingOps: 1, treeSize: truth.treeSize, rootHash: truth.rootHash });
    expect(await reviewer.api.qa.sync.mutate()).toMatchObject({ problem: null, pendingOps: 0 });
    expect((await reviewer.api.qa.list.query({})).length).toBe(3);
  });

  it('KEY LEAK SCAN: the private key is in no request, log line or replica byte; the keychain holds only the sealed blob', async () => {
    for (const desk of [author, reviewer, approver]) {
      const sealedText = desk.keychain().get(desk.signingKeyName());
      expect(sealedText).not.toBeNull();
      const sealed = parseSealedKey(sealedText!);
      const secret = await openSigningKey(sealed, desk === author ? SIGNING.author : desk === reviewer ? SIGNING.reviewer : SIGNING.approver);
      const forms = secretForms(secret);
      secret.fill(0);
      const leaks = (where: string, text: string) => forms.filter((f) => text.includes(f)).map((f) => `${where}: ${f.slice(0, 8)}…`);

      const found = [
        ...leaks('keychain', sealedText!),
        ...desk.net.bodies.flatMap((b) => leaks('request body', b)),
        ...desk.net.urls.flatMap((u) => leaks('request url', decodeURIComponent(u))),
        ...written.flatMap((w) => leaks('console/stdout/stderr', w)),
        ...replicaTexts(desk).flatMap(([where, text]) => leaks(where, text)),
      ];
      expect(found).toEqual([]);
      // It was there to be found: the bodies did carry this key's public half and signatures.
      expect(desk.net.bodies.some((b) => b.includes(sealed.publicKey))).toBe(true);
    }
  });

  it('rotates a key (the old one retires) and revokes one for a lost machine; signatures made before stay verifiable', async () => {
    const oldKeyId = (await approver.api.qa.keyStatus.query()).key?.keyId;
    expect(await failure(approver.api.qa.rotateKey.mutate({ password: 'wrong', newPassword: 'rotated signing pw 4' }))).toBe('signing/bad-password');
    const rotated = await approver.api.qa.rotateKey.mutate({ password: SIGNING.approver, newPassword: 'rotated signing pw 4' });
    expect(rotated.key).toMatchObject({ state: 'pending' });
    expect(rotated.key?.keyId).not.toBe(oldKeyId);
    await approver.api.qa.sync.mutate();
    const keys = await approver.api.qa.keys.query();
    expect(keys.find((k) => k.keyId === oldKeyId)?.state).toBe('retired');
    expect(keys.find((k) => k.keyId === rotated.key?.keyId)?.state).toBe('active');

    // The laptop is lost: the administrator revokes the approver's key from her own computer.
    await author.api.qa.sync.mutate();
    await author.api.qa.revokeKey.mutate({ keyId: rotated.key!.keyId, reason: 'Laptop lost on 2026-11-20' });
    expect(await author.api.qa.sync.mutate()).toMatchObject({ pendingOps: 0, rejected: [] });
    await approver.api.qa.sync.mutate();
    expect(await approver.api.qa.keyStatus.query()).toMatchObject({ hasKey: true, key: { state: 'revoked', revokedReason: 'Laptop lost on 2026-11-20' } });
    // The approved record and its signatures stay verifiable.
    expect((await author.api.qa.verify.query({ documentId })).ok).toBe(true);
    // A new key can be made after the revocation.
    expect((await approver.api.qa.createKey.mutate({ password: 'new laptop signing pw' })).key).toMatchObject({ state: 'pending' });
  });

  it('on a shared terminal, a person\'s offline work waits for them: it is never pushed under the next person\'s session', async () => {
    const terminal = new QaDesktop(server.url);
    const keyNames: string[] = [];
    try {
      await terminal.api.session.signIn.mutate({ email: 'rob@acme.example', password: PASSWORD });
      await terminal.api.qa.createKey.mutate({ password: SIGNING.reviewer });
      keyNames.push(terminal.signingKeyName());
      terminal.net.down = true;
      const { documentId: draft } = await terminal.api.qa.create.mutate({ type: 'coa', title: 'CoA written on the dock terminal', content: coaContent() });
      expect((await terminal.api.qa.ledger.query()).pendingOps).toBe(2);
      await terminal.api.session.signOut.mutate();
      terminal.net.down = false;

      await terminal.api.session.signIn.mutate({ email: 'quinn@acme.example', password: PASSWORD });
      const quinn = await terminal.api.qa.sync.mutate();
      expect(quinn.pendingOps).toBe(0);
      expect(quinn.rejected).toEqual([]);
      expect((await terminal.api.qa.list.query({})).some((d) => d.documentId === draft)).toBe(false);
      await terminal.api.session.signOut.mutate();

      await terminal.api.session.signIn.mutate({ email: 'rob@acme.example', password: PASSWORD });
      expect((await terminal.api.qa.ledger.query()).pendingOps).toBe(2);
      const rob = await terminal.api.qa.sync.mutate();
      expect(rob).toMatchObject({ pendingOps: 0, rejected: [] });
      expect((await terminal.api.qa.get.query({ documentId: draft })).pending).toBe(false);
    } finally {
      for (const name of keyNames) terminal.keychain().delete(name);
      terminal.dispose();
    }
  });
});

/** Hex, base64 and base64url (padded and not) of the 32-byte seed and the full 64-byte secret key. */
function secretForms(secretKey: Uint8Array): string[] {
  const out: string[] = [];
  for (const bytes of [Buffer.from(secretKey.subarray(0, 32)), Buffer.from(secretKey)]) {
    const b64 = bytes.toString('base64');
    out.push(bytes.toString('hex'), bytes.toString('hex').toUpperCase(), b64, b64.replace(/=+$/, ''), bytes.toString('base64url'));
  }
  return out;
}

/** Every text and blob value in every table of the replica (decrypted), plus the raw DB/WAL/SHM files. */
function replicaTexts(desk: QaDesktop): [string, string][] {
  const out: [string, string][] = [];
  const key = desk.keychain().get(replicaKeyName(desk.replicaFile));
  const db = new Database(desk.replicaFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`cipher='${REPLICA_CIPHER}'`);
    db.pragma(`key="x'${key}'"`);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['qa_ledger', 'qa_pending_ops', 'qa_tree_head', 'local_session']));
    for (const { name } of tables) {
      for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
        for (const [col, value] of Object.entries(row)) {
          if (typeof value === 'string') out.push([`${name}.${col}`, value]);
          else if (Buffer.isBuffer(value)) out.push([`${name}.${col}`, value.toString('latin1')], [`${name}.${col} (hex)`, value.toString('hex')]);
        }
      }
    }
  } finally {
    db.close();
  }
  for (const suffix of ['', '-wal', '-shm']) {
    const file = desk.replicaFile + suffix;
    if (existsSync(file)) out.push([`file ${suffix || '.db'}`, readFileSync(file).toString('latin1')]);
  }
  return out;
}

function flipBase64(text: string): string {
  const bytes = Buffer.from(text, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

function safeJson(value: unknown): string {
  try {
    return value instanceof Error ? `${value.message}\n${value.stack}` : JSON.stringify(value);
  } catch {
    return String(value);
  }
}
