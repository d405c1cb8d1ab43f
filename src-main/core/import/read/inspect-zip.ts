import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../../../shared/errors';
import { damaged, formatBytes, passwordProtected } from './read-errors';
import type { ReadLimits } from './read-limits';
import { readZipDirectory, ZipFormatError, type ZipEntry } from './zip-directory';

const MiB = 1024 * 1024;
/** A sheet's XML deflates 5–20:1; 100:1 over a megabyte is a zip bomb's signature, not data. */
const MAX_RATIO = 100;
const RATIO_APPLIES_ABOVE = MiB;
/** Excel writes a few dozen parts; thousands are a non-recursive (overlapping-entry) bomb. */
const MAX_ENTRIES = 10_000;

/**
 * Refuses an XLSX before SheetJS unzips it: SheetJS inflates every part of the zip into memory
 * at once, allocating what each local header declares — or, for parts whose sizes sit in a data
 * descriptor (Java's ZipOutputStream writes those), growing without bound. So the declared sizes
 * are checked first, then every deflated part is inflated as a stream, counting bytes and keeping
 * none, to prove it is no bigger than declared (a lying header is how a bomb gets past the first
 * check). That costs one extra native inflate — ~0.1 s for a 100,000-row sheet.
 */
export async function inspectXlsxZip(zip: Buffer, limits: Pick<ReadLimits, 'maxUncompressedBytes'>, fileName: string): Promise<void> {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(zip);
  } catch (err) {
    if (err instanceof ZipFormatError) throw damaged(fileName, err.message);
    throw err;
  }
  refuseNonWorkbook(entries, fileName);
  if (entries.length > MAX_ENTRIES) throw bomb(fileName, `it holds ${entries.length.toLocaleString('en-US')} parts`);
  let declared = 0;
  for (const entry of entries) {
    if (entry.flags & 0x1) throw passwordProtected(fileName);
    if (entry.dataOffset < 0 || entry.dataOffset + entry.compressedSize > zip.length) throw damaged(fileName, `part ${entry.name} is cut off`);
    if (entry.method !== 0 && entry.method !== 8) throw damaged(fileName, `part ${entry.name} uses an unknown compression method`);
    if (entry.localUncompressedSize !== 0 && entry.localUncompressedSize !== entry.uncompressedSize) throw damaged(fileName, `the sizes of part ${entry.name} disagree`);
    declared += entry.uncompressedSize;
  }
  if (declared > limits.maxUncompressedBytes) throw bomb(fileName, `it expands to ${formatBytes(declared)} when unzipped; Atlas allows ${formatBytes(limits.maxUncompressedBytes)}`);
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > RATIO_APPLIES_ABOVE && ratio > MAX_RATIO) {
      throw bomb(fileName, `part ${entry.name} expands ${Math.round(ratio).toLocaleString('en-US')} times, to ${formatBytes(entry.uncompressedSize)}`);
    }
  }
  for (const entry of entries) {
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw damaged(fileName, `the sizes of part ${entry.name} disagree`);
    if (entry.method !== 8) continue;
    const actual = await inflatedSize(zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize), entry.uncompressedSize, fileName, entry.name);
    if (actual > entry.uncompressedSize) throw bomb(fileName, `part ${entry.name} expands to more than the ${formatBytes(entry.uncompressedSize)} it declares`);
  }
}

function refuseNonWorkbook(entries: ZipEntry[], fileName: string): void {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('[Content_Types].xml')) return;
  const ods = names.has('mimetype') && names.has('content.xml');
  throw new AppError(
    'import/unreadable-file',
    ods
      ? `“${fileName}” is an OpenDocument spreadsheet; open it in LibreOffice or Excel, save it as .xlsx or .csv, and import that file.`
      : `“${fileName}” is a zip archive, not an Excel workbook. Unzip it and choose the .xlsx or .csv file inside.`,
  );
}

/** Inflates without keeping the output; stops as soon as it exceeds `cap`. */
async function inflatedSize(data: Buffer, cap: number, fileName: string, part: string): Promise<number> {
  const inflate = createInflateRaw();
  inflate.end(data);
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > cap) break;
    }
  } catch {
    throw damaged(fileName, `part ${part} cannot be unzipped`);
  } finally {
    inflate.destroy();
  }
  return total;
}

function bomb(fileName: string, why: string): AppError {
  return new AppError('import/file-too-large', `“${fileName}” is not a normal workbook: ${why}. It looks like a “zip bomb” and was not opened.`);
}
