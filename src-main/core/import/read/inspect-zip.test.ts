import { describe, expect, it } from 'vitest';
import { inspectXlsxZip } from './inspect-zip';
import { readFixture, refusal, storedPart, zip, zipBomb } from './nasty-files.fixture';
import { readZipDirectory } from './zip-directory';

const limits = { maxUncompressedBytes: 500 * 1024 * 1024 };

describe('readZipDirectory', () => {
  it('lists the parts of a real workbook with their sizes', () => {
    const entries = readZipDirectory(readFixture('date-system-1904.xlsx'));
    const workbook = entries.find((e) => e.name === 'xl/workbook.xml');
    expect(workbook).toMatchObject({ method: 8 });
    expect(workbook!.uncompressedSize).toBeGreaterThan(workbook!.compressedSize);
    expect(entries.map((e) => e.name)).toContain('[Content_Types].xml');
  });
});

describe('inspectXlsxZip', () => {
  it('passes real workbooks', async () => {
    await inspectXlsxZip(readFixture('date-system-1900.xlsx'), limits, 'a.xlsx');
    await inspectXlsxZip(readFixture('date-system-1904.xlsx'), limits, 'b.xlsx');
  });

  it('refuses a part that declares 1 GiB (a 1 MB file of zeros), saying what it expands to', async () => {
    const bomb = zipBomb(1024);
    expect(bomb.length).toBeLessThan(1.2 * 1024 * 1024);
    const err = await refusal(inspectXlsxZip(bomb, limits, 'bomb.xlsx'));
    expect(err.code).toBe('import/file-too-large');
    expect(err.message).toContain('expands to 1.0 GB');
  });

  it('refuses a compression ratio above 100:1 even under the size limit', async () => {
    const err = await refusal(inspectXlsxZip(zipBomb(8), limits, 'bomb.xlsx'));
    expect(err.code).toBe('import/file-too-large');
    expect(err.message).toMatch(/part xl\/worksheets\/sheet1\.xml expands [\d,]+ times, to 8\.0 MB/);
  });

  it('inflates to check: a part that lies about its size (data descriptor) is refused', async () => {
    const liar = zipBomb(1024, { declaredSize: 2 * 1024 * 1024, dataDescriptor: true });
    const started = performance.now();
    const err = await refusal(inspectXlsxZip(liar, limits, 'liar.xlsx'));
    expect(err.code).toBe('import/file-too-large');
    expect(err.message).toContain('more than the 2.0 MB it declares');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a truncated zip as damaged', async () => {
    const real = readFixture('date-system-1904.xlsx');
    const err = await refusal(inspectXlsxZip(real.subarray(0, real.length / 2), limits, 'half.xlsx'));
    expect(err.code).toBe('import/unreadable-file');
    expect(err.message).toContain('The file is damaged or incomplete (truncated zip)');
  });

  it('refuses zips that are not workbooks, naming OpenDocument', async () => {
    const plain = await refusal(inspectXlsxZip(zip([storedPart('readme.txt', 'hi')]), limits, 'x.xlsx'));
    expect(plain.message).toContain('is a zip archive, not an Excel workbook');
    const ods = await refusal(inspectXlsxZip(zip([storedPart('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), storedPart('content.xml', '<x/>')]), limits, 'x.ods'));
    expect(ods.message).toContain('OpenDocument');
  });
});
