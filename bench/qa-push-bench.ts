import { newRecord } from '../shared/qa/record-drafts';
import type { QaOp } from '../shared/qa/ops';
import { keyRegistrationOp, signRecord } from '../shared/qa/sign-record';
import { generateSigningKeys } from '../shared/signing/ed25519';
import { coaContent } from '../shared/qa/workflow.fixture';
import type { AccessClaims } from '../server/src/services/auth/tokens';
import { createTestDeps } from '../server/src/testing/test-deps';
import type { Figure } from './measure';

const PUSHES = 20;
const DOCS_PER_PUSH = 50;

/**
 * The QA path end to end on the server (issue 5): `qa.push` of a desktop's queued work — each
 * push 50 new CoAs plus their "authored" signatures (100 ops) — through the shared workflow
 * (Ed25519 verification of every signature), the ledger append with a signed tree head per op,
 * the projections and the idempotency record, in one transaction per push. PGlite in memory.
 */
export async function qaPushBench(): Promise<Figure> {
  const t = await createTestDeps();
  try {
    const password = 'correct horse battery staple';
    const s = await t.deps.services.auth.register({ companyName: 'Bench Pharma', name: 'Quinn Author', email: 'quinn@bench.example', password });
    const author: AccessClaims = { userId: s.user.id, companyId: s.company.id, role: 'admin' };
    const person = { companyId: author.companyId, userId: author.userId, printedName: 'Quinn Author' };
    const keys = await generateSigningKeys();
    await t.deps.services.qa.push(author, [await keyRegistrationOp({ opId: crypto.randomUUID(), ...person, secretKey: keys.secretKey, publicKey: keys.publicKey, replaces: null })]);
    const rates: number[] = [];
    for (let p = 0; p < PUSHES; p += 1) {
      const ops: QaOp[] = [];
      for (let d = 0; d < DOCS_PER_PUSH; d += 1) {
        const record = newRecord(person, { type: 'coa', title: `CoA bench ${p}-${d}`, content: coaContent() }, new Date().toISOString());
        const signature = await signRecord(record, { printedName: person.printedName, userId: person.userId, signedAt: new Date().toISOString(), meaning: 'authored', reason: null }, keys.secretKey);
        ops.push({ opId: crypto.randomUUID(), kind: 'document.version', record }, { opId: crypto.randomUUID(), kind: 'document.sign', signature });
      }
      const start = performance.now();
      const { results } = await t.deps.services.qa.push(author, ops);
      rates.push((ops.length * 1000) / (performance.now() - start));
      if (results.some((r) => r.status !== 'applied')) throw new Error(`bench push refused an op: ${JSON.stringify(results.find((r) => r.status !== 'applied'))}`);
    }
    rates.sort((a, b) => b - a);
    const at = (q: number) => rates[Math.min(rates.length - 1, Math.floor(q * rates.length))] ?? NaN;
    return { name: `qa.push_ops_per_s (PGlite in memory, pushes of ${DOCS_PER_PUSH * 2} ops: record + verified signature)`, unit: 'ops/s', runs: PUSHES, median: Math.round(at(0.5)), p95: Math.round(at(0.95)) };
  } finally {
    await t.close();
  }
}
