import { canonicalJson, leafHash, MerkleTree, verifyInclusion } from '../shared/ledger';
import { generateSigningKeys, sign, verify } from '../shared/signing/ed25519';
import { measure, type Figure } from './measure';

/**
 * Issue 5's ledger figures that exist so far (the pure parts): inclusion-proof generation and
 * verification at 1,000,000 entries (target ≤ 1 ms each) and verifying 1,000 signatures (the
 * core of verifying a 1,000-signature export, target ≤ 1 s). The server's append rate is
 * ledger-append-bench.ts.
 */
export async function ledgerBench(): Promise<Figure[]> {
  const tree = new MerkleTree();
  const encoder = new TextEncoder();
  for (let i = 0; i < 1_000_000; i += 1) tree.append(leafHash(encoder.encode(canonicalJson({ seq: i, op: 'document.approved', doc: `coa-${i}` }))));
  const root = tree.root();
  let index = 0;
  const next = () => (index = (index * 7_919 + 104_729) % tree.size);
  const figures: Figure[] = [
    await measure('ledger.inclusion_proof_ms (1,000,000 entries)', 'ms', 1_000, () => tree.inclusionProof(next())),
    await measure('ledger.inclusion_proof_and_verify_ms (1,000,000 entries)', 'ms', 1_000, () => {
      const i = next();
      if (!verifyInclusion(tree.leafHash(i), i, tree.size, tree.inclusionProof(i), root)) throw new Error(`proof ${i} did not verify`);
    }),
  ];
  const keys = await generateSigningKeys();
  const signed = await Promise.all(
    Array.from({ length: 1_000 }, async (_, i) => {
      const message = encoder.encode(canonicalJson({ document: `coa-${i}`, meaning: 'approved', signedAt: '2026-11-22T10:00:00Z' }));
      return { message, signature: await sign(message, keys.secretKey) };
    }),
  );
  figures.push(
    await measure('ledger.verify_1000_signatures_ms (Ed25519, libsodium)', 'ms', 5, async () => {
      for (const s of signed) if (!(await verify(s.signature, s.message, keys.publicKey))) throw new Error('a signature did not verify');
    }),
  );
  return figures;
}
