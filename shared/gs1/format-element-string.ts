import { AppError } from '../errors';
import { aiDefinition } from './ai-lookup';
import { GS } from './gs-separator';

export interface Gs1Field {
  ai: string;
  value: string;
}

/**
 * Writes fields as a scanner would send them (`scanner`: GS after every field that is not of
 * predefined length, except the last) or as printed under the barcode (`bracketed`). For test
 * data, demo labels and typed scans; `parseGs1` reads both back.
 */
export function formatElementString(fields: readonly Gs1Field[], form: 'scanner' | 'bracketed' = 'scanner'): string {
  return fields
    .map(({ ai, value }, i) => {
      const definition = aiDefinition(ai);
      if (!definition) throw new AppError('validation/invalid-input', `"${ai}" is not a GS1 Application Identifier.`);
      if (form === 'bracketed') return `(${ai})${value.replace(/\(/g, '\\(')}`;
      return `${ai}${value}${definition.fixed || i === fields.length - 1 ? '' : GS}`;
    })
    .join('');
}
