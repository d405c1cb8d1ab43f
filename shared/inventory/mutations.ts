import { z } from 'zod';

/**
 * The inventory mutations: the only way stock data changes, on the replica (optimistically) and
 * on the server (authoritatively). Arguments are validated with these schemas on both sides.
 * Quantities are never written; each stock mutation appends movements to the ledger.
 */
export const MUTATION_SCHEMA_VERSION = 1;

const id = z.string().uuid();
/**
 * Control characters (NUL above all, which Postgres text cannot hold) and unpaired UTF-16
 * surrogates are refused in every text field: a label never contains them, and a value the
 * database cannot store must be refused here, per change, not fail a whole sync batch later.
 */
const UNSTORABLE = /[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const clean = (v: string) => !UNSTORABLE.test(v);
const cleanMessage = 'contains a control character or broken Unicode';
const text = (max: number) => z.string().trim().min(1).max(max).refine(clean, cleanMessage);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(clean, cleanMessage)
    .nullish()
    .transform((v) => (v ? v : null));
/** Calendar date `YYYY-MM-DD`: an expiry is a date, never a timestamp a time zone could shift. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((d) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    return m >= 1 && m <= 12 && day >= 1 && day <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  }, 'is not a real calendar date');
const quantity = z.number().int('must be a whole number').positive('must be more than 0').max(10_000_000);
const reference = optionalText(200);

export const ADJUST_REASONS = ['damaged', 'expired', 'lost', 'found', 'theft', 'sample', 'returned', 'data-correction', 'other'] as const;

export const productUpsertArgs = z.object({
  ndc11: z.string().regex(/^\d{11}$/, 'must be an 11-digit NDC (5-4-2, no hyphens)'),
  gtin: z.string().regex(/^\d{14}$/, 'must be a 14-digit GTIN').nullish().transform((v) => v ?? null),
  name: text(300),
  genericName: optionalText(300),
  manufacturer: optionalText(300),
  strength: optionalText(100),
  dosageForm: optionalText(100),
  category: optionalText(100),
  schedule: z.enum(['CII', 'CIII', 'CIV', 'CV']).nullish().transform((v) => v ?? null),
  coldChain: z.boolean().default(false),
  unit: text(30).default('each'),
});

export const locationUpsertArgs = z.object({
  warehouse: text(100),
  zone: optionalText(100),
  bin: optionalText(100),
});

/**
 * Each stock mutation has a "command" (what a person enters) and "args" (the command plus the
 * movement ids the desktop core generates), sharing one field list and one set of rules.
 */
const movementId = { movementId: id };

const receiveFields = z.object({
  productId: id,
  // Kept exactly as printed: leading zeros, slashes and case are significant.
  lotNumber: z
    .string()
    .min(1, 'enter the lot number')
    .max(20, 'is longer than 20 characters (GS1 AI 10)')
    .refine((v) => v.trim() === v, 'must not start or end with spaces')
    .refine(clean, cleanMessage),
  expiry: isoDate,
  manufacturedOn: isoDate.nullish().transform((v) => v ?? null),
  locationId: id,
  quantity,
  serial: optionalText(20),
  reference,
});
export const receiveCommand = receiveFields;
export const receiveArgs = receiveFields.extend(movementId);

const pickFields = z.object({ lotId: id, locationId: id, quantity, reference });
export const pickCommand = pickFields;
export const pickArgs = pickFields.extend(movementId);

const adjustFields = z.object({
  lotId: id,
  locationId: id,
  delta: z.number().int('must be a whole number').refine((v) => v !== 0, 'must not be 0').refine((v) => Math.abs(v) <= 10_000_000, 'is too large'),
  reasonCode: z.enum(ADJUST_REASONS, { error: 'choose a reason for the adjustment' }),
  note: optionalText(500),
});
const adjustRule = <T extends { reasonCode: string; note: string | null }>(a: T) => a.reasonCode !== 'other' || a.note !== null;
const adjustRuleMessage = { path: ['note'], message: 'explain the adjustment when the reason is "other"' };
export const adjustCommand = adjustFields.refine(adjustRule, adjustRuleMessage);
export const adjustArgs = adjustFields.extend(movementId).refine(adjustRule, adjustRuleMessage);

const transferFields = z.object({ lotId: id, fromLocationId: id, toLocationId: id, quantity, reference });
const transferRule = <T extends { fromLocationId: string; toLocationId: string }>(a: T) => a.fromLocationId !== a.toLocationId;
const transferRuleMessage = { path: ['toLocationId'], message: 'must differ from the source location' };
export const transferCommand = transferFields.refine(transferRule, transferRuleMessage);
export const transferArgs = transferFields
  .extend({ ...movementId, movementInId: id })
  .refine(transferRule, transferRuleMessage)
  .refine((a) => a.movementId !== a.movementInId, { path: ['movementInId'], message: 'must differ from movementId' });

const lotStatusFields = z.object({ lotId: id, locationId: id, reason: text(500), reference });
export const lotStatusCommand = lotStatusFields;
export const lotStatusArgs = lotStatusFields.extend(movementId);

const countFields = z.object({
  lotId: id,
  locationId: id,
  countedQuantity: z.number().int('must be a whole number').min(0, 'cannot be negative').max(10_000_000),
});
export const countCommand = countFields;
export const countArgs = countFields.extend(movementId);

export const mutationArgs = {
  'product.upsert': productUpsertArgs,
  'location.upsert': locationUpsertArgs,
  'stock.receive': receiveArgs,
  'stock.pick': pickArgs,
  'stock.adjust': adjustArgs,
  'stock.transfer': transferArgs,
  'stock.count': countArgs,
  'lot.quarantine': lotStatusArgs,
  'lot.release': lotStatusArgs,
  'lot.recall': lotStatusArgs,
} as const;

export type MutationName = keyof typeof mutationArgs;
export type MutationArgs<N extends MutationName> = z.input<(typeof mutationArgs)[N]>;
export type ParsedMutationArgs<N extends MutationName> = z.output<(typeof mutationArgs)[N]>;
export const mutationNameSchema = z.enum(Object.keys(mutationArgs) as [MutationName, ...MutationName[]]);
