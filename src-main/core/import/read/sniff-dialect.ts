export type Delimiter = ',' | ';' | '\t' | '|';
export type Newline = '\n' | '\r\n' | '\r';

export interface CsvDialect {
  delimiter: Delimiter;
  newline: Newline;
}

/** In order of preference when two fit equally well. */
const CANDIDATES: Delimiter[] = [',', ';', '\t', '|'];
const MAX_RECORDS = 200;

/**
 * Guesses the delimiter from the head of the text: the candidate that occurs the same number of
 * times in the most records wins, counting only outside quotes (OpenBoxes names such as
 * "Morphine injection, 10mg/mL in 1mL ampoule" hold commas). Excel in most of continental
 * Europe saves "CSV" with semicolons because the comma is the decimal separator, so a column of
 * prices like 1,50 adds commas to data rows but not to the header; consistency, not frequency,
 * tells the two apart. `complete` says the text is the whole file (otherwise the last record may
 * be cut off and is ignored, unless it is the only one: a very wide header).
 */
export function sniffDialect(text: string, complete: boolean, fallback: Delimiter = ','): CsvDialect {
  const records: number[][] = [];
  let counts = CANDIDATES.map(() => 0);
  let newline: Newline | null = null;
  let inQuotes = false;
  let fieldStart = true;
  let nonEmpty = false;
  for (let i = 0; i < text.length && records.length < MAX_RECORDS; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') inQuotes = false;
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      nonEmpty = true;
      continue;
    }
    const at = CANDIDATES.indexOf(ch as Delimiter);
    if (at >= 0) {
      counts[at]! += 1;
      fieldStart = true;
      nonEmpty = true;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      newline ??= ch === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (nonEmpty) records.push(counts);
      counts = CANDIDATES.map(() => 0);
      fieldStart = true;
      nonEmpty = false;
      continue;
    }
    fieldStart = false;
    nonEmpty = true;
  }
  if (nonEmpty && (complete || records.length === 0)) records.push(counts);
  return { delimiter: bestDelimiter(records) ?? fallback, newline: newline ?? '\n' };
}

function bestDelimiter(records: number[][]): Delimiter | null {
  let best: { delimiter: Delimiter; consistency: number; perRecord: number } | null = null;
  for (const [at, delimiter] of CANDIDATES.entries()) {
    const frequency = new Map<number, number>();
    for (const record of records) {
      const c = record[at] ?? 0;
      if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    }
    let perRecord = 0;
    let times = 0;
    for (const [c, n] of frequency) if (n > times || (n === times && c > perRecord)) [perRecord, times] = [c, n];
    if (times === 0) continue;
    const consistency = times / records.length;
    if (!best || consistency > best.consistency || (consistency === best.consistency && perRecord > best.perRecord)) best = { delimiter, consistency, perRecord };
  }
  return best?.delimiter ?? null;
}
