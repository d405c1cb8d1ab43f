import type { z } from 'zod';
import { AppError } from '../errors';
import { newId } from '../ids';
import { typedContentSchema, type DocumentType } from './content';
import { documentRecordSchema, type DocumentRecord, type Person } from './record';
import type { DocumentState } from './state';
import { toFieldIssues } from '../zod-issues';

interface Author extends Person {
  companyId: string;
}

/** Version 1 of a new record, written by `author` now. */
export function newRecord(author: Author, input: { type: DocumentType; title: string; content: unknown }, now: string): DocumentRecord {
  return validRecord({
    companyId: author.companyId,
    documentId: newId(),
    version: 1,
    title: input.title,
    createdBy: { userId: author.userId, printedName: author.printedName },
    createdAt: now,
    previousVersion: null,
    change: { kind: 'create', reason: null },
    type: input.type,
    content: input.content,
  });
}

export type Change =
  | { kind: 'edit'; reason: null; title: string; content: unknown }
  | { kind: 'amend' | 'void'; reason: string };

/**
 * The next version on top of the current one. Versions are never overwritten (21 CFR 11.10(e)):
 * an edit, an amendment or a void is a new version naming the one it replaces and why. Amend and
 * void copy the current content; the amended draft is then edited like any draft.
 */
export function changeRecord(author: Author, doc: DocumentState, change: Change, now: string): DocumentRecord {
  const current = doc.versions.at(-1)?.record;
  if (!current) throw new AppError('qa/unknown-document', `QA record ${doc.documentId} has no version.`);
  return validRecord({
    companyId: author.companyId,
    documentId: doc.documentId,
    version: current.version + 1,
    title: change.kind === 'edit' ? change.title : current.title,
    createdBy: { userId: author.userId, printedName: author.printedName },
    createdAt: now,
    previousVersion: current.version,
    change: { kind: change.kind, reason: change.reason },
    type: current.type,
    content: change.kind === 'edit' ? change.content : current.content,
  });
}

/** Checks the content against its type's schema first, so messages name the field (`content.lotNumber`). */
function validRecord(draft: Record<string, unknown> & { type: DocumentType; content: unknown }): DocumentRecord {
  const content = typedContentSchema.safeParse({ type: draft.type, content: draft.content });
  if (!content.success) throw invalid(content.error);
  const record = documentRecordSchema.safeParse(draft);
  if (!record.success) throw invalid(record.error);
  return record.data;
}

function invalid(error: z.ZodError): AppError {
  const issues = toFieldIssues(error);
  const first = issues[0];
  return new AppError('validation/invalid-input', first ? `${first.path}: ${first.message}` : 'The record is not valid.', { issues });
}
