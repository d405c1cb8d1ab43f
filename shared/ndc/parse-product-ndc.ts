import { fitSegment } from './ndc-configuration';
import { fiveDigitLabeler } from './parse-ndc';
import { fail, ok, type Result } from './result';

/** Labeler-product layouts of a product NDC (the package segment left off), 21 CFR 207.35. */
export type ProductNdcConfiguration = '4-4' | '5-3' | '5-4' | '6-4';

/** A product NDC normalised to 9 digits, 5-4: the first nine digits of its packages' 11-digit NDCs. */
export interface ProductNdc {
  productNdc9: string;
  productNdcHyphenated: string;
  configuration: ProductNdcConfiguration;
}

const LAYOUTS: readonly ProductNdcConfiguration[] = ['4-4', '5-3', '5-4', '6-4'];

/**
 * Reads a product NDC as FDA's NDC directory and openFDA give it (`product_ndc`, `68682-065`).
 * Only the hyphenated form: bare, 8 digits could be 4-4 or 5-3.
 */
export function parseProductNdc(input: string): Result<ProductNdc> {
  const code = input.trim();
  const m = /^(\d+)-(\d+)$/.exec(code);
  const labeler = m?.[1] ?? '';
  const product = m?.[2] ?? '';
  const configuration = LAYOUTS.find((layout) => layout === `${labeler.length}-${product.length}`);
  if (!m || !configuration) {
    return fail('ndc/invalid', `"${code}" is not a product NDC: write labeler-product with a hyphen, as 4-4, 5-3, 5-4 or 6-4 digits.`);
  }
  const labeler5 = fiveDigitLabeler(code, labeler);
  if (!labeler5.ok) return labeler5;
  const product4 = fitSegment(product, 4) ?? product;
  return ok({ productNdc9: `${labeler5.value}${product4}`, productNdcHyphenated: `${labeler5.value}-${product4}`, configuration });
}
