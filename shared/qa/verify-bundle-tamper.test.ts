import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../ledger';
import type { VerificationBundle, VerificationReport } from './bundle';
import { recordHash, type DocumentRecord } from './record';
import { verifyBundle } from './verify-bundle';
import { base64ToBytes, bytesToBase64 } from './verify-codec';
import { approvedCoa, type ApprovedCoa } from './verify-bundle.fixture';

// Issue 5, Tests: "changing any single byte of a signed bundle's record, manifestation, signature,
// proof or tree head makes verification fail, with a message that says which check failed".
// Each field is decoded, one character (text) or one bit (base64 bytes) is changed, and it is
// re-encoded the way an editor of the file would — canonical JSON stays canonical, base64 stays
// base64 — so the check that catches it is the one that must, not a parse error.

let coa: ApprovedCoa;
beforeAll(async () => {
  coa = await approvedCoa();
});

const clone = (b: VerificationBundle): VerificationBundle => JSON.parse(JSON.stringify(b)) as VerificationBundle;
const failedChecks = (r: VerificationReport) => r.checks.filter((c) => !c.ok).map((c) => c.check);

/** One character changed to a neighbour of the same class, so digits stay digits and hex stays hex. */
function nudge(text: string, at: number): string {
  const c = text.charAt(at);
  const next = /[0-8]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 1) : c === '9' ? '0' : /[a-yA-Y]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 1) : c === 'z' ? 'a' : c === 'Z' ? 'A' : c === 'x' ? 'y' : 'x';
  return text.slice(0, at) + next + text.slice(at + 1);
}

/** Byte `byte` of the decoded value with one bit flipped (bit byte mod 8, so every bit position is used). */
function flipBit(base64: string, byte: number): string {
  const bytes = base64ToBytes(base64);
  if (!bytes) throw new Error(`not base64: ${base64}`);
  if (byte >= bytes.length) throw new Error(`byte ${byte} is past the ${bytes.length} bytes`);
  const i = byte;
  bytes[i] = (bytes[i] as number) ^ (1 << (byte % 8));
  return bytesToBase64(bytes);
}

/** Rewrites one ledger entry of the bundle (by seq), re-canonicalised, keeping its proof. */
function withEntry(bundle: VerificationBundle, seq: number, change: (entry: Record<string, unknown>) => void): VerificationBundle {
  const b = clone(bundle);
  const e = b.entries.find((x) => x.seq === seq);
  if (!e) throw new Error(`no entry ${seq}`);
  const value = JSON.parse(e.canonical) as Record<string, unknown>;
  change(value);
  e.canonical = canonicalJson(value);
  return b;
}

