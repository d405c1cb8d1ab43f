import { hyphenateNdc11 } from '../ndc/format-ndc';
import { gtinToNdc10 } from '../ndc/gtin-ndc';
import { ndc10Readings } from '../ndc/ndc-catalog';
import type { CatalogProduct, ImportCatalog } from './types';

export interface ProductFields {
  ndc11: string | null;
  /** GTIN-14. */
  gtin: string | null;
  productName: string | null;
}

export type ProductResolution =
  | { product: CatalogProduct; by: 'ndc' | 'gtin' | 'name' }
  /** `ambiguous`: several catalog products have the row's name, so none may be picked or created. */
  | { product: null; reason: string; ambiguous: boolean };

/**
 * The catalog product a row names: by NDC, else by GTIN, else by exact name. A row's NDC or GTIN
 * identifies one package; if it is not in the catalog the row is a new product even when a
 * product with the same name exists, since one drug name covers several package sizes.
 */
export function resolveProduct(fields: ProductFields, catalog: ImportCatalog): ProductResolution {
  if (fields.ndc11) {
    const product = catalog.byNdc11(fields.ndc11);
    return product ? { product, by: 'ndc' } : { product: null, ambiguous: false, reason: `NDC ${hyphenateNdc11(fields.ndc11)} is not in the product catalog` };
  }
  if (fields.gtin) {
    const product = catalog.byGtin(fields.gtin) ?? productOfNdcInGtin(fields.gtin, catalog);
    return product ? { product, by: 'gtin' } : { product: null, ambiguous: false, reason: `GTIN ${fields.gtin} is not in the product catalog` };
  }
  if (fields.productName) {
    const named = catalog.byName(fields.productName);
    const [product] = named;
    if (named.length === 1 && product) return { product, by: 'name' };
    if (named.length > 1) {
      return { product: null, ambiguous: true, reason: `${named.length} catalog products are named "${fields.productName}"; add the NDC or GTIN to say which` };
    }
    return { product: null, ambiguous: false, reason: `no catalog product is named "${fields.productName}"` };
  }
  return { product: null, ambiguous: false, reason: 'the row has no NDC, GTIN or product name' };
}

/**
 * US drug GTINs carry the NDC (GS1 US "03" prefix), so a catalog known by NDC alone still matches.
 * Only indicator 0, the NDC package itself: indicators 1-8 are cases of it, counted in cases, and
 * taking them for the package would be off by the case size.
 */
function productOfNdcInGtin(gtin: string, catalog: ImportCatalog): CatalogProduct | null {
  if (!gtin.startsWith('0')) return null;
  const ndc10 = gtinToNdc10(gtin);
  if (!ndc10.ok) return null;
  const found = new Map<string, CatalogProduct>();
  for (const reading of ndc10Readings(ndc10.value)) {
    const product = catalog.byNdc11(reading.ndc11);
    if (product) found.set(product.id, product);
  }
  const [only] = found.values();
  return found.size === 1 && only ? only : null;
}
