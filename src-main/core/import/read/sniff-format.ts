import { extname } from 'node:path';
import { AppError } from '../../../../shared/errors';

/**
 * What kind of file this is, judged by its first bytes rather than its name: people rename
 * files, and Excel itself saves web pages and XML with an .xls name.
 */
export type Container = 'zip' | 'cfb' | 'text';

// APPNOTE.TXT §4.3.7 local file header "PK\3\4"; "PK\5\6" is an empty archive's end record.
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
// [MS-CFB] §2.2 header signature: the OLE container of .xls (BIFF8) and of encrypted OOXML.
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);

export function sniffContainer(head: Uint8Array): Container {
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) return 'zip';
  if (startsWith(head, CFB)) return 'cfb';
  return 'text';
}

const WORKBOOK_EXTENSIONS = new Set(['.xls', '.xlsx', '.xlsm', '.xlsb']);

/**
 * Refuses markup posing as a spreadsheet. Excel's "Web Page" and "XML Spreadsheet 2003" saves,
 * and many web apps' "export to Excel" buttons, produce HTML or XML named .xls; Excel opens them
 * with a warning, but they are not the tables they look like (no types, merged layout tables).
 * A .csv that merely starts with "<" is left alone unless it is unmistakably HTML.
 */
export function refuseMarkup(text: string, fileName: string): void {
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  if (!start.startsWith('<')) return;
  const ext = extname(fileName).toLowerCase();
  const html = /^<(!doctype\s+html|html|head|body|table|meta)\b/.test(start) || (start.startsWith('<!--') && start.includes('<html'));
  const spreadsheetXml = start.startsWith('<?xml') && /urn:schemas-microsoft-com:office:spreadsheet|<workbook\b/.test(text.slice(0, 4096).toLowerCase());
  if (!html && !spreadsheetXml && !WORKBOOK_EXTENSIONS.has(ext)) return;
  const named = WORKBOOK_EXTENSIONS.has(ext) ? ` saved with an ${ext} name` : '';
  const what = spreadsheetXml ? 'an Excel 2003 XML file' : 'a web page';
  throw new AppError(
    'import/unreadable-file',
    `“${fileName}” is ${what}${named}, not a spreadsheet; open it in Excel and save it as .xlsx or .csv, then import that file.`,
  );
}

/**
 * Text that is mostly control characters is not a CSV: a NUL never occurs in text (UTF-16 was
 * recognised before this), and more than 1 % of C0/C1 controls or undecodable bytes means binary
 * data such as an image, a PDF or a damaged download.
 */
export function refuseBinary(text: string, fileName: string): void {
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw binary(fileName);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) suspicious++;
  }
  if (suspicious > text.length / 100) throw binary(fileName);
}

function binary(fileName: string): AppError {
  return new AppError(
    'import/unreadable-file',
    `“${fileName}” is not a spreadsheet or a text (CSV) file: it contains binary data. Choose the .xlsx, .xls or .csv file exported from your inventory system.`,
  );
}
