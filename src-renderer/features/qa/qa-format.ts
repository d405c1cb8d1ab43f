import type { VersionStatus } from '../../../shared/qa/ledger-entry';
import type { SignatureMeaning } from '../../../shared/qa/signature';
import type { BadgeTone } from '../../components/badge';
import { formatDate } from '../stock/format-date';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `2027-03-12T14:05:09.000Z` → `12 Mar 2027, 14:05:09 UTC`. Signatures show the date and time in
 * UTC (21 CFR 11.50(a)(2)), the same on every computer and on the printed record, with an
 * unambiguous day-month-year. Anything that is not an instant is shown as it is.
 */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${formatDate(day)}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** The calendar day of an instant in UTC, as Atlas shows dates (`12 Mar 2027`). */
export function formatUtcDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatDate(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
}

export const STATUS_VIEW: Record<VersionStatus, { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  'in-review': { label: 'In review', tone: 'notice' },
  approved: { label: 'Approved', tone: 'ok' },
  rejected: { label: 'Rejected', tone: 'danger' },
  voided: { label: 'Voided', tone: 'danger' },
  superseded: { label: 'Superseded', tone: 'neutral' },
};

/** Short words for a signature step (`Authored ✔ — Reviewed — Approved`). */
export const MEANING_SHORT: Record<SignatureMeaning, string> = {
  authored: 'Authored',
  reviewed: 'Reviewed',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** The verb for a Sign button: "Sign as reviewer". */
export const MEANING_ACTION: Record<SignatureMeaning, string> = {
  authored: 'Sign as author',
  reviewed: 'Sign as reviewer',
  approved: 'Approve',
  rejected: 'Reject',
};

/** A field path from the audit trail (`specification.2.result`) in words: `Specification line 3 › result`. */
export function fieldPathLabel(path: string): string {
  const labels: Record<string, string> = {
    title: 'Title',
    productName: 'Product',
    ndc11: 'NDC',
    lotNumber: 'Lot',
    manufacturedOn: 'Manufactured',
    expiry: 'Expiry',
    specification: 'Specification line',
    conclusion: 'Conclusion',
    category: 'Category',
    occurredAt: 'Occurred at',
    site: 'Site',
    lots: 'Lot',
    description: 'Description',
    minTemperatureC: 'Minimum temperature (°C)',
    maxTemperatureC: 'Maximum temperature (°C)',
    durationMinutes: 'Duration (minutes)',
    impactAssessment: 'Impact assessment',
    disposition: 'Disposition',
    reference: 'Reference',
    rootCause: 'Root cause',
    correctiveAction: 'Corrective action',
    preventiveAction: 'Preventive action',
    dueDate: 'Due date',
    outcome: 'Outcome',
    content: 'Content',
  };
  const parts = path.split('.').filter((p) => p !== 'content');
  const out: string[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part)) out[out.length - 1] = `${out[out.length - 1] ?? ''} ${Number(part) + 1}`;
    else out.push(labels[part] ?? part);
  }
  return out.join(' › ') || path;
}

/** An audit value as text: never hidden, `(none)` for null, JSON for objects. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'boolean') return value ? 'Pass' : 'Fail';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** `n` things, with the plural when it is not one. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
