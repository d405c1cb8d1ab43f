import { contentFit, describeFit } from './content-fit';
import { headerMatches, normalizeHeader, type HeaderMatch } from './header-synonyms';
import { TARGET_LABELS, columnLabel } from './target-labels';
import type { ColumnMapping, ColumnProfile, ImportTarget, MappingSource } from './types';

export interface AutoMapOptions {
  /** The mapping the user confirmed last time for the same headers (see mappingMemoryKey). */
  memory?: ColumnMapping[] | null;
}

interface Candidate {
  column: number;
  target: ImportTarget | null;
  confidence: number;
  reason: string;
  source: MappingSource;
  /** Values that fit the target: breaks confidence ties ("Physical QOH" beats the empty "OB QOH"). */
  support: number;
}

const CONTENT_SHARE = 0.8;
/** Confidence of content-only guesses: an unlabelled column is never certain. */
const CONTENT_CONFIDENCE = { ndc: 0.7, gtin: 0.7, expiry: 0.65, manufacturedOn: 0.4, lot: 0.45, quantity: 0.45, productName: 0.4 } as const;
/**
 * For an ignored column, confidence says how sure it is that the column is not needed: sure for
 * an empty one; not at all for one with values nothing recognised (the AI and the user should
 * look at it); half for one that lost its target to a likelier column.
 */
const EMPTY_CONFIDENCE = 0.95;
const UNRECOGNISED_CONFIDENCE = 0.3;
const LOST_CONFLICT_CONFIDENCE = 0.5;

/**
 * One mapping per column: a remembered mapping first, then header synonyms checked against the
 * values, then the values alone. Each target goes to one column at most; when two columns claim
 * it the more confident wins, then the one with more fitting values, and the loser is ignored
 * with a reason naming the winner. The AI and the user refine this afterwards.
 */
export function autoMap(headers: readonly string[], profiles: readonly ColumnProfile[], options: AutoMapOptions = {}): ColumnMapping[] {
  const count = Math.max(headers.length, profiles.length);
  const headerOf = (column: number) => headers[column] ?? '';
  const remembered = rememberedMappings(headers, options.memory ?? null);
  const candidates: Candidate[] = [];
  const contentDates: number[] = [];
  for (let column = 0; column < count; column++) {
    const profile = profiles[column] ?? emptyProfile(column);
    const memory = remembered.get(column);
    if (memory) candidates.push(memory);
    else candidates.push(fromHeader(column, headerOf(column), profile) ?? fromContent(column, profile, contentDates));
  }
  assignDateColumns(candidates, contentDates, profiles);
  return resolveConflicts(candidates, headerOf, profiles);
}

function rememberedMappings(headers: readonly string[], memory: ColumnMapping[] | null): Map<number, Candidate> {
  const found = new Map<number, Candidate>();
  for (const entry of memory ?? []) {
    const header = headers[entry.column];
    // Memory applies to the same header in the same place only; a moved column is mapped afresh.
    if (header === undefined || normalizeHeader(header) !== normalizeHeader(entry.header)) continue;
    const reason =
      entry.target === null
        ? 'ignored in an earlier import with the same headers'
        : `mapped to ${TARGET_LABELS[entry.target]} in an earlier import with the same headers`;
    found.set(entry.column, { column: entry.column, target: entry.target, confidence: 1, reason, source: 'memory', support: Infinity });
  }
  return found;
}

/** The likeliest of the targets the header names, given the column's values. */
function fromHeader(column: number, header: string, profile: ColumnProfile): Candidate | null {
  let best: Candidate | null = null;
  for (const match of headerMatches(header)) {
    const candidate = fromHeaderMatch(column, match, profile);
    if (!best || candidate.confidence > best.confidence) best = candidate;
  }
  return best;
}

function fromHeaderMatch(column: number, match: HeaderMatch, profile: ColumnProfile): Candidate {
  const fit = contentFit(match.target, profile);
  const base = { column, target: match.target, source: 'header' as const, support: fit?.matching ?? profile.nonEmpty };
  if (profile.nonEmpty === 0) return { ...base, confidence: match.confidence - 0.2, reason: `${match.reason}, but the column is empty` };
  if (!fit) return { ...base, confidence: match.confidence, reason: match.reason };
  const share = fit.matching / fit.total;
  if (share >= CONTENT_SHARE) {
    // Header and values agree: halve the remaining doubt.
    return { ...base, confidence: match.confidence + (1 - match.confidence) / 2, reason: `${match.reason}, and ${describeFit(fit)}` };
  }
  if (share < 0.5 && fit.total >= 3) {
    return { ...base, confidence: match.confidence / 2, reason: `${match.reason}, but only ${describeFit(fit)}` };
  }
  return { ...base, confidence: match.confidence, reason: `${match.reason}; ${describeFit(fit)}` };
}

