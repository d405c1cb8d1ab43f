import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { encryptedWorkbook, fixture, garbage, readAll, readFixture, refusal, tempDir, workbook, zipBomb } from './nasty-files.fixture';

const temp = tempDir();
afterAll(() => temp.cleanup());

/** What a person sees must be a sentence, never a stack or SheetJS internals. */
function expectHumanMessage(message: string) {
  expect(message).not.toMatch(/\n\s+at |node_modules|TypeError|undefined/);
}

describe('readSpreadsheet refuses, with a sentence that says what to do', () => {
  it('an empty file, and a CSV with nothing but blank lines', async () => {
    const empty = await refusal(readAll(temp.file('empty.csv', '')));
    expect(empty).toMatchObject({ code: 'import/unreadable-file', message: expect.stringContaining('The file is empty') });
    const blank = await refusal(readAll(temp.file('blank.csv', '\n\n,,,\n')));
    expect(blank.message).toContain('The file is empty');
  });

  it('binary garbage named .csv', async () => {
    const err = await refusal(readAll(temp.file('stock.csv', garbage(100_000))));
    expect(err.code).toBe('import/unreadable-file');
    expect(err.message).toContain('it contains binary data');
  });

  it('a web page saved with an .xls name', async () => {
    const html = '\uFEFF<!DOCTYPE html>\n<html><body><table><tr><td>NDC</td><td>Lot</td></tr><tr><td>0093-0058-01</td><td>37627</td></tr></table></body></html>';
    const err = await refusal(readAll(temp.file('export.xls', html)));
    expect(err.code).toBe('import/unreadable-file');
    expect(err.message).toContain('is a web page saved with an .xls name, not a spreadsheet; open it in Excel and save it as .xlsx or .csv');
  });

  it('a password-protected workbook (an OLE container with EncryptedPackage)', async () => {
    const err = await refusal(readAll(temp.file('locked.xlsx', encryptedWorkbook())));
    expect(err.code).toBe('import/encrypted-file');
    expect(err.message).toContain('This workbook is password-protected; remove the password in Excel and try again');
  });

  it('a truncated xlsx (the first half of a real one)', async () => {
    const real = readFixture('date-system-1904.xlsx');
    const err = await refusal(readAll(temp.file('half.xlsx', real.subarray(0, real.length / 2))));
    expect(err.code).toBe('import/unreadable-file');
    expect(err.message).toContain('The file is damaged or incomplete (truncated zip)');
  });

  it('a zip bomb: 1 GiB of zeros in a 1 MB "xlsx"', async () => {
    const started = performance.now();
    const err = await refusal(readAll(temp.file('bomb.xlsx', zipBomb(1024))));
    expect(err.code).toBe('import/file-too-large');
    expect(err.message).toContain('expands to 1.0 GB');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a zip bomb that understates its size in a data descriptor', async () => {
    const err = await refusal(readAll(temp.file('liar.xlsx', zipBomb(1024, { declaredSize: 2 * 1024 * 1024, dataDescriptor: true }))));
    expect(err.code).toBe('import/file-too-large');
    expect(err.message).toContain('expands to more than the 2.0 MB it declares');
  });

  it('a 10,001-column CSV, quickly and before parsing it', async () => {
    const wide = Array.from({ length: 10_001 }, (_, i) => `Column ${i}`).join(',') + '\n' + '1,'.repeat(10_000) + '1\n';
    const err = await refusal(readAll(temp.file('wide.csv', wide)));
    expect(err.code).toBe('import/too-many-columns');
    expect(err.message).toContain('Row 1 of “wide.csv” has more than 500 columns; Atlas reads at most 500');
  });

  it('a 10,001-column XLSX, counting its columns', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([Array.from({ length: 10_001 }, (_, i) => `Column ${i}`)]);
    const err = await refusal(readAll(temp.file('wide.xlsx', workbook({ Wide: sheet }))));
    expect(err.code).toBe('import/too-many-columns');
    expect(err.message).toContain('Row 1 of “wide.xlsx” has 10,001 columns');
  });

  it('too many rows, a file over maxBytes, and a long cell named by row and column', async () => {
    const boston = fixture('openboxes-boston-warehouse.csv');
    expect(await refusal(readAll(boston, { limits: { maxRows: 10 } }))).toMatchObject({ code: 'import/too-many-rows', message: expect.stringContaining('more than 10 rows') });
    expect(await refusal(readAll(boston, { limits: { maxBytes: 1000 } }))).toMatchObject({ code: 'import/file-too-large', message: expect.stringContaining('“openboxes-boston-warehouse.csv” is 4 KB') });
    const long = await refusal(readAll(boston, { limits: { maxCellLength: 40 } }));
    expect(long).toMatchObject({ code: 'import/cell-too-long' });
    expect(long.message).toContain('Row 3, column B of “openboxes-boston-warehouse.csv” holds');
    const xls = await refusal(readAll(fixture('openboxes-inventory-template.xls'), { limits: { maxCellLength: 45 } }));
    expect(xls.message).toContain('Row 2, column B of “openboxes-inventory-template.xls” holds 50 characters; a cell may hold at most 45');
  });

  it('a quote that is never closed', async () => {
    const err = await refusal(readAll(temp.file('open-quote.csv', 'Name,Lot\n"Morphine injection, 10mg/mL,37627\nQX039,1\n')));
    expect(err.code).toBe('import/unreadable-file');
    expect(err.message).toBe('In “open-quote.csv”, the quote (") that opens a cell in row 2 is never closed, so the rest of the file would become one cell. Close or remove that quote and try again.');
  });

  it('a file that does not exist', async () => {
    const err = await refusal(readAll(temp.file('x', '') + '-missing.csv'));
    expect(err.message).toContain('was not found');
  });

  it('a CFB file that is not a workbook, without leaking SheetJS internals', async () => {
    const cfb = XLSX.CFB as { utils: { cfb_new(): object; cfb_add(c: object, p: string, d: Buffer): void }; write(c: object, o: { type: 'buffer' }): Buffer };
    const container = cfb.utils.cfb_new();
    cfb.utils.cfb_add(container, '/WordDocument', Buffer.alloc(600, 1));
    const err = await refusal(readAll(temp.file('letter.xls', cfb.write(container, { type: 'buffer' }))));
    expect(err.code).toBe('import/unreadable-file');
    expect(err.message).toContain('Atlas cannot read “letter.xls”');
    expectHumanMessage(err.message.replace(/\(.*\)/, ''));
  });
});
