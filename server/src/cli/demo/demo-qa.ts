import type { Role } from '../../../../shared/auth/schemas';
import { AppError } from '../../../../shared/errors';
import type { QaOp } from '../../../../shared/qa/ops';
import type { QaOpResult } from '../../../../shared/qa/api';
import { newRecord } from '../../../../shared/qa/record-drafts';
import type { DocumentRecord } from '../../../../shared/qa/record';
import type { SignatureMeaning } from '../../../../shared/qa/signature';
import { keyRegistrationOp, signRecord } from '../../../../shared/qa/sign-record';
import { generateSigningKeys, type SigningKeys } from '../../../../shared/signing/ed25519';
import { callServer, createServerClient, type ServerClient } from '../../../../src-main/core/session/server-client';
import { signedInOrThrow } from '../../services/auth/sign-in-result';
import type { DemoAccount } from './demo-account-defaults';
import type { DemoData } from './demo-data';

/** The QA staff of the demo company: three different people, as 21 CFR 11.10(g) and the policy require. */
export const DEMO_QA_PEOPLE = [
  { tag: 'author', name: 'Alice Moreno', role: 'qa' },
  { tag: 'reviewer', name: 'Rahul Iyer', role: 'qa' },
  { tag: 'approver', name: 'Grace Okafor', role: 'qa' },
] as const satisfies readonly { tag: string; name: string; role: Role }[];

export interface DemoQaSummary {
  people: { name: string; email: string; role: Role }[];
  /** Titles of the CoAs: approved (authored, reviewed, approved) and waiting for review. */
  approved: string[];
  inReview: string[];
}

interface Signer {
  userId: string;
  name: string;
  keys: SigningKeys;
  client: ServerClient;
}

/** `demo+author@atlas.example` for `demo@atlas.example`: addresses that belong with the demo account. */
export function demoQaEmail(adminEmail: string, tag: string): string {
  const at = adminEmail.lastIndexOf('@');
  return `${adminEmail.slice(0, at)}+${tag}@${adminEmail.slice(at + 1)}`;
}

/**
 * Seeds QA documents the way people make them: the admin adds three QA colleagues, each signs in,
 * registers an Ed25519 key generated here (it stands for the key sealed in that person's desktop;
 * it is not kept anywhere, so in the app they create their own), and the CoAs are written and
 * signed through `qa.push` — decided, ledgered and verified by the server exactly like real use.
 */
export async function seedDemoQa(serverUrl: string, account: DemoAccount, companyId: string, data: DemoData): Promise<DemoQaSummary> {
  const call = <T>(fn: () => Promise<T>) => callServer(serverUrl, fn);
  const anon = createServerClient({ serverUrl });
  // Demo accounts have no MFA: a challenge here fails loudly instead of seeding half a company.
  const adminSession = signedInOrThrow(await call(() => anon.auth.signIn.mutate({ email: account.email, password: account.password })));
  const admin = createServerClient({ serverUrl, accessToken: async () => adminSession.accessToken });
  const signers: Signer[] = [];
  const people: DemoQaSummary['people'] = [];
  for (const p of DEMO_QA_PEOPLE) {
    const email = demoQaEmail(account.email, p.tag);
    await call(() => admin.auth.addMember.mutate({ email, name: p.name, role: p.role, password: account.password }));
    const session = signedInOrThrow(await call(() => anon.auth.signIn.mutate({ email, password: account.password })));
    if (session.company.id !== companyId) throw new AppError('internal/unexpected', `${email} signed in to another company than the demo's.`);
    const signer: Signer = { userId: session.user.id, name: session.user.name, keys: await generateSigningKeys(), client: createServerClient({ serverUrl, accessToken: async () => session.accessToken }) };
    await push(signer, await keyRegistrationOp({ opId: crypto.randomUUID(), companyId, userId: signer.userId, secretKey: signer.keys.secretKey, publicKey: signer.keys.publicKey, replaces: null }));
    signers.push(signer);
    people.push({ name: p.name, email, role: p.role });
  }
  const [author, reviewer, approver] = signers as [Signer, Signer, Signer];

  const approvedRecord = coaFor(companyId, author, data, 0);
  await push(author, { opId: crypto.randomUUID(), kind: 'document.version', record: approvedRecord });
  await sign(author, approvedRecord, 'authored');
  await sign(reviewer, approvedRecord, 'reviewed');
  await sign(approver, approvedRecord, 'approved');

  const waiting = coaFor(companyId, author, data, 1);
  await push(author, { opId: crypto.randomUUID(), kind: 'document.version', record: waiting });
  await sign(author, waiting, 'authored');
  return { people, approved: [approvedRecord.title], inReview: [waiting.title] };

  async function push(signer: Signer, op: QaOp): Promise<void> {
    const { results } = await call(() => signer.client.qa.push.mutate({ ops: [op] }));
    const result = results[0] as QaOpResult | undefined;
    if (result?.status !== 'applied') {
      throw new AppError('internal/unexpected', `The server refused the demo's QA change (${op.kind}): ${result?.status === 'rejected' ? result.error.message : 'no answer'}`);
    }
  }
  async function sign(signer: Signer, record: DocumentRecord, meaning: SignatureMeaning): Promise<void> {
    const signature = await signRecord(record, { printedName: signer.name, userId: signer.userId, signedAt: new Date().toISOString(), meaning, reason: null }, signer.keys.secretKey);
    await push(signer, { opId: crypto.randomUUID(), kind: 'document.sign', signature });
  }
}

/** A Certificate of Analysis for one of the demo's lots still in date, with a typical release specification. */
function coaFor(companyId: string, author: Signer, data: DemoData, index: number): DocumentRecord {
  const now = new Date().toISOString();
  const inDate = data.lots.filter((l) => l.expiry > now.slice(0, 10));
  const lot = inDate[index % Math.max(inDate.length, 1)];
  const product = lot ? data.products[lot.product] : undefined;
  if (!lot || !product) throw new AppError('internal/unexpected', 'The demo has no lot in date to write a Certificate of Analysis for.');
  const content = {
    productName: product.args.name,
    ndc11: product.args.ndc11,
    lotNumber: lot.lotNumber,
    manufacturedOn: lot.manufacturedOn,
    expiry: lot.expiry,
    specification: [
      { test: 'Appearance', method: 'Visual inspection', limit: 'Conforms to description', result: 'Conforms', pass: true },
      { test: 'Identification (IR)', method: 'USP <197K>', limit: 'Matches reference standard', result: 'Matches', pass: true },
      { test: 'Assay (HPLC)', method: 'USP <621>', limit: '90.0–110.0 % of label claim', result: `${(98 + (index % 3) * 0.7).toFixed(1)} %`, pass: true },
      { test: 'Microbial limits', method: 'USP <61>', limit: 'TAMC ≤ 10³ CFU/g', result: '< 10 CFU/g', pass: true },
    ],
    conclusion: 'The lot complies with its specification.',
  };
  const title = `CoA ${product.args.name} lot ${lot.lotNumber}`.slice(0, 200);
  return newRecord({ companyId, userId: author.userId, printedName: author.name }, { type: 'coa', title, content }, now);
}
