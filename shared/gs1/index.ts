export type { AiDefinition } from './ai-definition';
export { aiDefinition } from './ai-lookup';
export { gs1CheckDigit, hasValidCheckDigit } from './check-digit';
export { formatElementString, type Gs1Field } from './format-element-string';
export { GS, normalizeGsSeparators } from './gs-separator';
export { gs1DateToIso, resolveCentury } from './gs1-date';
export { parseGs1, type Gs1Element, type Gs1Scan, type ParseGs1Options } from './parse-gs1';
