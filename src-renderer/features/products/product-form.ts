import { productUpsertArgs } from '../../../shared/inventory/mutations';
import { parseNdc } from '../../../shared/ndc';
import type { FieldErrors } from '../../components/use-form';
import { validateWith } from '../movements/form-errors';

export const PRODUCT_FIELDS = ['ndc', 'name', 'genericName', 'manufacturer', 'strength', 'dosageForm', 'unit', 'category', 'schedule', 'gtin', 'coldChain'] as const;
export type ProductField = (typeof PRODUCT_FIELDS)[number];
export type ProductValues = Record<ProductField, string>;

export const EMPTY_PRODUCT: ProductValues = { ndc: '', name: '', genericName: '', manufacturer: '', strength: '', dosageForm: '', unit: 'each', category: '', schedule: '', gtin: '', coldChain: '' };
export const SCHEDULES = ['CII', 'CIII', 'CIV', 'CV'] as const;

/** Under the NDC field: the normalised 5-4-2 code, or why what was typed is not an NDC. */
export function describeNdc(text: string): { ndc11: string | null; hint: string | null; error: string | null } {
  if (text.trim() === '') return { ndc11: null, hint: null, error: null };
  const parsed = parseNdc(text);
  if (!parsed.ok) return { ndc11: null, hint: null, error: parsed.error.message };
  return { ndc11: parsed.value.ndc11, hint: `Stored as ${parsed.value.ndc11Hyphenated} (5-4-2, from ${parsed.value.configuration})`, error: null };
}

const text = (s: string) => (s.trim() === '' ? null : s.trim());

export function toProductArgs(v: ProductValues) {
  const schedule = SCHEDULES.find((s) => s === v.schedule) ?? null;
  return {
    ndc11: describeNdc(v.ndc).ndc11 ?? '',
    gtin: text(v.gtin.replace(/\s/g, '')),
    name: v.name.trim(),
    genericName: text(v.genericName),
    manufacturer: text(v.manufacturer),
    strength: text(v.strength),
    dosageForm: text(v.dosageForm),
    category: text(v.category),
    schedule,
    coldChain: v.coldChain === 'true',
    unit: v.unit.trim() || 'each',
  };
}

export function validateProduct(v: ProductValues): FieldErrors<ProductField> {
  const { ndc11: _ndc, ...rest } = toProductArgs(v);
  const errors = validateWith(productUpsertArgs.omit({ ndc11: true }), rest, PRODUCT_FIELDS);
  if (errors.name) errors.name = 'Enter the product name.';
  const ndc = describeNdc(v.ndc);
  if (v.ndc.trim() === '') errors.ndc = 'Enter the NDC as printed on the pack, e.g. 67457-153-03.';
  else if (ndc.error) errors.ndc = ndc.error;
  return errors;
}
