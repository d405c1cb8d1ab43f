import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import Papa from 'papaparse';
import { CsvShapeGuard } from './csv-shape-guard';
import type { ReadLimits } from './read-limits';
import type { RowNormalizer } from './row-normalizer';
import type { RowSink, SinkPort } from './row-sink';
import { sniffDialect, type CsvDialect } from './sniff-dialect';
import { sniffEncoding, streamDecoder, type EncodingGuess } from './sniff-encoding';
import { refuseBinary, refuseMarkup } from './sniff-format';

const CHUNK_BYTES = 256 * 1024;

export interface CsvSniff extends EncodingGuess {
  dialect: CsvDialect;
  format: 'csv' | 'tsv';
  /** A CSV is one sheet, named after the file as Excel names it when it opens one. */
  sheet: string;
}

/** Encoding and dialect from the head (and, for UTF-8 vs ANSI, the first non-ASCII byte). */
export async function sniffCsv(path: string, size: number, head: Uint8Array): Promise<CsvSniff> {
  const fileName = basename(path);
  const file = await open(path);
  let guess: EncodingGuess;
  try {
    guess = await sniffEncoding({ size, read: (position, length) => readAt(file, position, length) }, head);
  } finally {
    await file.close();
  }
  const text = streamDecoder(guess.encoding)(head.subarray(guess.bomBytes));
  refuseMarkup(text, fileName);
  refuseBinary(text, fileName);
  const ext = extname(fileName);
  const dialect = sniffDialect(text, head.length >= size, ext.toLowerCase() === '.tsv' ? '\t' : ',');
  return { ...guess, dialect, format: dialect.delimiter === '\t' ? 'tsv' : 'csv', sheet: basename(fileName, ext) };
}

async function readAt(file: Awaited<ReturnType<typeof open>>, position: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

export interface CsvReadContext {
  path: string;
  size: number;
  head: Uint8Array;
  limits: ReadLimits;
  port: SinkPort;
  sink: RowSink;
  rows: RowNormalizer;
}

/** Papa Parse's low-level parser: parse(text, baseIndex, ignoreLastRow) → rows + where it stopped. */
interface RawParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): { data: string[][]; meta: { cursor: number } };
}

/**
 * Streams a CSV/TSV: bytes → incremental decoder → shape guard → Papa Parse → rows. Papa Parse's
 * own stream mode decodes chunks as UTF-8 only, so the text is fed to its `Parser` here, the way
 * its ChunkStreamer does: each call parses the text but the last, possibly unfinished, record,
 * which is carried into the next call.
 */
export async function readCsv(context: CsvReadContext): Promise<void> {
  const { path, size, head, limits, port, sink, rows } = context;
  const fileName = basename(path);
  const sniff = await sniffCsv(path, size, head);
  port.post({
    type: 'meta',
    meta: { fileName, bytes: size, format: sniff.format, encoding: sniff.encoding, delimiter: sniff.dialect.delimiter, sheets: [sniff.sheet], sheet: sniff.sheet, dateSystem: '1900' },
  });

  const decode = streamDecoder(sniff.encoding);
  const guard = new CsvShapeGuard(sniff.dialect, limits, fileName);
  const parser: RawParser = new Papa.Parser({ delimiter: sniff.dialect.delimiter, newline: sniff.dialect.newline, quoteChar: '"' });
  const parse = async (input: string, final: boolean): Promise<string> => {
    const result = parser.parse(input, 0, !final);
    for (const record of result.data) await rows.push(record);
    return final ? '' : input.slice(result.meta.cursor);
  };

  let carried = '';
  let fresh: string[] = [];
  let freshLength = 0;
  let bytesRead = sniff.bomBytes;
  for await (const chunk of createReadStream(path, { start: sniff.bomBytes, highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    const text = decode(chunk);
    guard.scan(text);
    fresh.push(text);
    freshLength += text.length;
    // Each parse re-reads the carried unfinished record; waiting until there is at least as much
    // new text keeps the total work linear even for one very long (multi-line, quoted) record.
    if (freshLength < carried.length) continue;
    carried = await parse(carried + fresh.join(''), false);
    fresh = [];
    freshLength = 0;
    sink.progress(bytesRead, 'reading', bytesRead / size);
  }
  const tail = decode();
  guard.scan(tail);
  guard.end();
  await parse(carried + fresh.join('') + tail, true);
}
