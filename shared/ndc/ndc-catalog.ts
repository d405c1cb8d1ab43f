import { NDC10_CONFIGURATIONS, fitSegment, splitDigits, type Ndc10Configuration } from './ndc-configuration';

/** The products Atlas knows, by 11-digit NDC: enough to tell which layout a bare 10-digit code has. */
export interface NdcCatalog {
  has(ndc11: string): boolean;
}

export interface Ndc10Reading {
  configuration: Ndc10Configuration;
  ndc11: string;
}

/**
 * The three 11-digit codes a bare 10-digit NDC may stand for: one per 10-digit layout of
 * 21 CFR 207.35, each with the leading zero on its short segment.
 */
export function ndc10Readings(ndc10: string): Ndc10Reading[] {
  return NDC10_CONFIGURATIONS.map((configuration) => {
    const [labeler, product, pkg] = splitDigits(ndc10, configuration);
    return { configuration, ndc11: `${fitSegment(labeler, 5)}${fitSegment(product, 4)}${fitSegment(pkg, 2)}` };
  });
}

/** A catalog over a list of 11-digit NDCs (tests, or a product list already in memory). */
export function ndcCatalogOf(ndc11s: Iterable<string>): NdcCatalog {
  const known = new Set(ndc11s);
  return { has: (ndc11) => known.has(ndc11) };
}