/** Every string, number and boolean leaf under `value`, as paths. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null) return [];
  if (typeof value !== 'object') return [path];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...path, Array.isArray(value) ? Number(k) : k]));
}

function mutateAt(root: Record<string, unknown>, path: (string | number)[]): void {
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, root);
  const key = path.at(-1) as string | number;
  const v = parent[key];
  parent[key] = typeof v === 'string' ? nudge(v, Math.floor(v.length / 2)) : typeof v === 'number' ? v + 1 : !v;
}

const VERSION_SEQ = 4;
const SIGNATURE_SEQS = [5, 6, 7];

async function expectCaught(bundle: VerificationBundle, check: string | RegExp, what: string): Promise<void> {
  const report = await verifyBundle(bundle, { serverPublicKey: coa.serverPublicKey });
  const failed = failedChecks(report);
  expect(report.ok, what).toBe(false);
  expect(failed.some((f) => (typeof check === 'string' ? f === check : check.test(f))), `${what}: failed ${failed.join(', ')}`).toBe(true);
  for (const c of report.checks.filter((x) => !x.ok)) expect(c.message.length, `${what}: ${c.check} says why`).toBeGreaterThan(20);
}

describe('tampering with a signed bundle', () => {
  it('the genuine bundle verifies', async () => {
    expect(failedChecks(await verifyBundle(coa.bundle, { serverPublicKey: coa.serverPublicKey }))).toEqual([]);
  });

  it('any field of the record (one character, digit or flag) fails "record hash"', async () => {
    const record = JSON.parse((coa.bundle.entries.find((e) => e.seq === VERSION_SEQ) as { canonical: string }).canonical).record as DocumentRecord;
    const paths = leaves(record);
    expect(paths.length).toBeGreaterThan(25);
    for (const path of paths) {
      await expectCaught(withEntry(coa.bundle, VERSION_SEQ, (e) => mutateAt(e, ['record', ...path])), 'record hash', `record.${path.join('.')}`);
    }
  });

  it('a changed record whose recorded hash is also updated fails every signature (11.70)', async () => {
    const b = withEntry(coa.bundle, VERSION_SEQ, (e) => {
      const r = e.record as DocumentRecord & { content: { lotNumber: string } };
      r.content.lotNumber = '00392/175';
      e.recordHash = recordHash(r);
    });
    const failed = failedChecks(await verifyBundle(b));
    expect(failed).toEqual(expect.arrayContaining(['signature 1 (Avery Author, authored)', 'signature 2 (Riley Reviewer, reviewed)', 'signature 3 (Zoë Quality-Approver, approved)', `ledger inclusion of entry ${VERSION_SEQ}`]));
    expect(failed).not.toContain('record hash');
  });

  it('any field of a manifestation fails that signature', async () => {
    for (const [i, seq] of SIGNATURE_SEQS.entries()) {
      for (const field of ['printedName', 'userId', 'signedAt', 'meaning', 'reason']) {
        const b = withEntry(coa.bundle, seq, (e) => {
          const m = (e.signature as { manifestation: Record<string, string | null> }).manifestation;
          const v = m[field];
          m[field] = field === 'meaning' ? (v === 'approved' ? 'reviewed' : 'approved') : v === null ? 'Looks fine' : nudge(v as string, Math.floor((v as string).length / 2));
        });
        await expectCaught(b, new RegExp(`^signature ${i + 1} \\(`), `signature ${i + 1} manifestation.${field}`);
      }
    }
  });

  it('any bit of any signature fails that signature', async () => {
    for (const [i, seq] of SIGNATURE_SEQS.entries()) {
      for (let byte = 0; byte < 64; byte++) {
        const b = withEntry(coa.bundle, seq, (e) => {
          const s = e.signature as { signature: string };
          s.signature = flipBit(s.signature, byte);
        });
        await expectCaught(b, new RegExp(`^signature ${i + 1} \\(`), `signature ${i + 1} byte ${byte}`);
      }
    }
  });

  it('moving a signature to another version or record fails it (11.70)', async () => {
    const b = withEntry(coa.bundle, 7, (e) => {
      (e.signature as { version: number }).version = 2;
    });
    await expectCaught(b, 'signature 3 (Zoë Quality-Approver, approved)', 'signature moved to version 2');
  });

  it('any bit of any proof hash fails that entry\'s inclusion', async () => {
    for (const [k, entry] of coa.bundle.entries.entries()) {
      for (const [h] of entry.proof.entries()) {
        for (let byte = 0; byte < 32; byte++) {
          const b = clone(coa.bundle);
          const target = b.entries[k] as { proof: string[] };
          target.proof[h] = flipBit(target.proof[h] as string, byte);
          await expectCaught(b, `ledger inclusion of entry ${entry.seq}`, `entry ${entry.seq} proof hash ${h} byte ${byte}`);
        }
      }
    }
  });

  it('a missing, extra or reordered proof hash fails that entry\'s inclusion', async () => {
    const b = clone(coa.bundle);
    (b.entries[0] as { proof: string[] }).proof.pop();
    (b.entries[1] as { proof: string[] }).proof.push((b.entries[1] as { proof: string[] }).proof[0] as string);
    (b.entries[2] as { proof: string[] }).proof.reverse();
    const failed = failedChecks(await verifyBundle(b));
    expect(failed).toEqual(['ledger inclusion of entry 1', 'ledger inclusion of entry 2', 'ledger inclusion of entry 3']);
  });

  it('any bit of the root hash or the tree head signature, and any change to its size, time or company, fails the tree head', async () => {
    const head = coa.bundle.treeHead;
    const cases: [string, (h: typeof head) => void][] = [
      ...Array.from({ length: 32 }, (_, byte) => [`rootHash byte ${byte}`, (h: typeof head) => void (h.rootHash = flipBit(h.rootHash, byte))] as [string, (h: typeof head) => void]),
      ...Array.from({ length: 64 }, (_, byte) => [`signature byte ${byte}`, (h: typeof head) => void (h.signature = flipBit(h.signature, byte))] as [string, (h: typeof head) => void]),
      ...Array.from({ length: head.signedAt.length }, (_, at) => [`signedAt char ${at}`, (h: typeof head) => void (h.signedAt = nudge(h.signedAt, at))] as [string, (h: typeof head) => void]),
      ['treeSize + 1', (h) => void (h.treeSize += 1)],
      ['treeSize - 1', (h) => void (h.treeSize -= 1)],
      ['companyId', (h) => void (h.companyId = nudge(h.companyId, 3))],
    ];
    for (const [what, change] of cases) {
      const b = clone(coa.bundle);
      change(b.treeHead);
      await expectCaught(b, 'tree head signature', `treeHead.${what}`);
    }
    const rooted = clone(coa.bundle);
    rooted.treeHead.rootHash = flipBit(rooted.treeHead.rootHash, 0);
    expect(failedChecks(await verifyBundle(rooted)).filter((c) => c.startsWith('ledger inclusion'))).toHaveLength(coa.bundle.entries.length);
  });

  it('a different server key or key id fails the server key check', async () => {
    const other = await approvedCoa({ signatures: 1 });
    const swapped = clone(coa.bundle);
    swapped.serverPublicKey = other.serverPublicKey;
    swapped.serverKeyId = other.serverKeyId;
    await expectCaught(swapped, 'server key', 'server key swapped');
    const renamed = clone(coa.bundle);
    renamed.serverKeyId = nudge(renamed.serverKeyId, 0);
    await expectCaught(renamed, 'server key', 'server key id');
  });

  it('changing any single character of the bundle file fails verification (all but the unsigned export time)', async () => {
    const small = await approvedCoa({ signatures: 1, names: ['Zoë Quality-Approver'] });
    const text = JSON.stringify(small.bundle);
    const exported = text.indexOf(`"exportedAt":"${small.bundle.exportedAt}"`);
    const skip = [exported, exported + `"exportedAt":"${small.bundle.exportedAt}"`.length];
    let tried = 0;
    for (let at = 0; at < text.length; at++) {
      if (at >= (skip[0] as number) && at < (skip[1] as number)) continue;
      let input: unknown;
      try {
        input = JSON.parse(nudge(text, at));
      } catch {
        continue; // not JSON: `atlas verify` refuses the file outright (exit 2)
      }
      tried++;
      const report = await verifyBundle(input);
      if (report.ok) throw new Error(`changing character ${at} (${JSON.stringify(text.slice(at - 20, at + 20))}) still verifies`);
    }
    expect(tried).toBeGreaterThan(text.length * 0.75); // the rest are not JSON any more
  }, 120_000);
});
