import {
  NDC11_SEGMENTS,
  fitSegment,
  segmentLengths,
  splitDigits,
  type Ndc10Configuration,
  type NdcConfiguration,
} from './ndc-configuration';
import { fail, ok, type Result } from './result';

const SEGMENT_NAMES = ['labeler', 'product', 'package'] as const;

/** `00071015523` → `00071-0155-23`, the 5-4-2 billing layout. */
export function hyphenateNdc11(ndc11: string): string {
  return splitDigits(ndc11, '5-4-2').join('-');
}

/**
 * An 11-digit NDC written in `configuration`, as on the label: the inverse of `parseNdc`.
 * A 10-digit layout drops the leading zero that normalisation added to its short segment
 * (21 CFR 207.35), so `12345-6789-01` has no 4-4-2 form; 6-4-2 adds a leading zero to the
 * labeler (91 FR 10749).
 */
export function formatNdc(ndc11: string, configuration: NdcConfiguration): Result<string> {
  if (!/^\d{11}$/.test(ndc11)) return fail('ndc/invalid', `"${ndc11}" is not an 11-digit NDC.`);
  const target = segmentLengths(configuration);
  const segments = splitDigits(ndc11, '5-4-2');
  const fitted: string[] = [];
  for (const [i, segment] of segments.entries()) {
    const length = target[i] ?? 0;
    const fit = fitSegment(segment, length);
    if (fit === null) {
      const name = SEGMENT_NAMES[i] ?? 'segment';
      return fail(
        'ndc/invalid',
        `NDC ${hyphenateNdc11(ndc11)} has no ${configuration} form: its ${name} segment "${segment}" would have to lose a non-zero digit to become ${length} digits (it is ${NDC11_SEGMENTS[i]}).`,
      );
    }
    fitted.push(fit);
  }
  return ok(fitted.join('-'));
}

/** The hyphenated 10-digit NDC as the FDA lists it (21 CFR 207.35), from its 11-digit form. */
export function formatNdc10(ndc11: string, configuration: Ndc10Configuration): Result<string> {
  return formatNdc(ndc11, configuration);
}
