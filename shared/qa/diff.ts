import type { FieldChange } from './ledger-entry';
import type { DocumentRecord } from './record';

/**
 * Field-level before/after values between two versions of a record, for the audit trail
 * (21 CFR 11.10(e): changes must not obscure previously recorded information; Annex 11 §9). Only
 * what a person wrote is compared — title and content — with dotted paths such as
 * `content.specification.2.result`; a line added or removed shows as before or after `undefined`→null.
 */
export function diffRecords(before: DocumentRecord | null, after: DocumentRecord): FieldChange[] {
  if (!before) return [];
  const changes: FieldChange[] = [];
  walk('title', before.title, after.title, changes);
  walk('content', before.content, after.content, changes);
  return changes;
}

function walk(path: string, a: unknown, b: unknown, out: FieldChange[]): void {
  if (isContainer(a) && isContainer(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) walk(`${path}.${key}`, (a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], out);
    return;
  }
  if (!sameValue(a, b)) out.push({ path, before: a ?? null, after: b ?? null });
}

function isContainer(v: unknown): v is object {
  return typeof v === 'object' && v !== null;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isContainer(a) || isContainer(b)) return JSON.stringify(a) === JSON.stringify(b);
  return (a ?? null) === (b ?? null);
}
