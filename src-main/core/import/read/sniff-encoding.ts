import { isAscii } from 'node:buffer';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip before decoding. */
  bomBytes: number;
}

/** Random access to the file, so the sniffer can look past the head without reading it all. */
export interface ByteSource {
  size: number;
  read(position: number, length: number): Promise<Uint8Array>;
}

const SCAN_CHUNK = 1024 * 1024;
const VALIDATE_WINDOW = 64 * 1024;

/**
 * Which encoding a CSV/TSV is in. Excel writes "CSV UTF-8" with a BOM, "Unicode Text" as UTF-16LE
 * with a BOM, and plain "CSV" in the Windows ANSI code page (Windows-1252 in the Americas and
 * Western Europe) with no marker at all; database exports are usually UTF-8 without a BOM.
 */
export async function sniffEncoding(source: ByteSource, head: Uint8Array): Promise<EncodingGuess> {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  const utf16 = sniffUtf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomBytes: 0 };
  return { encoding: await utf8OrWindows1252(source), bomBytes: 0 };
}

/**
 * UTF-16 of mostly Latin text has a NUL in every other byte: the high byte of each code unit
 * (odd positions in LE, even in BE). Binary garbage has NULs too, but at both parities alike.
 */
export function sniffUtf16WithoutBom(head: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.3 && evenNul <= pairs * 0.02) return 'utf-16le';
  if (evenNul >= pairs * 0.3 && oddNul <= pairs * 0.02) return 'utf-16be';
  return null;
}

/**
 * Decides at the first non-ASCII byte, wherever it is: an ANSI export often has nothing but ASCII
 * for thousands of rows before a "®" or "µg" in a product name, and guessing UTF-8 from an ASCII
 * head would turn that into "�" silently. Valid UTF-8 from there on means UTF-8 (Windows-1252
 * text practically never forms valid multi-byte sequences); anything else is Windows-1252, which
 * decodes every byte. A file of pure ASCII is read as UTF-8 (the same characters). The scan uses
 * Buffer's SIMD ASCII check, so even 200 MB costs a fraction of a second.
 */
export async function utf8OrWindows1252(source: ByteSource): Promise<TextEncoding> {
  for (let position = 0; position < source.size; position += SCAN_CHUNK) {
    const chunk = await source.read(position, SCAN_CHUNK);
    if (isAscii(chunk)) continue;
    const first = chunk.findIndex((b) => b >= 0x80);
    const window = await source.read(position + first, VALIDATE_WINDOW);
    return isUtf8Prefix(window) ? 'utf-8' : 'windows-1252';
  }
  return 'utf-8';
}

/** Valid UTF-8, allowing the window to end inside a multi-byte sequence. */
function isUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * A decoder for a whole stream. Always decode with `{ stream: true }`: Node 20's TextDecoder
 * takes a Latin-1 shortcut for 'windows-1252' on non-streaming calls and turns 0x80 into U+0080
 * instead of "€" (nodejs/node#56542); the streaming path goes through ICU and is correct. Streaming
 * also keeps a multi-byte character split across two chunks intact.
 */
export function streamDecoder(encoding: TextEncoding): (bytes?: Uint8Array) => string {
  const decoder = new TextDecoder(encoding);
  return (bytes) => (bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode());
}
