import { z } from 'zod';
import { isoDate } from '../inventory/mutations';

/**
 * The structured content of the three GxP record types (issue 5): fields validated with zod, not
 * free text only, so a CoA always names its product, lot and dates and every specification line
 * says what was tested, how, against which limit, with what result.
 */
export const DOCUMENT_TYPES = ['coa', 'gdp', 'gmp'] as const;
export const documentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  coa: 'Certificate of Analysis',
  gdp: 'GDP record',
  gmp: 'GMP record',
};

/** Control characters and broken Unicode are refused, as in every other text field (mutations.ts). */
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const qaText = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`).refine((v) => !UNSTORABLE.test(v), 'contains a control character or broken Unicode');
export const optionalQaText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !UNSTORABLE.test(v), 'contains a control character or broken Unicode')
    .nullable()
    .transform((v) => (v ? v : null));

const ndc11 = z.string().regex(/^\d{11}$/, 'must be an 11-digit NDC (5-4-2, no hyphens)');
const lotNumber = z.string().min(1, 'enter the lot number').max(20, 'is longer than 20 characters (GS1 AI 10)');
/** ISO 8601 UTC instant with milliseconds, as `Date.toISOString()` prints it. */
export const utcInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be a UTC time like 2026-11-22T10:00:00.000Z');

export const lotRefSchema = z.strictObject({ ndc11, lotNumber });

export const specLineSchema = z.strictObject({
  test: qaText(200),
  method: qaText(200),
  limit: qaText(200),
  result: qaText(200),
  pass: z.boolean(),
});
export type SpecLine = z.infer<typeof specLineSchema>;

export const coaContentSchema = z
  .strictObject({
    productName: qaText(300),
    ndc11,
    lotNumber,
    manufacturedOn: isoDate,
    expiry: isoDate,
    specification: z.array(specLineSchema).min(1, 'add at least one specification line').max(200),
    conclusion: optionalQaText(2000),
  })
  .refine((c) => c.expiry > c.manufacturedOn, { path: ['expiry'], message: 'must be after the manufacture date' });
export type CoaContent = z.infer<typeof coaContentSchema>;

export const GDP_CATEGORIES = ['temperature-excursion', 'transport-deviation', 'storage-deviation', 'returned-goods', 'other'] as const;
export const DISPOSITIONS = ['pending', 'release', 'quarantine', 'destroy', 'return-to-supplier'] as const;

export const gdpContentSchema = z
  .strictObject({
    category: z.enum(GDP_CATEGORIES),
    occurredAt: utcInstant,
    site: qaText(200),
    lots: z.array(lotRefSchema).max(100),
    description: qaText(5000),
    minTemperatureC: z.number().min(-273.15).max(1000).nullable(),
    maxTemperatureC: z.number().min(-273.15).max(1000).nullable(),
    durationMinutes: z.number().int().min(0).max(1_000_000).nullable(),
    impactAssessment: qaText(5000),
    disposition: z.enum(DISPOSITIONS),
  })
  .refine((c) => c.minTemperatureC === null || c.maxTemperatureC === null || c.minTemperatureC <= c.maxTemperatureC, {
    path: ['maxTemperatureC'],
    message: 'must not be below the minimum temperature',
  });
export type GdpContent = z.infer<typeof gdpContentSchema>;

export const GMP_CATEGORIES = ['batch-record-review', 'deviation', 'capa', 'change-control'] as const;

export const gmpContentSchema = z.strictObject({
  category: z.enum(GMP_CATEGORIES),
  /** The batch record, deviation or CAPA number this record is about. */
  reference: qaText(100),
  lots: z.array(lotRefSchema).max(100),
  description: qaText(5000),
  rootCause: optionalQaText(5000),
  correctiveAction: optionalQaText(5000),
  preventiveAction: optionalQaText(5000),
  dueDate: isoDate.nullable(),
  outcome: qaText(2000),
});
export type GmpContent = z.infer<typeof gmpContentSchema>;

/** Type and content travel together, so a CoA's content is always checked as a CoA. */
export const typedContentSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('coa'), content: coaContentSchema }),
  z.strictObject({ type: z.literal('gdp'), content: gdpContentSchema }),
  z.strictObject({ type: z.literal('gmp'), content: gmpContentSchema }),
]);
export type TypedContent = z.infer<typeof typedContentSchema>;
