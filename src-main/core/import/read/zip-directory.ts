/**
 * Reads a zip's central directory (PKWARE APPNOTE.TXT 6.3.10) without unzipping anything, so
 * that an XLSX can be judged by what it claims to contain before SheetJS inflates it.
 */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  /** General purpose bit flag; bit 0 = encrypted, bit 3 = sizes in a trailing data descriptor. */
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's data starts (after its local header), or -1 when the local header is bad. */
  dataOffset: number;
  /** The uncompressed size the local header claims (SheetJS trusts this one); 0 when deferred. */
  localUncompressedSize: number;
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50; // §4.3.16 end of central directory record
const ZIP64_LOCATOR = 0x07064b50; // §4.3.15
const ZIP64_EOCD = 0x06064b50; // §4.3.14
const CENTRAL = 0x02014b50; // §4.3.12
const LOCAL = 0x04034b50; // §4.3.7
const ZIP64_EXTRA = 0x0001; // §4.5.3
const MAX_COMMENT = 0xffff;

/** Throws ZipFormatError when the archive is truncated or its directory is inconsistent. */
export function readZipDirectory(zip: Buffer): ZipEntry[] {
  const eocd = findEndOfDirectory(zip);
  let count = zip.readUInt16LE(eocd + 10);
  let size = zip.readUInt32LE(eocd + 12);
  let offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new ZipFormatError('zip64 locator missing');
    const record = safeNumber(zip.readBigUInt64LE(locator + 8));
    if (record + 56 > zip.length || zip.readUInt32LE(record) !== ZIP64_EOCD) throw new ZipFormatError('zip64 directory record missing');
    count = safeNumber(zip.readBigUInt64LE(record + 32));
    size = safeNumber(zip.readBigUInt64LE(record + 40));
    offset = safeNumber(zip.readBigUInt64LE(record + 48));
  }
  if (offset + size > zip.length) throw new ZipFormatError('central directory beyond the end of the file');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError('central directory entry missing');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const extra = zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const sizes = withZip64(extra, { uncompressed: zip.readUInt32LE(at + 24), compressed: zip.readUInt32LE(at + 20), offset: zip.readUInt32LE(at + 42) });
    const local = readLocalHeader(zip, sizes.offset);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      flags: zip.readUInt16LE(at + 8),
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      ...local,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - 22 - MAX_COMMENT);
  for (let at = zip.length - 22; at >= lowest; at--) if (zip.readUInt32LE(at) === EOCD) return at;
  throw new ZipFormatError('truncated zip');
}

interface Sizes {
  uncompressed: number;
  compressed: number;
  offset: number;
}

/** §4.5.3: the zip64 extra field holds, in order, only the values whose 32-bit field is all ones. */
function withZip64(extra: Buffer, sizes: Sizes): Sizes {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length || field + 8 > extra.length) throw new ZipFormatError('zip64 extra field too short');
        const value = safeNumber(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      const uncompressed = sizes.uncompressed === 0xffffffff ? next() : sizes.uncompressed;
      const compressed = sizes.compressed === 0xffffffff ? next() : sizes.compressed;
      const offset = sizes.offset === 0xffffffff ? next() : sizes.offset;
      return { uncompressed, compressed, offset };
    }
    at += 4 + length;
  }
  return sizes;
}

function readLocalHeader(zip: Buffer, offset: number): Pick<ZipEntry, 'dataOffset' | 'localUncompressedSize'> {
  if (offset + 30 > zip.length || zip.readUInt32LE(offset) !== LOCAL) return { dataOffset: -1, localUncompressedSize: 0 };
  const nameLength = zip.readUInt16LE(offset + 26);
  const extraLength = zip.readUInt16LE(offset + 28);
  const extra = zip.subarray(offset + 30 + nameLength, offset + 30 + nameLength + extraLength);
  const sizes = withZip64(extra, { uncompressed: zip.readUInt32LE(offset + 22), compressed: zip.readUInt32LE(offset + 18), offset });
  return { dataOffset: offset + 30 + nameLength + extraLength, localUncompressedSize: sizes.uncompressed };
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('size beyond 2^53');
  return Number(value);
}
