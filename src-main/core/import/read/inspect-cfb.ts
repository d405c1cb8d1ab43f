import * as XLSX from 'xlsx';
import { passwordProtected } from './read-errors';

/** The part of SheetJS's CFB container we use (its typings declare `CFB: any`). */
interface CfbReader {
  read(data: Buffer, options: { type: 'buffer' }): { FileIndex: { name: string }[] };
}

// [MS-OFFCRYPTO] §2.3.4.4: an encrypted OOXML file is an OLE container with these two streams
// instead of a zip. Directory entry names are UTF-16LE ([MS-CFB] §2.6.1).
const ENCRYPTION_STREAMS = ['EncryptedPackage', 'EncryptionInfo'];
const NEEDLES = ENCRYPTION_STREAMS.map((name) => Buffer.from(name, 'utf16le'));

/**
 * Excel saves a password-protected .xlsx as an OLE file, so it arrives looking like an old .xls.
 * The raw bytes are searched for the stream names first (a fast scan); only a hit pays for
 * parsing the container's directory to confirm them.
 */
export function refuseEncryptedCfb(data: Buffer, fileName: string): void {
  if (!NEEDLES.some((needle) => data.includes(needle))) return;
  const cfb = (XLSX.CFB as CfbReader).read(data, { type: 'buffer' });
  if (cfb.FileIndex.some((entry) => ENCRYPTION_STREAMS.includes(entry.name))) throw passwordProtected(fileName);
}
