import { SYNONYM_TABLE, type SynonymLanguage } from './synonym-table';
import { TARGET_LABELS } from './target-labels';
import { IMPORT_TARGETS, type ImportTarget } from './types';

/** A synonym the way headers are compared: normalised, with the languages that use it. */
export interface HeaderSynonym {
  normalized: string;
  target: ImportTarget;
  languages: SynonymLanguage[];
  /** How each language writes it, lower case ("référence" is French, "reference" English). */
  spellings: Map<string, SynonymLanguage[]>;
  /** Only a whole header counts: "Product" names the product, "Product type" does not. */
  exactOnly: boolean;
}

export interface HeaderMatch {
  target: ImportTarget;
  /** 0.95 when the whole header is a synonym, 0.75 when it contains one. */
  confidence: number;
  reason: string;
  synonym: string;
  exact: boolean;
}

export const EXACT_SYNONYM_CONFIDENCE = 0.95;
export const CONTAINED_SYNONYM_CONFIDENCE = 0.75;

/**
 * Words that make a header about something else than the value it names: OpenBoxes' product
 * list has "LotAndExpiryControl" (a yes/no flag), "ProductType", "ProductFamily".
 */
const NOT_A_VALUE = new Set(['control', 'controlled', 'type', 'family', 'category', 'flag', 'tracked', 'required', 'managed', 'kontrolle', 'typ', 'tipo']);

/**
 * A header as compared with synonyms: camelCase split ("UnitCost"), "#" read as "number",
 * lower case, accents removed (NFKD, so "Qté" = "Qte" and "Nº" = "No"), letters NFKD cannot
 * decompose folded by hand, punctuation turned into spaces ("Ch.-B." = "ch b"), spaces collapsed.
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/#/g, ' no ')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/[øœ]/g, (c) => (c === 'ø' ? 'o' : 'oe'))
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function buildSynonyms(): Map<string, HeaderSynonym> {
  const byText = new Map<string, HeaderSynonym>();
  for (const target of IMPORT_TARGETS) {
    for (const [language, list] of Object.entries(SYNONYM_TABLE[target]) as [SynonymLanguage, string][]) {
      for (const written of list.split('|')) {
        const exactOnly = written.endsWith('*');
        const normalized = normalizeHeader(exactOnly ? written.slice(0, -1) : written);
        const spelling = (exactOnly ? written.slice(0, -1) : written).toLowerCase();
        let known = byText.get(normalized);
        if (!known) byText.set(normalized, (known = { normalized, target, languages: [], spellings: new Map(), exactOnly }));
        if (known.target !== target) continue;
        if (!known.languages.includes(language)) known.languages.push(language);
        known.spellings.set(spelling, [...(known.spellings.get(spelling) ?? []), language]);
      }
    }
  }
  return byText;
}

const SYNONYMS = buildSynonyms();
// Longest first, so "unit cost" wins over "unit" and "dosage form" over "dosage".
const CONTAINABLE = [...SYNONYMS.values()].filter((s) => !s.exactOnly).sort((a, b) => b.normalized.length - a.normalized.length);

/** Every synonym, for tests and for the AI mapping prompt. */
export function headerSynonyms(): readonly HeaderSynonym[] {
  return [...SYNONYMS.values()];
}

/** The target a header names, if a synonym says so; null for "Id", "Created", "". */
export function matchHeader(header: string): HeaderMatch | null {
  return headerMatches(header)[0] ?? null;
}

/**
 * Every target a header names: the whole header as one synonym, or else each target a contained
 * synonym names, longest synonym first. "PZN/NDC" names both a product code and an NDC; the
 * column's values decide between them (auto-map.ts).
 */
export function headerMatches(header: string): HeaderMatch[] {
  const normalized = normalizeHeader(header);
  if (!normalized) return [];
  const shown = header.trim();
  const exact = SYNONYMS.get(normalized);
  if (exact) {
    return [{ target: exact.target, confidence: EXACT_SYNONYM_CONFIDENCE, synonym: exact.normalized, exact: true, reason: `header "${shown}" is ${meaning(exact, exact.spellings.get(shown.toLowerCase()))}` }];
  }
  const words = normalized.split(' ');
  if (words.some((w) => NOT_A_VALUE.has(w))) return [];
  const padded = ` ${normalized} `;
  const matches: HeaderMatch[] = [];
  for (const contained of CONTAINABLE) {
    if (!padded.includes(` ${contained.normalized} `) || matches.some((m) => m.target === contained.target)) continue;
    matches.push({
      target: contained.target,
      confidence: CONTAINED_SYNONYM_CONFIDENCE,
      synonym: contained.normalized,
      exact: false,
      reason: `header "${shown}" contains "${contained.normalized}", ${meaning(contained)}`,
    });
  }
  return matches;
}

/** "German for expiry"; the languages that spell it exactly as the header does come first. */
function meaning(synonym: HeaderSynonym, spelledBy?: SynonymLanguage[]): string {
  const label = TARGET_LABELS[synonym.target];
  const languages = spelledBy && !spelledBy.includes('English') ? spelledBy : synonym.languages;
  if (languages.includes('English')) return `a usual name for ${label}`;
  return `${languages.join('/')} for ${label}`;
}
