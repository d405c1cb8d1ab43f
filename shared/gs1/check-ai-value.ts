import type { ErrorCode } from '../errors';
import { fail, ok, type Result } from '../ndc/result';
import type { AiCharset, AiComponent, AiDefinition } from './ai-definition';
import { gs1CheckDigit } from './check-digit';
import { gs1DateToIso } from './gs1-date';

/** GS1 General Specifications §7.11: character sets 82 (X) and 39 (Y); Z is base64url. */
const CHARSETS: Readonly<Record<AiCharset, { pattern: RegExp; name: string }>> = {
  N: { pattern: /^[0-9]*$/, name: 'digits' },
  X: { pattern: /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/, name: 'GS1 character set 82' },
  Y: { pattern: /^[#\-/0-9A-Z]*$/, name: 'GS1 character set 39' },
  Z: { pattern: /^[A-Za-z0-9\-_=]*$/, name: 'base64url' },
};

const LABELS: Readonly<Record<string, string>> = {
  '01': 'GTIN',
  '10': 'lot',
  '11': 'production date',
  '17': 'expiry',
  '21': 'serial',
};

/** `AI (17) expiry "211341"`: how error messages name a field. */
export function describeField(definition: AiDefinition, value: string): string {
  return `AI (${definition.ai}) ${LABELS[definition.ai] ?? definition.title} "${value}"`;
}

/**
 * Checks a field's value against its Syntax Dictionary format: length, character set per
 * component, and the content checks Atlas relies on (`csum`: GS1 check digit, §7.9.1;
 * `yymmdd`/`yymmd0`: a real date, day 00 allowed by the latter). Other linters (country codes,
 * company-prefix positions, ...) are not applied.
 */
export function checkAiValue(definition: AiDefinition, value: string, currentYear: number): Result<string> {
  const problem = (code: ErrorCode, why: string) => fail(code, `${describeField(definition, value)}: ${why}.`);
  const { minLength, maxLength, format } = definition;
  if (value.length < minLength || value.length > maxLength) {
    const allowed = minLength === maxLength ? `exactly ${maxLength}` : `${minLength} to ${maxLength}`;
    const hint = value.length > maxLength && !definition.fixed ? ' (is the GS separator after it missing?)' : '';
    return problem('gs1/invalid', `it has ${value.length} characters, the format ${format} allows ${allowed}${hint}`);
  }
  let pos = 0;
  for (const component of definition.components) {
    if (pos === value.length && component.optional) break;
    const part = value.slice(pos, pos + (component.min === component.max ? component.max : value.length - pos));
    pos += part.length;
    const why = checkComponent(definition, component, part, currentYear);
    if (why) return problem(why.code, why.message);
  }
  return ok(value);
}

const GTIN_AIS = new Set(['01', '02', '03']);

function checkComponent(definition: AiDefinition, component: AiComponent, part: string, currentYear: number): { code: ErrorCode; message: string } | null {
  if (part.length < component.min) {
    return { code: 'gs1/invalid', message: `it ends inside a part of ${component.min} characters (format ${definition.format})` };
  }
  const charset = CHARSETS[component.charset];
  if (!charset.pattern.test(part)) {
    const bad = [...part].find((c) => !charset.pattern.test(c)) ?? '';
    const shown = /^[\x21-\x7e]$/.test(bad) ? `"${bad}"` : `U+${(bad.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return { code: 'gs1/invalid', message: `${shown} is not allowed, it must be ${charset.name} only` };
  }
  for (const linter of component.linters) {
    if (linter === 'csum') {
      const expected = gs1CheckDigit(part.slice(0, -1));
      if (String(expected) !== part.at(-1)) {
        const code = GTIN_AIS.has(definition.ai) ? 'gtin/check-digit' : 'gs1/invalid';
        return { code, message: `check digit is ${part.at(-1)}, but the other digits give ${expected} (GS1 General Specifications §7.9.1): mistyped or misread` };
      }
    }
    if (linter === 'yymmdd' || linter === 'yymmd0') {
      const date = gs1DateToIso(part, currentYear, linter === 'yymmd0' ? 'last-day' : 'not-allowed');
      if (!date.ok) return { code: date.error.code, message: date.error.message };
    }
  }
  return null;
}
