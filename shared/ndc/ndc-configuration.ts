/**
 * The layouts of a National Drug Code: labeler-product-package segment lengths.
 *
 * 21 CFR 207.35: an NDC is 10 digits in three segments, 4-4-2, 5-3-2 or 5-4-1. The 11-digit 5-4-2
 * layout is the HIPAA billing form, made by a leading zero on the short segment. The FDA final
 * rule on the NDC format (91 FR 10749) moves every NDC to 12 digits, 6-4-2, from 2033; a code
 * issued before then becomes 6-4-2 by leading zeros, so its 6-digit labeler starts with '0'.
 */
export type Ndc10Configuration = '4-4-2' | '5-3-2' | '5-4-1';
export type NdcConfiguration = Ndc10Configuration | '5-4-2' | '6-4-2';

export const NDC10_CONFIGURATIONS: readonly Ndc10Configuration[] = ['4-4-2', '5-3-2', '5-4-1'];
export const NDC_CONFIGURATIONS: readonly NdcConfiguration[] = [...NDC10_CONFIGURATIONS, '5-4-2', '6-4-2'];

/** Segment lengths of the 11-digit 5-4-2 form every NDC is normalised to. */
export const NDC11_SEGMENTS = [5, 4, 2] as const;

export type Segments = readonly [string, string, string];

export function segmentLengths(configuration: NdcConfiguration): readonly [number, number, number] {
  const [labeler, product, pkg] = configuration.split('-').map(Number);
  return [labeler ?? 0, product ?? 0, pkg ?? 0];
}

/** The configuration whose segment lengths these are, if any. */
export function configurationOf(segments: Segments): NdcConfiguration | null {
  const shape = segments.map((s) => s.length).join('-');
  return NDC_CONFIGURATIONS.find((c) => c === shape) ?? null;
}

export function isNdc10Configuration(value: string): value is Ndc10Configuration {
  return (NDC10_CONFIGURATIONS as readonly string[]).includes(value);
}

/** `0006745715303` style digits split into the segment lengths of `configuration`. */
export function splitDigits(digits: string, configuration: NdcConfiguration): Segments {
  const [a, b] = segmentLengths(configuration);
  return [digits.slice(0, a), digits.slice(a, a + b), digits.slice(a + b)];
}

/**
 * One segment brought to `length` digits: padded with leading zeros, or shortened by dropping
 * leading zeros. `null` when a non-zero digit would have to go, i.e. the code has no such form.
 */
export function fitSegment(segment: string, length: number): string | null {
  if (segment.length <= length) return segment.padStart(length, '0');
  const dropped = segment.slice(0, segment.length - length);
  return /^0+$/.test(dropped) ? segment.slice(dropped.length) : null;
}
