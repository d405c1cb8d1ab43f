import { afterAll, describe, expect, it } from 'vitest';
import { bigCsv, fixture, readAll, tempDir, utf16le, windows1252 } from './nasty-files.fixture';

const temp = tempDir();
afterAll(() => temp.cleanup());

describe('readSpreadsheet: real OpenBoxes CSV exports', () => {
  it('reads the Boston warehouse sheet: quoted commas stay in one cell, lots keep leading zeros', async () => {
    const { meta, rows } = await readAll(fixture('openboxes-boston-warehouse.csv'));
    expect(meta).toEqual({
      fileName: 'openboxes-boston-warehouse.csv',
      bytes: 4029,
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      sheets: ['openboxes-boston-warehouse'],
      sheet: 'openboxes-boston-warehouse',
      dateSystem: '1900',
      rowCount: 58,
    });
    expect(rows).toHaveLength(58);
    expect(rows[0]).toEqual(['Product code', 'Product name', 'Lot number', 'Expiration date', 'Bin location', 'OB QOH', 'Physical QOH', 'Comment']);
    // Empty OB QOH is null; the empty Comment at the end of the row is dropped.
    expect(rows[2]).toEqual(['TS894', 'Morphine injection, 10mg/mL in 1mL ampoule', '00392/174', '06/30/2025', 'RACK1-SHELF1', null, '500']);
    expect(rows[4]?.[2]).toBe('003P218');
    expect(rows.every((row) => row.every((cell) => cell === null || typeof cell === 'string'))).toBe(true);
  });

  it('reads the Chicago and main warehouse sheets', async () => {
    const chicago = await readAll(fixture('openboxes-chicago-warehouse.csv'));
    expect(chicago.meta.rowCount).toBe(43);
    expect(chicago.rows[4]).toEqual(['MC017', 'Lamivudine 30mg + nevirapine 50mg + zidovudine 60mg tablet', '4244288', '11/30/2025', 'COLD ROOM', null, '0']);
    const main = await readAll(fixture('openboxes-main-warehouse.csv'));
    expect(main.meta.rowCount).toBe(58);
    expect(main.rows[1]).toEqual(['QX039', 'Morphine 10mg immediate release tablet', '37627', '01/31/2025', 'RM1-RACK1-SHELF1', null, '100000']);
  });

  it('reads the 28-column WHO product list', async () => {
    const { meta, rows } = await readAll(fixture('openboxes-WHO-products.csv'));
    expect(meta.rowCount).toBe(730);
    expect(rows[0]).toHaveLength(28);
    expect(rows[0]?.[25]).toBe('NDC');
    expect(rows[2]?.[4]).toBe('Abacavir tablet as sulfate, 300mg');
    expect(rows[1]?.[10]).toBe('Human immunodeficiency virus disease without mention of associated disease or condition, clinical stage unspecified');
    expect(Math.max(...rows.map((r) => r.length))).toBeLessThanOrEqual(28);
  });
});

describe('readSpreadsheet: encodings and dialects', () => {
  it('reads a semicolon CSV in Windows-1252 as EU Excel saves it', async () => {
    const text = 'Menge;Verfall;Charge;Bezeichnung;Preis\r\n12;30.06.2025;A-0042;Lösung für Injektion;€ 1,50\r\n4;31.01.2026;B7;Salbe „Zink“ 20 %;12,75\r\n';
    const { meta, rows } = await readAll(temp.file('bestand.csv', windows1252(text)));
    expect(meta).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', rowCount: 3 });
    expect(rows).toEqual([
      ['Menge', 'Verfall', 'Charge', 'Bezeichnung', 'Preis'],
      ['12', '30.06.2025', 'A-0042', 'Lösung für Injektion', '€ 1,50'],
      ['4', '31.01.2026', 'B7', 'Salbe „Zink“ 20 %', '12,75'],
    ]);
  });

  it('reads a UTF-16LE TSV with a BOM (Excel "Unicode Text")', async () => {
    const { meta, rows } = await readAll(temp.file('stock.txt', utf16le('NDC\tName\tLot\n0093-0058-01\tAmoxicillin 250 µg\t00392/174\n')));
    expect(meta).toMatchObject({ format: 'tsv', encoding: 'utf-16le', delimiter: '\t', rowCount: 2 });
    expect(rows[1]).toEqual(['0093-0058-01', 'Amoxicillin 250 µg', '00392/174']);
  });

  it('drops a UTF-8 BOM from the first header', async () => {
    const { meta, rows } = await readAll(temp.file('bom.csv', '\uFEFFProduct code,Lot number\nQX039,37627\n'));
    expect(meta.encoding).toBe('utf-8');
    expect(rows[0]).toEqual(['Product code', 'Lot number']);
  });

  it('drops trailing empty rows and columns but keeps blank rows in the middle', async () => {
    const { meta, rows } = await readAll(temp.file('tail.csv', 'Lot,Qty,,\n37627,10,,\n,,,\n3940,0,,\n,,,\n,,,\n\n'));
    expect(meta.rowCount).toBe(4);
    expect(rows).toEqual([['Lot', 'Qty'], ['37627', '10'], [], ['3940', '0']]);
  });

  it('keeps quoted line breaks and doubled quotes inside one cell (CRLF file)', async () => {
    const { rows } = await readAll(temp.file('quoted.csv', 'Name,Note\r\n"Morphine injection, 10mg/mL","Keep cold\r\nsecond line"\r\n"Say ""hi""",x\r\n'));
    expect(rows).toEqual([['Name', 'Note'], ['Morphine injection, 10mg/mL', 'Keep cold\r\nsecond line'], ['Say "hi"', 'x']]);
  });

  it('survives multi-byte characters and quoted cells cut by the 256 KiB chunk boundaries', async () => {
    const line = (i: number) => `${i},"Lösung, ${'ä'.repeat(i % 7)}\nzweite Zeile",€${i}`;
    const text = ['n,name,price', ...Array.from({ length: 20_000 }, (_, i) => line(i))].join('\n') + '\n';
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 256 * 1024);
    const { meta, rows } = await readAll(temp.file('chunks.csv', text));
    expect(meta.rowCount).toBe(20_001);
    rows.slice(1).forEach((row, i) => expect(row).toEqual([String(i), `Lösung, ${'ä'.repeat(i % 7)}\nzweite Zeile`, `€${i}`]));
  });

  it('judges by content: a CSV named .xlsx is read as CSV', async () => {
    const { meta, rows } = await readAll(temp.file('misnamed.xlsx', 'Lot;Qty\n00392/174;5\n'));
    expect(meta).toMatchObject({ format: 'csv', delimiter: ';' });
    expect(rows[1]).toEqual(['00392/174', '5']);
  });

  it('reads 20,000 rows in batches of the requested size', async () => {
    const sizes: number[] = [];
    const { readSpreadsheet } = await import('./read-spreadsheet');
    const result = await readSpreadsheet(temp.file('big.csv', bigCsv(20_000)), { batchRows: 3000, onRows: (batch) => void sizes.push(batch.length) });
    expect(result.rowCount).toBe(20_001);
    expect(sizes).toEqual([3000, 3000, 3000, 3000, 3000, 3000, 2001]);
  });
});
