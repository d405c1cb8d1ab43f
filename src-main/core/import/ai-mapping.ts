import { LOW_CONFIDENCE, type ColumnMapping, type ColumnProfile, type ImportTarget } from '../../../shared/import/types';

export interface AiSuggestion {
  column: number;
  target: ImportTarget | null;
  confidence: number;
  reason: string;
}

export interface MappingPath {
  /** Which path produced the mapping the user sees first. */
  path: 'ai' | 'deterministic' | 'memory';
  /** In plain words, e.g. "Claude mapped 2 columns" or why it was not asked. */
  note: string;
  /** True while the request to Claude is out: the mapping may still change. */
  pending?: boolean;
}

/** Columns worth asking about: low confidence, with something in them. */
export function uncertainColumns(mapping: readonly ColumnMapping[], profiles: readonly ColumnProfile[]): ColumnMapping[] {
  return mapping.filter((m) => m.source !== 'memory' && m.source !== 'user' && m.confidence < LOW_CONFIDENCE && (profiles[m.column]?.nonEmpty ?? 0) > 0);
}

/**
 * What Claude may see: headers and at most five sample values per uncertain column, each cut
 * short — never the file (issue 4; and the samples are the least a model needs to tell "Charge"
 * the lot from "Charge" the fee).
 */
export function aiRequestColumns(uncertain: readonly ColumnMapping[], profiles: readonly ColumnProfile[]) {
  return uncertain.map((m) => ({
    column: m.column,
    header: m.header.slice(0, 200),
    samples: (profiles[m.column]?.samples ?? []).slice(0, 5).map((s) => s.slice(0, 100)),
    current: { target: m.target, confidence: m.confidence },
  }));
}

/**
 * Lays Claude's suggestions over the deterministic mapping: only for the columns that were
 * asked about, only when more confident, and never taking a target a surer column holds (a
 * model's guess must not displace an exact header match).
 */
export function mergeAiSuggestions(mapping: readonly ColumnMapping[], suggestions: readonly AiSuggestion[], asked: ReadonlySet<number>): ColumnMapping[] {
  const out = mapping.map((m) => ({ ...m }));
  for (const s of [...suggestions].sort((a, b) => b.confidence - a.confidence)) {
    const current = out[s.column];
    if (!current || !asked.has(s.column) || s.confidence <= current.confidence) continue;
    const holder = s.target === null ? undefined : out.find((m) => m.target === s.target && m.column !== s.column);
    if (holder && holder.confidence >= s.confidence) continue;
    if (holder) Object.assign(holder, { target: null, confidence: 0, source: 'ai', reason: `Claude mapped ${s.target} to column ${current.header} instead` });
    Object.assign(current, { target: s.target, confidence: s.confidence, source: 'ai', reason: `Claude: ${s.reason}` });
  }
  return out;
}
