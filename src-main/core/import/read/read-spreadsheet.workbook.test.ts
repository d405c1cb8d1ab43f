import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { listSheets } from './read-spreadsheet';
import { fixture, readAll, refusal, tempDir, workbook } from './nasty-files.fixture';

const temp = tempDir();
afterAll(() => temp.cleanup());

describe('readSpreadsheet: real workbooks', () => {
  it('reads the OpenBoxes .xls template, skipping its empty Instructions sheet', async () => {
    const { meta, rows } = await readAll(fixture('openboxes-inventory-template.xls'));
    expect(meta).toEqual({
      fileName: 'openboxes-inventory-template.xls',
      bytes: 7168,
      format: 'xls',
      encoding: null,
      delimiter: null,
      sheets: ['Instructions', 'Template'],
      sheet: 'Template',
      dateSystem: '1900',
      rowCount: 3,
    });
    expect(rows[0]).toEqual(['Product code', 'Product name', 'Lot number', 'Expiration date', 'Bin location', 'OB QOH', 'Physical QOH', 'Comment']);
    // Text stays text ('10088'), numbers stay numbers, the expiry is a date serial (2022-06-30).
    expect(rows[1]).toEqual(['10088', 'Caffeine citrate, Oral solution, 20mg/mL, 3mL vial', 'P0000224', 44742, 'CS6', 140, 0, 'Anything you want to say about this item.']);
    expect(rows[2]?.slice(2, 4)).toEqual(['P0000313', 44804]);
  });

  it('reports the 1904 date system and leaves its serials untouched', async () => {
    const { meta, rows } = await readAll(fixture('date-system-1904.xlsx'));
    expect(meta).toMatchObject({ format: 'xlsx', dateSystem: '1904', sheets: ['Sheet1'], sheet: 'Sheet1', rowCount: 5 });
    expect(rows).toEqual([
      [1, 1, '1904-01-02', '1904-01-02'],
      [11, 11, '1904-01-12', '1904-01-12'],
      [111, 111, '1904-04-21', '1904-04-21'],
      [1111, 1111, '1907-01-16', '1907-01-16'],
      [11111, 11111, '1934-06-03', '1934-06-03'],
    ]);
  });

  it('reports the 1900 date system for the same serials', async () => {
    const { meta, rows } = await readAll(fixture('date-system-1900.xlsx'));
    expect(meta.dateSystem).toBe('1900');
    expect(rows[0]).toEqual([1, 1, '1900-01-01', '1900-01-01']);
    expect(rows[4]).toEqual([11111, 11111, '1930-06-02', '1930-06-02']);
  });

  it('reads a chosen sheet, and names the sheets when the choice does not exist or is empty', async () => {
    const template = fixture('openboxes-inventory-template.xls');
    expect((await readAll(template, { sheet: 'Template' })).meta.rowCount).toBe(3);
    const unknown = await refusal(readAll(template, { sheet: 'Stock' }));
    expect(unknown.code).toBe('import/unknown-sheet');
    expect(unknown.message).toContain('its sheets are “Instructions”, “Template”');
    const empty = await refusal(readAll(template, { sheet: 'Instructions' }));
    expect(empty.message).toContain('Sheet “Instructions” of “openboxes-inventory-template.xls” is empty');
  });

  it('lists sheets without reading rows', async () => {
    expect(await listSheets(fixture('openboxes-inventory-template.xls'))).toEqual({ format: 'xls', sheets: ['Instructions', 'Template'] });
    expect(await listSheets(fixture('openboxes-chicago-warehouse.csv'))).toEqual({ format: 'csv', sheets: ['openboxes-chicago-warehouse'] });
  });
});

describe('readSpreadsheet: generated workbooks', () => {
  it('gives formulas their cached values and errors their text', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Lot', 'Qty', 'Packs', 'Total', 'Check', 'Cold chain'],
      ['00392/174', 12, 10, null, null, true],
    ]);
    sheet['D2'] = { t: 'n', v: 120, f: 'B2*C2' };
    sheet['E2'] = { t: 'e', v: 0x2a, f: 'VLOOKUP(A2,Z:Z,1,FALSE)' };
    const { rows } = await readAll(temp.file('formulas.xlsx', workbook({ Stock: sheet })));
    expect(rows).toEqual([
      ['Lot', 'Qty', 'Packs', 'Total', 'Check', 'Cold chain'],
      ['00392/174', 12, 10, 120, '#N/A', true],
    ]);
  });

  it('keeps a merged title in its top-left cell, blank rows as [], and trims the formatted empty tail', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([['Stock count, Boston'], [], ['NDC', 'Lot', 'Expiry', null], ['0093-0058-01', '37627', 45688]]);
    sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
    sheet['!ref'] = 'A1:H40'; // Excel keeps formatting far beyond the data
    const { meta, rows } = await readAll(temp.file('merged.xlsx', workbook({ Count: sheet })));
    expect(meta.rowCount).toBe(4);
    expect(rows).toEqual([['Stock count, Boston'], [], ['NDC', 'Lot', 'Expiry'], ['0093-0058-01', '37627', 45688]]);
  });

  it('keeps row numbers when the data starts lower on the sheet', async () => {
    const sheet = XLSX.utils.sheet_add_aoa(XLSX.utils.aoa_to_sheet([]), [['Lot', 'Qty'], ['A1', 3]], { origin: 'B3' });
    const { rows } = await readAll(temp.file('origin.xlsx', workbook({ S: sheet })));
    expect(rows).toEqual([[], [], [null, 'Lot', 'Qty'], [null, 'A1', 3]]);
  });

  it('reads the first sheet with data and reports every sheet name', async () => {
    const buffer = workbook({ Notes: XLSX.utils.aoa_to_sheet([]), Stock: XLSX.utils.aoa_to_sheet([['Lot'], ['37627']]), Old: XLSX.utils.aoa_to_sheet([['x']]) });
    const { meta, rows } = await readAll(temp.file('sheets.xlsx', buffer));
    expect(meta).toMatchObject({ sheets: ['Notes', 'Stock', 'Old'], sheet: 'Stock' });
    expect(rows).toEqual([['Lot'], ['37627']]);
    expect((await readAll(temp.file('sheets2.xlsx', buffer), { sheet: 'Old' })).rows).toEqual([['x']]);
  });

  it('reports a 1904 workbook written by SheetJS', async () => {
    const { meta } = await readAll(temp.file('mac.xlsx', workbook({ S: XLSX.utils.aoa_to_sheet([[1]]) }, 'xlsx', true)));
    expect(meta.dateSystem).toBe('1904');
  });
});
