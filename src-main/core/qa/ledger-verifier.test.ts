import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/ledger/canonical-json';
import { leafHash } from '../../../shared/ledger/merkle';
import { MerkleTree } from '../../../shared/ledger/merkle-tree';
import { signTreeHead, toBase64 } from '../../../shared/ledger/tree-head';
import type { LedgerEntry } from '../../../shared/qa/ledger-entry';
import { fingerprint, generateSigningKeys } from '../../../shared/signing/ed25519';
import { verifyPull, type PulledLedger } from './ledger-verifier';
import type { VerifiedHead } from './qa-store';

const companyId = '0190a5b4-3c1e-7000-8000-000000000001';
const userId = '0190a5b4-3c1e-7000-8000-000000000002';
const encoder = new TextEncoder();

function entry(i: number): string {
  const e: LedgerEntry = { companyId, at: `2026-11-22T10:00:${String(i % 60).padStart(2, '0')}.000Z`, actor: { userId, printedName: 'Ada' }, kind: 'key.revoked', keyId: '0000 0000 0000 0000 0000 0000 0000 0000', userId, reason: `r${i}` };
  return canonicalJson(e);
}

/** A little honest server: a ledger of `n` entries and heads signed by its key. */
async function server(n: number) {
  const keys = await generateSigningKeys();
  const serverPublicKey = await toBase64(keys.publicKey);
  const serverKeyId = await fingerprint(keys.publicKey);
  const all = Array.from({ length: n }, (_, i) => entry(i));
  const tree = MerkleTree.fromLeafHashes(all.map((c) => leafHash(encoder.encode(c))));
  const head = async (size: number) => signTreeHead({ companyId, treeSize: size, rootHash: await toBase64(tree.rootAt(size)), signedAt: '2026-11-22T10:00:00.000Z' }, keys.secretKey, serverKeyId);
  const pull = async (from: number, size: number): Promise<PulledLedger> => ({
    entries: all.slice(from, size).map((canonical, i) => ({ seq: from + i, canonical })),
    treeHead: await head(size),
    consistency: from > 0 && from < size ? await Promise.all(tree.consistencyProof(from, size).map(toBase64)) : [],
    serverPublicKey,
    serverKeyId,
  });
  return { pull, head, serverPublicKey, serverKeyId, all };
}

const treeOf = (canonicals: string[]) => MerkleTree.fromLeafHashes(canonicals.map((c) => leafHash(encoder.encode(c))));

describe('verifyPull (RFC 6962 §2.1.2 on the desktop)', () => {
  it('accepts a first pull and then a consistent extension, refusing rollback, fork, a bad head and a new server key', async () => {
    const s = await server(7);
    const first = await verifyPull({ companyId, stored: null, tree: new MerkleTree(), pulled: await s.pull(0, 4), now: 'now' });
    expect(first?.rows.map((r) => r.seq)).toEqual([0, 1, 2, 3]);
    const stored: VerifiedHead = first!.head;
    const tree = treeOf(s.all.slice(0, 4));

    const next = await verifyPull({ companyId, stored, tree, pulled: await s.pull(4, 7), now: 'now' });
    expect(next?.head.treeHead.treeSize).toBe(7);

    const run = (pulled: PulledLedger) => verifyPull({ companyId, stored, tree, pulled, now: 'now' });
    const older = { ...(await s.pull(0, 3)), entries: [] };
    await expect(run(older)).rejects.toMatchObject({ code: 'ledger/rollback' });
    const changed = await s.pull(4, 7);
    changed.entries[1] = { seq: 5, canonical: entry(99) };
    await expect(run(changed)).rejects.toMatchObject({ code: 'ledger/fork', message: expect.stringContaining('verified at 4 entries') });
    const badProof = await s.pull(4, 7);
    badProof.consistency = badProof.consistency.slice(1);
    await expect(run(badProof)).rejects.toMatchObject({ code: 'ledger/fork' });
    const badHead = await s.pull(4, 7);
    badHead.treeHead = { ...badHead.treeHead!, treeSize: 6 };
    await expect(run(badHead)).rejects.toMatchObject({ code: 'ledger/bad-tree-head' });
    const other = await server(7);
    await expect(run(await other.pull(4, 7))).rejects.toMatchObject({ code: 'ledger/server-key-changed' });
    // A server that now says its ledger is empty has rolled it back.
    const empty = { ...(await s.pull(4, 7)), treeHead: null };
    await expect(run(empty)).rejects.toMatchObject({ code: 'ledger/rollback' });
  });

  it('stores nothing for an empty ledger and refuses entries of another company', async () => {
    const s = await server(2);
    expect(await verifyPull({ companyId, stored: null, tree: new MerkleTree(), pulled: { ...(await s.pull(0, 0)), treeHead: null }, now: 'now' })).toBeNull();
    await expect(verifyPull({ companyId: '0190a5b4-3c1e-7000-8000-000000000009', stored: null, tree: new MerkleTree(), pulled: await s.pull(0, 2), now: 'now' })).rejects.toMatchObject({ code: 'ledger/bad-tree-head' });
  });
});
