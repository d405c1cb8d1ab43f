import { cellText, isEmptyCell } from './cell-text';
import { matchHeader } from './header-synonyms';
import { KIND, classifyNumber, classifyText } from './value-kinds';
import type { Cell, ImportTarget } from './types';

export interface HeaderRowDecision {
  /** 0-based index into the rows given; NO_HEADER_ROW when every row is data. */
  index: number;
  confidence: number;
  reason: string;
}

/** The header "row" of a file that has none: every row from the first is data. */
export const NO_HEADER_ROW = -1;

const DATA_KINDS = KIND.integer | KIND.decimal | KIND.date | KIND.excelSerial | KIND.ndc | KIND.gtin;
const ROWS_BELOW = 5;

interface RowFacts {
  filled: number;
  labels: number;
  distinctLabels: number;
  dataCells: number;
  targets: Map<ImportTarget, string>;
}

/**
 * The row that holds the column names. Exports often start with a title ("Stock count, Boston,
 * 30 June 2025", one merged cell), a blank row or a "printed on" line. A header row is wide,
 * made of distinct labels rather than numbers or dates, names known columns, and is followed by
 * rows that do hold numbers or dates. Exports from older systems often have no header at all:
 * when the likeliest row names no known column and itself holds numbers or dates, it is data.
 */
export function detectHeaderRow(rows: readonly (readonly Cell[])[], maxScan = 30): HeaderRowDecision {
  const scan = Math.min(rows.length, maxScan);
  const facts = rows.slice(0, Math.min(rows.length, scan + ROWS_BELOW)).map(rowFacts);
  const widest = Math.max(0, ...facts.slice(0, scan).map((f) => f.filled));
  if (widest === 0) return { index: 0, confidence: 0, reason: `the first ${scan} rows are empty` };
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < scan; i++) {
    const score = scoreRow(facts, i, widest);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  const chosen = facts[best] as RowFacts;
  if (chosen.targets.size === 0 && chosen.dataCells > 0) {
    return {
      index: NO_HEADER_ROW,
      confidence: 0.6,
      reason: `no row names a known column, and row ${best + 1} holds numbers or dates like the rows below it: the file has no header row, so every row is data`,
    };
  }
  return { index: best, confidence: confidenceOf(chosen, facts, best), reason: reasonFor(chosen, facts, best) };
}

function rowFacts(row: readonly Cell[]): RowFacts {
  const facts: RowFacts = { filled: 0, labels: 0, distinctLabels: 0, dataCells: 0, targets: new Map() };
  const seen = new Set<string>();
  for (const cell of row) {
    if (isEmptyCell(cell)) continue;
    facts.filled++;
    const bits = typeof cell === 'number' ? classifyNumber(cell) : typeof cell === 'string' ? classifyText(cell).bits : 0;
    if (bits & DATA_KINDS) {
      facts.dataCells++;
      continue;
    }
    facts.labels++;
    const text = cellText(cell).trim();
    if (!seen.has(text.toLowerCase())) {
      seen.add(text.toLowerCase());
      facts.distinctLabels++;
    }
    // Long cells are data (a product name that happens to contain "lot"), not column names.
    const match = text.length <= 40 ? matchHeader(text) : null;
    if (match && !facts.targets.has(match.target)) facts.targets.set(match.target, text);
  }
  return facts;
}

function scoreRow(facts: RowFacts[], i: number, widest: number): number {
  const row = facts[i] as RowFacts;
  if (row.filled === 0) return -Infinity;
  const labelShare = row.labels / row.filled;
  const distinctShare = row.distinctLabels / row.filled;
  const width = row.filled / widest;
  // A title or "printed on" line fills one cell; a header names several columns.
  const lonely = row.filled === 1 ? 3 : 0;
  return 3 * row.targets.size + 2 * labelShare + distinctShare + 2 * width + 2 * dataBelow(facts, i) - lonely;
}

/** Share of the next non-empty rows that hold numbers or dates, as data rows do. */
function dataBelow(facts: RowFacts[], i: number): number {
  const below = facts.slice(i + 1).filter((f) => f.filled > 0).slice(0, ROWS_BELOW);
  if (below.length === 0) return 0;
  return below.filter((f) => f.dataCells > 0).length / below.length;
}

function confidenceOf(row: RowFacts, facts: RowFacts[], i: number): number {
  const known = row.targets.size;
  if (known >= 3) return 0.95;
  if (known === 2) return 0.85;
  if (known === 1) return 0.65;
  return row.labels === row.filled && dataBelow(facts, i) > 0.5 ? 0.45 : 0.2;
}

function reasonFor(row: RowFacts, facts: RowFacts[], i: number): string {
  const names = [...row.targets.values()].slice(0, 4).map((t) => `"${t}"`);
  const more = row.targets.size > 4 ? ', …' : '';
  const what =
    row.targets.size > 0
      ? `row ${i + 1} names ${row.targets.size} known ${row.targets.size === 1 ? 'column' : 'columns'} (${names.join(', ')}${more})`
      : `no row names a known column; row ${i + 1} looks most like a header (${row.labels} of ${row.filled} cells are labels, not numbers or dates)`;
  const above = facts.slice(0, i).filter((f) => f.filled > 0).length;
  return above > 0 ? `${what}; ${above === 1 ? 'the row above it looks' : `the ${above} rows above it look`} like a title` : what;
}