function fromContent(column: number, profile: ColumnProfile, contentDates: number[]): Candidate {
  const n = profile.nonEmpty;
  const none: Candidate = {
    column,
    target: null,
    source: 'none',
    support: 0,
    confidence: n === 0 ? EMPTY_CONFIDENCE : UNRECOGNISED_CONFIDENCE,
    reason: n === 0 ? 'the column is empty' : 'neither the header nor the values suggest a target',
  };
  if (n === 0) return none;
  const guess = (target: keyof typeof CONTENT_CONFIDENCE, share: number): Candidate | null => {
    const fit = contentFit(target, profile);
    if (!fit || fit.matching / n < share) return null;
    return { column, target, source: 'content', support: fit.matching, confidence: CONTENT_CONFIDENCE[target], reason: describeFit(fit) };
  };
  const codes = guess('ndc', CONTENT_SHARE) ?? guess('gtin', CONTENT_SHARE);
  if (codes) return codes;
  const dates = guess('expiry', CONTENT_SHARE);
  if (dates) {
    contentDates.push(column);
    return dates;
  }
  return (
    (profile.kinds.lotLike / n >= 0.6 ? guess('lot', 0.6) : null) ??
    guess('quantity', CONTENT_SHARE) ??
    (profile.maxLength >= 12 ? guess('productName', CONTENT_SHARE) : null) ??
    none
  );
}

/** The first unlabelled date column is the expiry unless a header claimed it; later ones may be the manufacture date. */
function assignDateColumns(candidates: Candidate[], contentDates: number[], profiles: readonly ColumnProfile[]): void {
  const claimed = (target: ImportTarget) => candidates.some((c) => c.target === target && c.source !== 'content');
  let expiryFree = !claimed('expiry');
  for (const column of contentDates) {
    const candidate = candidates[column];
    if (!candidate || candidate.source !== 'content') continue;
    if (expiryFree) {
      expiryFree = false;
      continue;
    }
    const fit = profiles[column] ? contentFit('manufacturedOn', profiles[column]) : null;
    candidate.target = 'manufacturedOn';
    candidate.confidence = CONTENT_CONFIDENCE.manufacturedOn;
    candidate.reason = `${fit ? describeFit(fit) : 'dates'}; another column is already the expiry, so this may be the manufacture date`;
  }
}

function resolveConflicts(candidates: Candidate[], headerOf: (column: number) => string, profiles: readonly ColumnProfile[]): ColumnMapping[] {
  const order = [...candidates].sort((a, b) => b.confidence - a.confidence || b.support - a.support || a.column - b.column);
  const winners = new Map<ImportTarget, Candidate>();
  const result = new Map<number, ColumnMapping>();
  for (const candidate of order) {
    const header = headerOf(candidate.column);
    const { target } = candidate;
    const winner = target ? winners.get(target) : undefined;
    if (target && winner) {
      const empty = (profiles[candidate.column]?.nonEmpty ?? 0) === 0;
      const confidence = empty ? EMPTY_CONFIDENCE : LOST_CONFLICT_CONFIDENCE;
      result.set(candidate.column, {
        column: candidate.column,
        header,
        target: null,
        confidence,
        reason: `${candidate.reason}; ${TARGET_LABELS[target]} is already taken by ${columnLabel(winner.column, headerOf(winner.column))}`,
        source: 'none',
      });
      continue;
    }
    if (target) winners.set(target, candidate);
    result.set(candidate.column, { column: candidate.column, header, target, confidence: round(candidate.confidence), reason: candidate.reason, source: candidate.source });
  }
  return candidates.map((c) => result.get(c.column) as ColumnMapping);
}

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000;

const REQUIRED: readonly [ImportTarget, string][] = [
  ['lot', 'No column is mapped to the lot number'],
  ['expiry', 'No column is mapped to the expiry date'],
  ['quantity', 'No column is mapped to the quantity'],
];
const IDENTITY: readonly ImportTarget[] = ['ndc', 'gtin', 'productCode', 'productName'];

/** What the mapping still lacks before rows can be validated, as sentences for the user. */
export function missingRequiredTargets(mapping: readonly ColumnMapping[]): string[] {
  const mapped = new Set(mapping.map((m) => m.target).filter((t) => t !== null));
  const missing = REQUIRED.filter(([target]) => !mapped.has(target)).map(([, message]) => message);
  if (!IDENTITY.some((t) => mapped.has(t))) missing.push('No column identifies the product: map an NDC, GTIN, product code or product name column');
  return missing;
}

function emptyProfile(column: number): ColumnProfile {
  return {
    column,
    nonEmpty: 0,
    samples: [],
    kinds: { ndc: 0, gtin: 0, date: 0, excelSerial: 0, integer: 0, decimal: 0, lotLike: 0, text: 0 },
    dateEvidence: { mdyOnly: 0, dmyOnly: 0, either: 0, ymd: 0, monthYear: 0 },
    numbers: { count: 0, min: 0, max: 0, reservoir: [] },
    maxLength: 0,
  };
}
