import { canonicalJson, leafHash, MerkleTree, verifyInclusion } from '../shared/ledger';
import { verifyBundle } from '../shared/qa/verify-bundle';
import { approvedCoa } from '../shared/qa/verify-bundle.fixture';
import { measure, type Figure } from './measure';

/**
 * Issue 5's ledger figures that exist so far (the pure parts): inclusion-proof generation and
 * verification at 1,000,000 entries (target ≤ 1 ms each) and verifying a 1,000-signature export
 * bundle (target ≤ 1 s). The server's append rate is ledger-append-bench.ts.
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
  // A real export: one version carrying 1,000 signatures by 1,000 registered keys (2,001 entries,
  // each with its inclusion proof, and a signed tree head), read from its JSON text and checked by
  // verifyBundle exactly as `atlas verify` does: every Ed25519 signature, key registration and proof.
  const coa = await approvedCoa({ signatures: 1_000 });
  const text = JSON.stringify(coa.bundle);
  figures.push(
    await measure(`ledger.verify_1000_signature_bundle_ms (verifyBundle, ${coa.bundle.entries.length} entries, ${Math.round(text.length / 1024)} KiB)`, 'ms', 5, async () => {
      const report = await verifyBundle(JSON.parse(text));
      if (!report.ok) throw new Error(`the bundle did not verify: ${report.checks.find((c) => !c.ok)?.message}`);
    }),
  );
  return figures;
}
