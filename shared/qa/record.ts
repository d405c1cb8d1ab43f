import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalJson } from '../ledger/canonical-json';
import { DOCUMENT_TYPES, qaText, optionalQaText, typedContentSchema, utcInstant } from './content';

/**
 * One version of a GxP record: the exact object that is hashed and signed. Versions are never
 * overwritten (issue 5: void and amend create new versions); each names the version it replaces
 * and why, so the audit trail never obscures earlier values (21 CFR 11.10(e)).
 */
export const CHANGE_KINDS = ['create', 'edit', 'amend', 'void'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const personSchema = z.strictObject({ userId: z.string().uuid(), printedName: qaText(200) });
export type Person = z.infer<typeof personSchema>;

const recordFields = z.strictObject({
  companyId: z.string().uuid(),
  documentId: z.string().uuid(),
  version: z.number().int().min(1),
  /** Human identifier shown on screen and print, e.g. "CoA ACME-1234 lot 00392/174". */
  title: qaText(200),
  createdBy: personSchema,
  /** When this version was written (the author's clock; the ledger's `at` is the server's). */
  createdAt: utcInstant,
  /** The version this one replaces; null only for version 1. */
  previousVersion: z.number().int().min(1).nullable(),
  change: z.strictObject({
    kind: z.enum(CHANGE_KINDS),
    /** Required for amend and void (Annex 11 §9: the reason for a change). */
    reason: optionalQaText(1000),
  }),
});

export const documentRecordSchema = z
  .intersection(recordFields, typedContentSchema)
  .superRefine((r, ctx) => {
    if ((r.version === 1) !== (r.previousVersion === null)) ctx.addIssue({ code: 'custom', path: ['previousVersion'], message: 'version 1 has no previous version; every later one has' });
    if (r.previousVersion !== null && r.previousVersion >= r.version) ctx.addIssue({ code: 'custom', path: ['previousVersion'], message: 'must be below the version' });
    if ((r.change.kind === 'create') !== (r.version === 1)) ctx.addIssue({ code: 'custom', path: ['change', 'kind'], message: 'only version 1 is a create' });
    if ((r.change.kind === 'amend' || r.change.kind === 'void') && !r.change.reason) ctx.addIssue({ code: 'custom', path: ['change', 'reason'], message: `give the reason for the ${r.change.kind}` });
  });
export type DocumentRecord = z.infer<typeof documentRecordSchema>;
export { DOCUMENT_TYPES };

const encoder = new TextEncoder();

/** SHA-256 of the record's RFC 8785 canonical JSON, lower-case hex: the record's identity everywhere. */
export function recordHash(record: DocumentRecord): string {
  return bytesToHex(sha256(encoder.encode(canonicalJson(record))));
}
