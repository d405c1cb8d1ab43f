import { cellText } from './cell-text';
import { EVIDENCE, KIND, classifyNumber, classifyText, type ValueKinds } from './value-kinds';
import type { Cell, ColumnProfile } from './types';

export const MAX_SAMPLES = 20;
export const MAX_SAMPLE_LENGTH = 100;
/** Enough values for a median and MAD within a few percent, whatever the row count. */
export const RESERVOIR_SIZE = 1024;
/** Distinct values remembered per column; dates, units and locations repeat, lots do not. */
const MEMO_SIZE = 4096;
const MEMO_MAX_LENGTH = 40;

/**
 * Streaming column statistics: one pass, memory bounded by the column count (samples, a fixed
 * reservoir and a bounded memo per column), never by the row count, so a million-row sheet
 * profiles in the same space as a hundred-row one.
 */
export class ColumnProfiler {
  private readonly columns: ColumnState[];

  constructor(columnCount: number) {
    this.columns = Array.from({ length: columnCount }, (_, i) => new ColumnState(i));
  }

  add(cells: readonly Cell[]): void {
    const columns = this.columns;
    for (let i = 0; i < columns.length; i++) {
      const cell = cells[i];
      if (cell === null || cell === undefined || cell === '') continue;
      (columns[i] as ColumnState).add(cell);
    }
  }

  result(): ColumnProfile[] {
    return this.columns.map((c) => c.profile());
  }
}

class ColumnState {
  private nonEmpty = 0;
  private maxLength = 0;
  private readonly samples: string[] = [];
  private readonly sampleSet = new Set<string>();
  private readonly kindCounts = new Uint32Array(16);
  private numberCount = 0;
  private min = Infinity;
  private max = -Infinity;
  private readonly reservoir: number[] = [];
  private memo: Map<string, ValueKinds> | null = new Map();
  private memoHits = 0;
  private readonly scratch: ValueKinds = { bits: 0, number: NaN };
  private readonly random: () => number;

  constructor(private readonly column: number) {
    this.random = mulberry32(0x9e3779b9 ^ Math.imul(column + 1, 0x85ebca6b));
  }

  add(cell: string | number | boolean): void {
    let bits: number;
    let number = NaN;
    if (typeof cell === 'string') {
      const kinds = this.classify(cell);
      if (kinds === null) return; // whitespace only
      bits = kinds.bits;
      number = kinds.number;
    } else if (typeof cell === 'number') {
      bits = classifyNumber(cell);
      number = cell;
    } else {
      bits = KIND.text;
    }
    this.nonEmpty++;
    const counts = this.kindCounts;
    for (let rest = bits; rest !== 0; rest &= rest - 1) {
      const b = 31 - Math.clz32(rest & -rest);
      counts[b] = (counts[b] ?? 0) + 1;
    }
    if (!Number.isNaN(number)) this.addNumber(number);
    const length = typeof cell === 'string' ? cell.trim().length : lengthOf(cell);
    if (length > this.maxLength) this.maxLength = length;
    if (this.samples.length < MAX_SAMPLES) this.addSample(typeof cell === 'string' ? cell.trim() : cellText(cell));
  }

  private classify(cell: string): ValueKinds | null {
    if (this.memo !== null) {
      const known = this.memo.get(cell);
      if (known) {
        this.memoHits++;
        return known;
      }
    }
    const first = cell.charCodeAt(0);
    if ((first <= 32 || first === 160) && cell.trim() === '') return null;
    const kinds = classifyText(cell, this.scratch);
    const memo = this.memo;
    if (memo !== null && cell.length <= MEMO_MAX_LENGTH) {
      if (memo.size < MEMO_SIZE) memo.set(cell, { bits: kinds.bits, number: kinds.number });
      // A full memo that rarely hits (lot numbers, names) only costs a lookup per cell: drop it.
      else if (this.memoHits < memo.size) this.memo = null;
    }
    return kinds;
  }

  // Reservoir sampling, Vitter's algorithm R, with a seeded generator: the same file always
  // yields the same sample, so the outlier threshold (and the import) is reproducible.
  private addNumber(value: number): void {
    const seen = this.numberCount++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (seen < RESERVOIR_SIZE) this.reservoir.push(value);
    else {
      const j = Math.floor(this.random() * (seen + 1));
      if (j < RESERVOIR_SIZE) this.reservoir[j] = value;
    }
  }

  private addSample(text: string): void {
    const sample = text.length > MAX_SAMPLE_LENGTH ? text.slice(0, MAX_SAMPLE_LENGTH) : text;
    if (this.sampleSet.has(sample)) return;
    this.sampleSet.add(sample);
    this.samples.push(sample);
  }

  profile(): ColumnProfile {
    const count = (bit: number) => this.kindCounts[Math.log2(bit)] ?? 0;
    return {
      column: this.column,
      nonEmpty: this.nonEmpty,
      samples: [...this.samples],
      kinds: {
        ndc: count(KIND.ndc),
        gtin: count(KIND.gtin),
        date: count(KIND.date),
        excelSerial: count(KIND.excelSerial),
        integer: count(KIND.integer),
        decimal: count(KIND.decimal),
        lotLike: count(KIND.lotLike),
        text: count(KIND.text),
      },
      dateEvidence: {
        mdyOnly: count(EVIDENCE.mdyOnly),
        dmyOnly: count(EVIDENCE.dmyOnly),
        either: count(EVIDENCE.either),
        ymd: count(EVIDENCE.ymd),
        monthYear: count(EVIDENCE.monthYear),
        dotted: count(EVIDENCE.dotted),
        textMonth: count(EVIDENCE.textMonth),
      },
      numbers: {
        count: this.numberCount,
        min: this.numberCount > 0 ? this.min : 0,
        max: this.numberCount > 0 ? this.max : 0,
        reservoir: [...this.reservoir],
      },
      maxLength: this.maxLength,
    };
  }
}

function lengthOf(cell: number | boolean): number {
  if (typeof cell === 'boolean') return cell ? 4 : 5;
  if (Number.isInteger(cell) && cell >= 0 && cell < 1e15) {
    let digits = 1;
    for (let v = cell; v >= 10; v = Math.floor(v / 10)) digits++;
    return digits;
  }
  return String(cell).length;
}

/** mulberry32 (Tommy Ettinger, public domain): a tiny seeded PRNG, good enough for sampling. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
