import { hyphenateNdc11 } from './format-ndc';
import { ndc10Readings, type NdcCatalog } from './ndc-catalog';
import { configurationOf, fitSegment, splitDigits, type NdcConfiguration, type Segments } from './ndc-configuration';
import { fail, ok, type Result } from './result';

/** An NDC normalised to the 11-digit 5-4-2 form, with the layout it was written in. */
export interface Ndc {
  ndc11: string;
  ndc11Hyphenated: string;
  configuration: NdcConfiguration;
}

export interface ParseNdcOptions {
  /** Resolves bare 10-digit codes; without it they are rejected as ambiguous. */
  catalog?: NdcCatalog;
}

const ACCEPTED =
  'an NDC is written 4-4-2, 5-3-2 or 5-4-1 (10 digits), 5-4-2 (11 digits, hyphens optional) or 6-4-2 (12 digits, hyphens optional)';
const TEN_DIGIT_LAYOUTS = '10 digits without hyphens could be 4-4-2, 5-3-2 or 5-4-1';

/**
 * Reads an NDC as printed on a label or typed in (21 CFR 207.35) and normalises it to 11 digits.
 * Hyphens say which segment is short, so hyphenated codes need nothing else; a bare 10-digit code
 * does not, and is resolved only against the catalog.
 */
export function parseNdc(input: string, options: ParseNdcOptions = {}): Result<Ndc> {
  const code = input.trim();
  const hyphenated = /^(\d+)-(\d+)-(\d+)$/.exec(code);
  if (hyphenated) {
    const segments: Segments = [hyphenated[1] ?? '', hyphenated[2] ?? '', hyphenated[3] ?? ''];
    const configuration = configurationOf(segments);
    if (configuration === null) {
      return fail('ndc/invalid', `"${code}" is not an NDC: its segments have ${segments.map((s) => s.length).join('-')} digits; ${ACCEPTED}.`);
    }
    return fromSegments(code, segments, configuration);
  }
  if (/^\d+$/.test(code)) {
    if (code.length === 11) return fromSegments(code, splitDigits(code, '5-4-2'), '5-4-2');
    if (code.length === 12) return fromSegments(code, splitDigits(code, '6-4-2'), '6-4-2');
    if (code.length === 10) return resolveBareNdc10(code, options.catalog);
    return fail('ndc/invalid', `"${code}" is not an NDC: it has ${code.length} digits; ${ACCEPTED}.`);
  }
  if (/^[\d-]*$/.test(code)) {
    return fail('ndc/invalid', `"${code}" is not an NDC: it has ${code.split('-').length} hyphen-separated parts, not three; ${ACCEPTED}.`);
  }
  return fail('ndc/invalid', `"${code}" is not an NDC: only digits and hyphens are allowed; ${ACCEPTED}.`);
}

function fromSegments(code: string, [labeler, product, pkg]: Segments, configuration: NdcConfiguration): Result<Ndc> {
  const labeler5 = fiveDigitLabeler(code, labeler);
  if (!labeler5.ok) return labeler5;
  const ndc11 = `${labeler5.value}${fitSegment(product, 4)}${fitSegment(pkg, 2)}`;
  return ok({ ndc11, ndc11Hyphenated: hyphenateNdc11(ndc11), configuration });
}

/**
 * The labeler code in 5 digits. 91 FR 10749: from 2033 labelers have 6 digits; an existing one
 * gains a leading zero, and one assigned after the switch has no 5-digit (11-digit NDC) form.
 */
export function fiveDigitLabeler(code: string, labeler: string): Result<string> {
  const fitted = fitSegment(labeler, 5);
  if (fitted !== null) return ok(fitted);
  return fail(
    'ndc/no-11-digit-form',
    `"${code}" has the 6-digit labeler code ${labeler}, which does not start with 0: it exists only in the 12-digit 6-4-2 format (FDA final rule, 91 FR 10749, from 2033) and has no 11-digit 5-4-2 form.`,
  );
}

/** A bare 10-digit NDC: exactly one of its three readings must be a product in the catalog. */
export function resolveBareNdc10(ndc10: string, catalog?: NdcCatalog): Result<Ndc> {
  if (!catalog) {
    return fail('ndc/ambiguous', `"${ndc10}" is ambiguous: ${TEN_DIGIT_LAYOUTS}; write it with hyphens as printed on the label, or as 11 digits (5-4-2).`);
  }
  const readings = ndc10Readings(ndc10);
  // Two readings can be the same code: 11822-0000-3 (5-4-1) and 11822-000-03 (5-3-2) are both
  // 11822-0000-03. That is no ambiguity about the product; the first layout is reported.
  const matches = readings.filter((r, i) => catalog.has(r.ndc11) && readings.findIndex((o) => o.ndc11 === r.ndc11) === i);
  const listed = (rs: typeof readings) => rs.map((r) => `${r.configuration} → ${hyphenateNdc11(r.ndc11)}`).join(', ');
  const [match] = matches;
  if (matches.length === 1 && match) {
    return ok({ ndc11: match.ndc11, ndc11Hyphenated: hyphenateNdc11(match.ndc11), configuration: match.configuration });
  }
  if (matches.length === 0) {
    return fail('ndc/unknown', `"${ndc10}" is not in the product catalog: ${TEN_DIGIT_LAYOUTS} (${listed(readings)}) and none of them is a known product.`);
  }
  return fail('ndc/ambiguous', `"${ndc10}" is ambiguous: ${TEN_DIGIT_LAYOUTS}, and ${matches.length} of them are products in the catalog (${listed(matches)}); write it with hyphens as printed on the label.`);
}
