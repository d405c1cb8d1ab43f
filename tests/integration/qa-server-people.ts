import { newRecord } from '../../shared/qa/record-drafts';
import { coaContent } from '../../shared/qa/workflow.fixture';
import type { QaOp } from '../../shared/qa/ops';
import type { QaOpResult } from '../../shared/qa/api';
import type { DocumentRecord } from '../../shared/qa/record';
import type { SignatureMeaning } from '../../shared/qa/signature';
import { keyRegistrationOp, signRecord } from '../../shared/qa/sign-record';
import { generateSigningKeys, type SigningKeys } from '../../shared/signing/ed25519';
import { createContextInner, type ServerDeps } from '../../server/src/context';
import { createCaller } from '../../server/src/routers/_app';

/**
 * People of the QA integration tests: each is a real account (argon2id password, JWT session)
 * calling the real server router without HTTP, with a real Ed25519 key that stands for the
 * one sealed in their desktop's keychain.
 */
export interface QaPerson {
  userId: string;
  companyId: string;
  name: string;
  keys: SigningKeys;
  api: ReturnType<typeof createCaller>;
}

export async function personFor(deps: ServerDeps, session: { accessToken: string; user: { id: string; name: string }; company: { id: string } }): Promise<QaPerson> {
  return {
    userId: session.user.id,
    companyId: session.company.id,
    name: session.user.name,
    keys: await generateSigningKeys(),
    api: createCaller(await createContextInner(deps, { authorization: `Bearer ${session.accessToken}` })),
  };
}

/**
 * Acme's QA team beside its admin: an author (qa), a reviewer (admin) and an approver (qa) — three
 * different people, as the default signature policy needs (Part 11 §11.10(g)).
 */
export const ACME_QA_TEAM = ['alice@acme.example', 'rob@acme.example', 'quinn@acme.example'] as const;

export async function addAcmeQaTeam(admin: QaPerson, password: string): Promise<void> {
  for (const [email, name, role] of [
    ['alice@acme.example', 'Alice Author', 'qa'],
    ['rob@acme.example', 'Rob Reviewer', 'admin'],
    ['quinn@acme.example', 'Quinn Approver', 'qa'],
  ] as const) {
    await admin.api.auth.addMember({ email, name, role, password });
  }
}

export async function registerOp(p: QaPerson, keys = p.keys, replaces: string | null = null): Promise<QaOp> {
  return keyRegistrationOp({ opId: crypto.randomUUID(), companyId: p.companyId, userId: p.userId, secretKey: keys.secretKey, publicKey: keys.publicKey, replaces });
}

export function coaRecord(author: QaPerson, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  const record = newRecord({ companyId: author.companyId, userId: author.userId, printedName: author.name }, { type: 'coa', title: 'CoA Amoxicillin 500 mg lot 00392/174', content: coaContent() }, new Date().toISOString());
  return { ...record, ...overrides } as DocumentRecord;
}

export async function signOp(p: QaPerson, record: DocumentRecord, meaning: SignatureMeaning, keys = p.keys, reason: string | null = null): Promise<QaOp> {
  const signature = await signRecord(record, { printedName: p.name, userId: p.userId, signedAt: new Date().toISOString(), meaning, reason }, keys.secretKey);
  return { opId: crypto.randomUUID(), kind: 'document.sign', signature };
}

/** Pushes one op and returns its result. */
export async function push1(p: QaPerson, op: QaOp): Promise<QaOpResult> {
  const { results } = await p.api.qa.push({ ops: [op] });
  const [result] = results;
  if (!result) throw new Error('no result');
  return result;
}

export function applied(result: QaOpResult): number {
  if (result.status !== 'applied') throw new Error(`refused: ${result.error.code}: ${result.error.message}`);
  return result.seq;
}

export function refusedWith(result: QaOpResult): string {
  return result.status === 'rejected' ? result.error.code : 'applied';
}

/** The AppError code a router call failed with (createCaller rethrows it as the TRPCError's cause). */
export async function failureCode(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (err) {
    return (err as { cause?: { code?: string } }).cause?.code ?? `(no app code: ${String(err)})`;
  }
}
