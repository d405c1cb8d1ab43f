export { formatNdc, formatNdc10, hyphenateNdc11 } from './format-ndc';
export { gtinToNdc10, ndc10ToGtin14 } from './gtin-ndc';
export { ndc10Readings, ndcCatalogOf, type NdcCatalog, type Ndc10Reading } from './ndc-catalog';
export { NDC10_CONFIGURATIONS, NDC_CONFIGURATIONS, type Ndc10Configuration, type NdcConfiguration } from './ndc-configuration';
export { parseNdc, resolveBareNdc10, type Ndc, type ParseNdcOptions } from './parse-ndc';
export { parseProductNdc, type ProductNdc, type ProductNdcConfiguration } from './parse-product-ndc';
export type { Result } from './result';
