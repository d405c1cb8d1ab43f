import { AppError } from '../errors';
import { gtinToNdc10 } from '../ndc/gtin-ndc';
import { fail, ok, type Result } from '../ndc/result';
import { checkAiValue, describeField } from './check-ai-value';
import { splitBracketed, splitElementString, type RawElement } from './element-string';
import { gs1DateToIso, type DayZero } from './gs1-date';
import { stripSymbologyIdentifier } from './symbology';

export interface Gs1Element {
  ai: string;
  title: string;
  value: string;
}

/** What a receiving or picking screen needs from a scan; dates are ISO `YYYY-MM-DD`. */
export interface Gs1Scan {
  gtin: string | null;
  /** The 10 NDC digits, only for a US NDC-based GTIN ("03" after the indicator digit). */
  ndc10: string | null;
  expiry: string | null;
  /** Exactly as encoded: leading zeros, slashes and case kept. */
  lot: string | null;
  serial: string | null;
  productionDate: string | null;
  /** The carrier named by the scanner's symbology identifier, if it sent one. */
  symbology: string | null;
  /** Every field, in scan order, including AIs Atlas does not use. */
  elements: Gs1Element[];
}

export interface ParseGs1Options {
  /** The year two-digit years are read against (GS1 General Specifications §7.12); default: now. */
  currentYear?: number;
}

/**
 * Reads a GS1 DataMatrix / GS1-128 / GS1 QR scan as a keyboard-wedge scanner types it: an
 * optional symbology identifier (`]d2`, `]C1`, `]Q3`, ...), then element strings with GS (0x1D)
 * ending variable-length fields, or the human-readable `(01)…(17)…(10)…` form.
 */
export function parseGs1(scan: string, options: ParseGs1Options = {}): Result<Gs1Scan> {
  const currentYear = options.currentYear ?? new Date().getFullYear();
  // A wedge scanner ends with Enter; GS is not whitespace here and is kept.
  const text = scan.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  if (text === '') return fail('gs1/invalid', 'The scan is empty.');
  const unwrapped = stripSymbologyIdentifier(text);
  if (!unwrapped.ok) return unwrapped;
  const { data, symbology } = unwrapped.value;
  if (data === '') return fail('gs1/invalid', 'The scan has a symbology identifier but no data.');
  const split = data.startsWith('(') ? splitBracketed(data) : splitElementString(data);
  const elements = split.elements;

  const byAi = new Map<string, string>();
  for (const { definition, value } of elements) {
    const checked = checkAiValue(definition, value, currentYear);
    if (!checked.ok) return checked;
    const earlier = byAi.get(definition.ai);
    if (earlier !== undefined && earlier !== value) {
      return fail('gs1/invalid', `AI (${definition.ai}) appears twice with different values, "${earlier}" and "${value}".`);
    }
    byAi.set(definition.ai, value);
  }
  if (split.error) return { ok: false, error: split.error };

  const gtin = byAi.get('01') ?? null;
  const ndc10 = gtin === null ? null : gtinToNdc10(gtin);
  return ok({
    gtin,
    ndc10: ndc10?.ok ? ndc10.value : null,
    // AI (17): day 00 means the last day of the month (GS1 General Specifications, definition of AI (17)).
    expiry: dateOf(elements, '17', currentYear, 'last-day'),
    lot: byAi.get('10') ?? null,
    serial: byAi.get('21') ?? null,
    // AI (11) with day 00 gives only a month; its first day is the conservative reading for
    // shelf life (the product is taken to be as old as it can be).
    productionDate: dateOf(elements, '11', currentYear, 'first-day'),
    symbology,
    elements: elements.map(({ definition, value }) => ({ ai: definition.ai, title: definition.title, value })),
  });
}

function dateOf(elements: RawElement[], ai: string, currentYear: number, dayZero: DayZero): string | null {
  const element = elements.find((e) => e.definition.ai === ai);
  if (!element) return null;
  const date = gs1DateToIso(element.value, currentYear, dayZero);
  // Already checked by checkAiValue; a failure here would be a bug in that check.
  if (!date.ok) throw new AppError('internal/unexpected', `${describeField(element.definition, element.value)}: ${date.error.message}`);
  return date.value;
}
