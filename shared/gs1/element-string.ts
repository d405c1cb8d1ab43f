import type { SerializedError } from '../errors';
import type { AiDefinition } from './ai-definition';
import { aiDefinition, matchAi } from './ai-lookup';
import { GS } from './gs-separator';

/** A field as found in the data, before its value is checked. */
export interface RawElement {
  definition: AiDefinition;
  value: string;
}

/**
 * The fields read before the data stopped making sense, and why it did. The caller checks those
 * fields first: a bad field is usually the cause of what follows it (a short GTIN shifts the rest).
 */
export interface SplitElements {
  elements: RawElement[];
  error: SerializedError | null;
}

function stopped(elements: RawElement[], code: SerializedError['code'], message: string): SplitElements {
  return { elements, error: { code, message } };
}

/**
 * Splits element strings as a scanner sends them: AI, then data; a predefined-length field
 * (GS1 General Specifications §7.8.5) ends after its length, any other field at GS or the end.
 * A GS where none is needed (at the start, after a predefined-length field) is ignored.
 */
export function splitElementString(data: string): SplitElements {
  const elements: RawElement[] = [];
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === GS) {
      pos++;
      continue;
    }
    const definition = matchAi(data, pos);
    if (!definition) {
      return stopped(
        elements,
        'gs1/unknown-ai',
        `"${data.slice(pos, pos + 4)}" at character ${pos + 1} does not begin a GS1 Application Identifier (GS1 General Specifications §3.2): the scan may be cut short or mistyped.`,
      );
    }
    const start = pos + definition.ai.length;
    const gs = data.indexOf(GS, start);
    const end = definition.fixed ? Math.min(start + definition.maxLength, gs < 0 ? data.length : gs) : gs < 0 ? data.length : gs;
    elements.push({ definition, value: data.slice(start, end) });
    pos = end;
  }
  return { elements, error: null };
}

/**
 * Splits the human-readable form `(01)00367457153032(17)210331(10)1724847.1`. A value runs to the
 * next "(" + AI + ")"; a literal "(" followed by digits and ")" inside a value is written `\(`
 * (the escape of the GS1 Barcode Syntax Engine). Spaces around values are dropped: no GS1
 * character set contains a space (§7.11).
 */
export function splitBracketed(data: string): SplitElements {
  const elements: RawElement[] = [];
  let pos = 0;
  while (pos < data.length) {
    const open = /^\s*\((\d+)\)/.exec(data.slice(pos));
    if (!open) return stopped(elements, 'gs1/invalid', `Expected "(AI)" at character ${pos + 1} of the human-readable form, found "${data.slice(pos, pos + 6)}".`);
    const ai = open[1] ?? '';
    const definition = aiDefinition(ai);
    if (!definition) return stopped(elements, 'gs1/unknown-ai', `"(${ai})" is not a GS1 Application Identifier (GS1 General Specifications §3.2).`);
    pos += open[0].length;
    let value = '';
    while (pos < data.length && !/^\(\d{2,4}\)/.test(data.slice(pos))) {
      const escaped = data.startsWith('\\(', pos);
      value += escaped ? '(' : data[pos];
      pos += escaped ? 2 : 1;
    }
    elements.push({ definition, value: value.replace(/^[\s\u001d]+|[\s\u001d]+$/g, '') });
  }
  return { elements, error: null };
}
