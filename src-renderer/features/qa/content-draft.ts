import { coaContentSchema, gdpContentSchema, gmpContentSchema, qaText, type CoaContent, type DocumentType, type GdpContent, type GmpContent } from '../../../shared/qa/content';
import { toFieldIssues } from '../../../shared/zod-issues';
import { describeNdc } from '../products/product-form';
import { hyphenateNdc11 } from '../../../shared/ndc';

/**
 * What the QA editor holds while a person types: every field as text, the specification lines
 * and lot references as rows. `checkDraft` turns it into the typed content and validates it with
 * the very zod schemas the desktop core and the server check again (shared/qa/content.ts), so a
 * message appears beside the field before anything is saved.
 */
export interface SpecRow {
  test: string;
  method: string;
  limit: string;
  result: string;
  pass: 'pass' | 'fail';
}
export interface LotRow {
  ndc: string;
  lotNumber: string;
}
export interface Draft {
  type: DocumentType;
  title: string;
  /** Scalar fields by content key (productName, expiry, category…), as typed. */
  fields: Record<string, string>;
  specification: SpecRow[];
  lots: LotRow[];
}

export type DraftErrors = Record<string, string>;

export const EMPTY_SPEC_ROW: SpecRow = { test: '', method: '', limit: '', result: '', pass: 'pass' };
export const EMPTY_LOT_ROW: LotRow = { ndc: '', lotNumber: '' };

const EMPTY_FIELDS: Record<DocumentType, Record<string, string>> = {
  coa: { productName: '', ndc11: '', lotNumber: '', manufacturedOn: '', expiry: '', conclusion: '' },
  gdp: { category: 'temperature-excursion', occurredAt: '', site: '', description: '', minTemperatureC: '', maxTemperatureC: '', durationMinutes: '', impactAssessment: '', disposition: 'pending' },
  gmp: { category: 'deviation', reference: '', description: '', rootCause: '', correctiveAction: '', preventiveAction: '', dueDate: '', outcome: '' },
};

export function emptyDraft(type: DocumentType): Draft {
  return { type, title: '', fields: { ...EMPTY_FIELDS[type] }, specification: type === 'coa' ? [{ ...EMPTY_SPEC_ROW }] : [], lots: [] };
}

const textOrNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v);
const ndcOf = (text: string) => describeNdc(text).ndc11 ?? text.replace(/[\s-]/g, '');

/** A number field: '' is "not recorded" (null); anything else must read as a number. */
function numberOrNull(text: string | undefined): number | null | string {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : text;
}

