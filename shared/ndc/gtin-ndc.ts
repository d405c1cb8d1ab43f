import { gs1CheckDigit } from '../gs1/check-digit';
import { configurationOf, isNdc10Configuration } from './ndc-configuration';
import { fail, ok, type Result } from './result';

/**
 * US drugs carry their NDC inside the GTIN: indicator digit + "03" + the 10 NDC digits + the GS1
 * check digit (GS1 US: the "3" UPC number system is reserved for NDC/NHRIC codes; GS1 General
 * Specifications §7.9 for the check digit). The NDC's hyphens are not in the GTIN, so its layout
 * (4-4-2, 5-3-2 or 5-4-1) cannot be read back without the product catalog.
 */
const NDC_PREFIX = '03';

/**
 * The 10 NDC digits inside a GTIN. GTIN-12 (UPC-A) and GTIN-13 are accepted too, right-justified
 * to 14 digits with leading zeros as in AI (01) (GS1 General Specifications §3.3.2).
 */
export function gtinToNdc10(gtin: string): Result<string> {
  const code = gtin.trim();
  if (!/^\d{12,14}$/.test(code)) return fail('gtin/invalid', `"${code}" is not a GTIN: expected 14 digits (or a 12-digit UPC-A / 13-digit GTIN-13).`);
  const gtin14 = code.padStart(14, '0');
  const expected = gs1CheckDigit(gtin14.slice(0, 13));
  if (Number(gtin14[13]) !== expected) {
    return fail('gtin/check-digit', `GTIN ${gtin14} has check digit ${gtin14[13]}, but its other digits give ${expected} (GS1 General Specifications §7.9.1): mistyped or misread.`);
  }
  const prefix = gtin14.slice(1, 3);
  if (prefix !== NDC_PREFIX) {
    return fail('gtin/not-ndc', `GTIN ${gtin14} does not carry an NDC: US drug GTINs have "03" after the indicator digit, this one has "${prefix}".`);
  }
  return ok(gtin14.slice(3, 13));
}

/**
 * The GTIN-14 of a package whose NDC is `ndc10` (10 digits, bare or hyphenated 4-4-2/5-3-2/5-4-1).
 * `indicator` 0 is the unit itself; 1-8 are packaging levels chosen by the labeler (GS1 General
 * Specifications §3.3.2); 9 is for variable-measure items and is refused.
 */
export function ndc10ToGtin14(ndc10: string, indicator = '0'): Result<string> {
  const code = ndc10.trim();
  const segments = code.split('-');
  const layout = segments.length === 3 ? configurationOf([segments[0] ?? '', segments[1] ?? '', segments[2] ?? '']) : null;
  const digits = layout !== null && isNdc10Configuration(layout) ? segments.join('') : code;
  if (!/^\d{10}$/.test(digits)) return fail('ndc/invalid', `"${code}" is not a 10-digit NDC (4-4-2, 5-3-2 or 5-4-1, hyphens optional).`);
  if (!/^[0-8]$/.test(indicator)) return fail('gtin/invalid', `GTIN indicator digit must be 0 to 8, not "${indicator}".`);
  const body = `${indicator}${NDC_PREFIX}${digits}`;
  return ok(`${body}${gs1CheckDigit(body)}`);
}
