import type { ColumnProfile, ImportTarget } from './types';

/** How many of a column's values look like what a target holds. */
export interface ContentFit {
  matching: number;
  total: number;
  /** "are dates", completing "30 of 40 values …". */
  what: string;
}

/**
 * The values a target expects, checked against the profile; null for targets whose values can be
 * anything (notes, location, manufacturer, prices with or without a currency).
 */
export function contentFit(target: ImportTarget, profile: ColumnProfile): ContentFit | null {
  const { kinds, nonEmpty } = profile;
  const fit = (matching: number, what: string): ContentFit => ({ matching: Math.min(matching, nonEmpty), total: nonEmpty, what });
  switch (target) {
    case 'ndc':
      return fit(kinds.ndc, 'look like NDCs');
    case 'gtin':
      return fit(kinds.gtin, 'look like GTINs');
    case 'expiry':
    case 'manufacturedOn':
      return fit(kinds.date + kinds.excelSerial, 'are dates');
    case 'quantity':
      return fit(kinds.integer, 'are whole numbers');
    case 'lot':
      return fit(kinds.lotLike + kinds.integer, 'look like lot numbers');
    case 'productName':
      return fit(kinds.text, 'are text');
    default:
      return null;
  }
}

export function describeFit(fit: ContentFit): string {
  return `${fit.matching} of ${fit.total} ${fit.total === 1 ? 'value' : 'values'} ${fit.total === 1 ? singular(fit.what) : fit.what}`;
}

function singular(what: string): string {
  return what.replace(/^are /, 'is ').replace(/^look like (\w+)s$/, 'looks like an $1').replace(/^look /, 'looks ');
}