/** `2027-03-12T09:30` typed in a local date-time field → the UTC instant the schema wants. */
export function localToUtc(local: string): string {
  if (local.trim() === '') return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

/** A UTC instant → the local `YYYY-MM-DDTHH:MM` a datetime-local field shows. */
export function utcToLocal(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The content object the draft stands for (not yet validated). */
export function draftContent(d: Draft): unknown {
  const f = d.fields;
  const lots = d.lots.map((l) => ({ ndc11: ndcOf(l.ndc), lotNumber: l.lotNumber.trim() }));
  switch (d.type) {
    case 'coa':
      return {
        productName: f['productName'] ?? '',
        ndc11: ndcOf(f['ndc11'] ?? ''),
        lotNumber: (f['lotNumber'] ?? '').trim(),
        manufacturedOn: f['manufacturedOn'] ?? '',
        expiry: f['expiry'] ?? '',
        specification: d.specification.map((s) => ({ test: s.test, method: s.method, limit: s.limit, result: s.result, pass: s.pass === 'pass' })),
        conclusion: textOrNull(f['conclusion']),
      };
    case 'gdp':
      return {
        category: f['category'],
        occurredAt: localToUtc(f['occurredAt'] ?? ''),
        site: f['site'] ?? '',
        lots,
        description: f['description'] ?? '',
        minTemperatureC: numberOrNull(f['minTemperatureC']),
        maxTemperatureC: numberOrNull(f['maxTemperatureC']),
        durationMinutes: numberOrNull(f['durationMinutes']),
        impactAssessment: f['impactAssessment'] ?? '',
        disposition: f['disposition'],
      };
    case 'gmp':
      return {
        category: f['category'],
        reference: f['reference'] ?? '',
        lots,
        description: f['description'] ?? '',
        rootCause: textOrNull(f['rootCause']),
        correctiveAction: textOrNull(f['correctiveAction']),
        preventiveAction: textOrNull(f['preventiveAction']),
        dueDate: textOrNull(f['dueDate']),
        outcome: f['outcome'] ?? '',
      };
  }
}

export type CheckedDraft = { ok: true; title: string; content: CoaContent | GdpContent | GmpContent } | { ok: false; errors: DraftErrors };

const titleSchema = qaText(200);
const SCHEMAS = { coa: coaContentSchema, gdp: gdpContentSchema, gmp: gmpContentSchema } as const;

/**
 * Validates the draft; errors are keyed by the field's path (`title`, `ndc11`,
 * `specification.1.limit`, `lots.0.lotNumber`) and worded as sentences to sit under it.
 */
export function checkDraft(d: Draft): CheckedDraft {
  const errors: DraftErrors = {};
  const title = titleSchema.safeParse(d.title);
  if (!title.success) errors['title'] = sentence(title.error.issues[0]?.message ?? 'is not valid');
  const content = SCHEMAS[d.type].safeParse(draftContent(d));
  if (!content.success) {
    for (const issue of toFieldIssues(content.error)) {
      if (errors[issue.path] === undefined) errors[issue.path] = sentence(numberMessage(issue.path, issue.message, d));
    }
  }
  // An NDC as typed that is not an NDC at all: say why in the parser's words.
  for (const [path, text] of ndcInputs(d)) {
    const described = describeNdc(text);
    if (described.error && text.trim() !== '') errors[path] = sentence(described.error);
  }
  if (Object.keys(errors).length > 0 || !title.success || !content.success) return { ok: false, errors };
  return { ok: true, title: title.data, content: content.data };
}

function ndcInputs(d: Draft): [string, string][] {
  const out: [string, string][] = d.lots.map((l, i) => [`lots.${i}.ndc11`, l.ndc]);
  if (d.type === 'coa') out.push(['ndc11', d.fields['ndc11'] ?? '']);
  return out;
}

const NUMBER_FIELDS = ['minTemperatureC', 'maxTemperatureC', 'durationMinutes'];

function numberMessage(path: string, message: string, d: Draft): string {
  const typed = d.fields[path];
  if (NUMBER_FIELDS.includes(path) && typed !== undefined && typed.trim() !== '' && !Number.isFinite(Number(typed.trim().replace(',', '.')))) return 'must be a number';
  return message;
}

function sentence(message: string): string {
  const t = message.trim();
  const c = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(c) ? c : `${c}.`;
}

/** A saved version's content back into an editable draft (editing a draft makes a new version). */
export function draftFromContent(type: DocumentType, title: string, content: CoaContent | GdpContent | GmpContent): Draft {
  const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const lotsOf = (lots: { ndc11: string; lotNumber: string }[]) => lots.map((l) => ({ ndc: hyphenateNdc11(l.ndc11), lotNumber: l.lotNumber }));
  if (type === 'coa') {
    const c = content as CoaContent;
    return {
      type,
      title,
      fields: { productName: c.productName, ndc11: hyphenateNdc11(c.ndc11), lotNumber: c.lotNumber, manufacturedOn: c.manufacturedOn, expiry: c.expiry, conclusion: s(c.conclusion) },
      specification: c.specification.map((l) => ({ test: l.test, method: l.method, limit: l.limit, result: l.result, pass: l.pass ? 'pass' : 'fail' })),
      lots: [],
    };
  }
  if (type === 'gdp') {
    const c = content as GdpContent;
    return {
      type,
      title,
      fields: {
        category: c.category,
        occurredAt: utcToLocal(c.occurredAt),
        site: c.site,
        description: c.description,
        minTemperatureC: s(c.minTemperatureC),
        maxTemperatureC: s(c.maxTemperatureC),
        durationMinutes: s(c.durationMinutes),
        impactAssessment: c.impactAssessment,
        disposition: c.disposition,
      },
      specification: [],
      lots: lotsOf(c.lots),
    };
  }
  const c = content as GmpContent;
  return {
    type,
    title,
    fields: {
      category: c.category,
      reference: c.reference,
      description: c.description,
      rootCause: s(c.rootCause),
      correctiveAction: s(c.correctiveAction),
      preventiveAction: s(c.preventiveAction),
      dueDate: s(c.dueDate),
      outcome: c.outcome,
    },
    specification: [],
    lots: lotsOf(c.lots),
  };
}
