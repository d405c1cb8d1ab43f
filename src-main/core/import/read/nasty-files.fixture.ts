import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { AppError } from '../../../../shared/errors';
import type { Cell } from '../../../../shared/import/types';
import { readSpreadsheet, type ReadOptions } from './read-spreadsheet';

/**
 * Test files, real and hostile. The real ones are copies in tests/fixtures/import (see the README
 * there); the hostile ones are built here at test time, so the repository holds no zip bombs.
 */
export const FIXTURES = fileURLToPath(new URL('../../../../tests/fixtures/import/', import.meta.url));
export const fixture = (name: string) => join(FIXTURES, name);

export function tempDir(): { dir: string; file: (name: string, data: string | Buffer) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-read-'));
  return {
    dir,
    file: (name, data) => {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F; these are the ones the tests use.
const CP1252_EXTRAS: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‰': 0x89, '™': 0x99, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94 };

/** What Excel's plain "CSV" save produces on a Western-European Windows. */
export function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = CP1252_EXTRAS[ch] ?? ch.charCodeAt(0);
      if (code > 0xff) throw new Error(`${ch} has no Windows-1252 byte`);
      return code;
    }),
  );
}

export function utf16le(text: string, bom = true): Buffer {
  return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
}

export function workbook(sheets: Record<string, XLSX.WorkSheet>, bookType: XLSX.BookType = 'xlsx', date1904 = false): Buffer {
  const book = XLSX.utils.book_new();
  for (const [name, sheet] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, sheet, name);
  if (date1904) book.Workbook = { ...book.Workbook, WBProps: { date1904: true } };
  return XLSX.write(book, { type: 'buffer', bookType, compression: true }) as Buffer;
}

/** The part of SheetJS's CFB container we use (its typings declare `CFB: any`). */
interface CfbWriter {
  utils: { cfb_new(): object; cfb_add(container: object, path: string, data: Buffer): void };
  write(container: object, options: { type: 'buffer' }): Buffer;
}

/** A password-protected OOXML file as Excel saves it: an OLE container, not a zip ([MS-OFFCRYPTO]). */
export function encryptedWorkbook(): Buffer {
  const CFB = XLSX.CFB as CfbWriter;
  const container = CFB.utils.cfb_new();
  // EncryptionInfo version 4.4 = agile encryption; the content does not matter to the reader.
  CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(4096, 7));
  return CFB.write(container, { type: 'buffer' });
}

/**
 * `mib` MiB of zeros as raw deflate, built in milliseconds: 1 MiB of zeros deflated once and
 * sync-flushed (which ends byte-aligned and refers only to itself), repeated, then an empty
 * final block. 1 GiB comes out at ~1 MB.
 */
export function deflatedZeros(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), Buffer.from([0x03, 0x00])]);
}

export interface ZipPart {
  name: string;
  /** Already compressed when method is 8. */
  data: Buffer;
  method: 0 | 8;
  uncompressedSize: number;
  /** What the headers claim; defaults to the truth. */
  declaredSize?: number;
  /** Sizes only in a data descriptor after the data, as Java's ZipOutputStream writes them. */
  dataDescriptor?: boolean;
  crc?: number;
}

/** A minimal zip writer (APPNOTE 4.3), so tests can lie in the headers. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const size = part.declaredSize ?? part.uncompressedSize;
    const crc = part.crc ?? 0;
    const flags = part.dataDescriptor ? 0x8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.dataDescriptor ? 0 : crc, 14);
    local.writeUInt32LE(part.dataDescriptor ? 0 : part.data.length, 18);
    local.writeUInt32LE(part.dataDescriptor ? 0 : size, 22);
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(part.dataDescriptor ? 16 : 0);
    if (part.dataDescriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(part.data.length, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data, descriptor);
    centrals.push(central, name);
    offset += local.length + name.length + part.data.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function storedPart(name: string, text: string): ZipPart {
  const data = Buffer.from(text);
  return { name, data, method: 0, uncompressedSize: data.length, crc: crc32(data) };
}

/** An XLSX-looking zip whose sheet is `mib` MiB of zeros, declared as `declaredSize`. */
export function zipBomb(mib: number, options: { declaredSize?: number; dataDescriptor?: boolean } = {}): Buffer {
  return zip([
    storedPart('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    storedPart('xl/workbook.xml', '<workbook/>'),
    { name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(mib), method: 8, uncompressedSize: mib * 1024 * 1024, ...options },
  ]);
}

/** Deterministic noise (xorshift32), so a failure can be reproduced byte for byte. */
export function garbage(bytes: number, seed = 0x2545f491): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** `rows` OpenBoxes-like data rows after a header, ~80 bytes each. */
export function bigCsv(rows: number): string {
  const lines = ['Product code,Product name,Lot number,Expiration date,Bin location,OB QOH,Physical QOH,Comment'];
  for (let i = 0; i < rows; i++) lines.push(`TS${i % 1000},"Morphine injection, 10mg/mL in 1mL ampoule",00392/${i},06/30/2025,RACK1-SHELF1,,${i % 5000},`);
  return lines.join('\n') + '\n';
}

export const readFixture = (name: string) => readFileSync(fixture(name));

/** Reads a whole file through the worker, collecting every row. */
export async function readAll(path: string, options: Omit<ReadOptions, 'onRows'> = {}): Promise<{ meta: Awaited<ReturnType<typeof readSpreadsheet>>; rows: Cell[][] }> {
  const rows: Cell[][] = [];
  const meta = await readSpreadsheet(path, { ...options, onRows: (batch) => void rows.push(...batch) });
  return { meta, rows };
}

/** The rejection of `run`, which must be an AppError. */
export async function refusal(run: Promise<unknown>): Promise<AppError> {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  if (err instanceof AppError) return err;
  throw new Error(`expected an AppError, got ${err instanceof Error ? err.stack : String(err)}`);
}
