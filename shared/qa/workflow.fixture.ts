import { generateSigningKeys, type SigningKeys } from '../signing/ed25519';
import type { Role } from '../auth/schemas';
import type { CoaContent } from './content';
import type { QaOp } from './ops';
import type { Policy } from './policy';
import { QaProjection } from './projection';
import type { DocumentRecord } from './record';
import { keyRegistrationOp, signRecord } from './sign-record';
import type { SignatureMeaning } from './signature';
import type { Actor } from './state';
import { decide } from './workflow';

/**
 * A small QA world for workflow tests: one company, people with roles and real Ed25519 keys,
 * and a projection that every accepted op is folded into with the next ledger index.
 */
export const COMPANY = '0b6c7f64-6f2a-4c7e-9d4a-1f0e5c2b9a01';
let counter = 0;
export const uuid = (): string => `00000000-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`;

export interface Person extends Actor {
  keys: SigningKeys;
}

export async function person(printedName: string, role: Role): Promise<Person> {
  return { userId: uuid(), printedName, role, keys: await generateSigningKeys() };
}

export const coaContent = (): CoaContent => ({
  productName: 'Amoxicillin 500 mg capsules',
  ndc11: '67457015303',
  lotNumber: '00392/174',
  manufacturedOn: '2026-01-15',
  expiry: '2028-01-31',
  specification: [
    { test: 'Assay (HPLC)', method: 'USP <621>', limit: '90.0–110.0 %', result: '99.2 %', pass: true },
    { test: 'Dissolution', method: 'USP <711>', limit: 'Q ≥ 80 % in 60 min', result: '92 %', pass: true },
  ],
  conclusion: 'Complies with specification.',
});

export class QaWorld {
  readonly projection = new QaProjection(COMPANY);
  private seq = 0;
  now = '2026-11-22T10:00:00.000Z';

  /** Decides `op` as `actor` and folds the entry; returns the entry's ledger index. */
  async run(actor: Actor, op: QaOp, documentId: string | null = null): Promise<number> {
    const entry = await decide(this.projection.context(actor, this.now, documentId), op);
    const seq = this.seq++;
    this.projection.apply(entry, seq);
    return seq;
  }

  async registerKey(p: Person, replaces: string | null = null): Promise<void> {
    await this.run(p, await keyRegistrationOp({ opId: uuid(), companyId: COMPANY, userId: p.userId, secretKey: p.keys.secretKey, publicKey: p.keys.publicKey, replaces }));
  }

  record(author: Actor, documentId: string, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
    return {
      companyId: COMPANY,
      documentId,
      version: 1,
      title: 'CoA Amoxicillin lot 00392/174',
      createdBy: { userId: author.userId, printedName: author.printedName },
      createdAt: this.now,
      previousVersion: null,
      change: { kind: 'create', reason: null },
      type: 'coa',
      content: coaContent(),
      ...overrides,
    } as DocumentRecord;
  }

  async create(author: Actor, overrides: Partial<DocumentRecord> = {}): Promise<DocumentRecord> {
    const record = this.record(author, uuid(), overrides);
    await this.run(author, { opId: uuid(), kind: 'document.version', record }, record.documentId);
    return record;
  }

  current(documentId: string): DocumentRecord {
    const doc = this.projection.document(documentId);
    const last = doc?.versions.at(-1);
    if (!last) throw new Error(`no document ${documentId}`);
    return last.record;
  }

  async signOp(p: Person, documentId: string, meaning: SignatureMeaning, reason: string | null = null, keys = p.keys): Promise<QaOp> {
    const record = this.current(documentId);
    const signature = await signRecord(record, { printedName: p.printedName, userId: p.userId, signedAt: this.now, meaning, reason }, keys.secretKey);
    return { opId: uuid(), kind: 'document.sign', signature };
  }

  async sign(p: Person, documentId: string, meaning: SignatureMeaning, reason: string | null = null, keys = p.keys): Promise<number> {
    return this.run(p, await this.signOp(p, documentId, meaning, reason, keys), documentId);
  }

  setPolicy(admin: Actor, policy: Policy): Promise<number> {
    return this.run(admin, { opId: uuid(), kind: 'policy.set', policy });
  }
}
