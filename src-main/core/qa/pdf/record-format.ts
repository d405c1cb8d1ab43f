import type { DocumentRecord } from '../../../../shared/qa/record';

/**
 * How record values are printed. Dates are written with the month as a word ("12 Mar 2027") so
 * no reader can take 03/12 for 12 March or 3 December, and times always say UTC (21 CFR 11.50(a)(2):
 * the date and time of signing).
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2027-03-12` → `12 Mar 2027`; anything else is printed as given. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : isoDate;
}

/** `2026-11-22T10:03:00.060Z` → `22 Nov 2026 10:03:00 UTC`. */
export function formatUtc(instant: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(instant);
  return m ? `${formatDate(m[1] as string)} ${m[2]} UTC` : instant;
}

/** 11-digit NDC in its 5-4-2 printed form: `00093310905` → `00093-3109-05`. */
export function formatNdc(ndc11: string): string {
  return /^\d{11}$/.test(ndc11) ? `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}` : ndc11;
}

const words = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ');

const lots = (list: readonly { ndc11: string; lotNumber: string }[]) => (list.length ? list.map((l) => `NDC ${formatNdc(l.ndc11)} lot ${l.lotNumber}`).join('; ') : 'None');
const temperature = (c: number | null) => (c === null ? 'not recorded' : `${c} °C`);
const optional = (v: string | null) => v ?? 'None';

/** The structured fields of a GDP or GMP record as label/value pairs (a CoA's table is drawn separately). */
export function contentFields(record: DocumentRecord): [string, string][] {
  switch (record.type) {
    case 'coa': {
      const c = record.content;
      return [
        ['Product', c.productName],
        ['NDC', formatNdc(c.ndc11)],
        ['Lot', c.lotNumber],
        ['Manufactured', formatDate(c.manufacturedOn)],
        ['Expiry', formatDate(c.expiry)],
      ];
    }
    case 'gdp': {
      const c = record.content;
      return [
        ['Category', words(c.category)],
        ['Occurred', formatUtc(c.occurredAt)],
        ['Site', c.site],
        ['Lots', lots(c.lots)],
        ['Temperature min / max', `${temperature(c.minTemperatureC)} / ${temperature(c.maxTemperatureC)}`],
        ['Duration', c.durationMinutes === null ? 'not recorded' : `${c.durationMinutes} min`],
        ['Description', c.description],
        ['Impact assessment', c.impactAssessment],
        ['Disposition', words(c.disposition)],
      ];
    }
    case 'gmp': {
      const c = record.content;
      return [
        ['Category', words(c.category)],
        ['Reference', c.reference],
        ['Lots', lots(c.lots)],
        ['Description', c.description],
        ['Root cause', optional(c.rootCause)],
        ['Corrective action', optional(c.correctiveAction)],
        ['Preventive action', optional(c.preventiveAction)],
        ['Due date', c.dueDate ? formatDate(c.dueDate) : 'None'],
        ['Outcome', c.outcome],
      ];
    }
  }
}

export const STATUS_LABELS: Record<string, string> = {
  draft: 'DRAFT',
  'in-review': 'IN REVIEW (not approved)',
  approved: 'APPROVED',
  rejected: 'REJECTED',
  voided: 'VOIDED',
  superseded: 'SUPERSEDED',
};
