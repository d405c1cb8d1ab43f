import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoMap, missingRequiredTargets } from './auto-map';
import { parseDateCell } from './dates';
import { detectHeaderRow } from './header-row';
import { importCatalogOf } from './import-catalog';
import { resolveNdcCell } from './ndc-repair';
import { planImport, type PlanOptions } from './plan';
import { qualityScore } from './quality';
import { RowValidator } from './row-validator';
import { fixtureSheet, profilesOf } from './sheets.fixture';
import type { Cell, CatalogProduct, ImportIssue, NormalizedRow } from './types';

/** The whole pipeline as the desktop runs it: header row → profiles → mapping → plan → rows. */
function importSheet(rows: Cell[][], catalog: CatalogProduct[], options: Partial<PlanOptions> = {}) {
  const header = detectHeaderRow(rows);
  const headers = (rows[header.index] ?? []).map((h) => String(h ?? ''));
  const data = rows.slice(header.index + 1);
  const profiles = profilesOf(data, headers.length);
  const mapping = autoMap(headers, profiles);
  const plan = planImport(mapping, profiles, { today: '2025-06-30', dateSystem: '1900', ...options });
  const validator = new RowValidator(plan, importCatalogOf(catalog));
  const valid: NormalizedRow[] = [];
  const issues: ImportIssue[] = [];
  let blank = 0;
  data.forEach((cells, i) => {
    const result = validator.validate(header.index + i + 2, cells);
    if (result.row) valid.push(result.row);
    if (result.blank) blank++;
    issues.push(...result.issues);
  });
  const counts = { total: data.length - blank, valid: valid.length, errors: issues.filter((i) => i.severity === 'error').length, warnings: issues.filter((i) => i.severity === 'warning').length, blank };
  const byCode = issues.reduce<Record<string, number>>((all, i) => ({ ...all, [i.code]: (all[i.code] ?? 0) + 1 }), {});
  return { header, mapping, plan, valid, issues, counts, byCode, quality: qualityScore(counts), missing: missingRequiredTargets(mapping) };
}

describe('importing the real OpenBoxes Boston warehouse sheet', () => {
  const sheet = fixtureSheet('openboxes-boston-warehouse');
  // The company's catalog knows these products by name (OpenBoxes sheets carry no NDC), except
  // Morphine 10mg IR, which is new: without an NDC it cannot be created, so its line is refused.
  const names = [...new Set(sheet.slice(1).map((r) => String(r[1] ?? '')))].filter((n) => n !== 'Morphine 10mg immediate release tablet');
  const result = importSheet(
    sheet,
    names.map((name, i) => ({ id: name === 'Lamivudine 150mg tablet' ? 'lamivudine-150' : `p${i}`, ndc11: null, gtin: null, name })),
  );

  it('imports the 15 lot-controlled lines of known products and refuses the 41 lines without a lot', () => {
    expect(result.missing).toEqual([]);
    expect(result.counts).toMatchObject({ total: 57, valid: 15, blank: 0 });
    expect(result.byCode['missing-value']).toBe(41 * 2); // no lot, no expiry
    expect(result.issues.find((i) => i.row === 15)?.message).toBe('Row 15, column "Lot number": the lot number is empty');
  });

  it('normalises the first line: an all-digit lot, a US date, a count, a bin', () => {
    expect(result.issues.filter((i) => i.row === 2).map((i) => i.message)).toEqual([
      'Row 2, column "Expiration date": the lot expired on 2025-01-31',
      'Row 2, column "Product name": no catalog product is named "Morphine 10mg immediate release tablet"; add its NDC to create it',
    ]);
    expect(result.valid[0]).toMatchObject({ row: 3, productCode: 'TS894', productName: 'Morphine injection, 10mg/mL in 1mL ampoule', lotNumber: '00392/174', expiry: '2025-06-30', quantity: 500, location: 'RACK1-SHELF1' });
    expect(result.valid.find((r) => r.productName === 'Lamivudine 150mg tablet')).toMatchObject({ productId: 'lamivudine-150', lotNumber: '4041283', expiry: '2025-11-30' });
    expect(result.valid.find((r) => r.productCode === 'TS894')?.lotNumber).toBe('00392/174');
  });

  it('warns about expired lots, zero counts and new products, and scores the file', () => {
    // 06/30/2025 is today: usable through its expiry date, so not expired. Zero counts are warned
    // about on lot-less lines too, so the user sees every problem of a line at once.
    expect(result.byCode).toMatchObject({ expired: 13, 'zero-quantity': 14 });
    expect(result.byCode['unknown-product']).toBe(1);
    expect(result.quality).toBeGreaterThan(0);
    expect(result.quality).toBeLessThan(30);
  });
});

describe('importing a German export with a title, Excel-mangled NDCs and mistakes', () => {
  const catalog: CatalogProduct[] = [
    { id: 'levo', ndc11: '00378180001', gtin: null, name: 'Levothyroxin 25 µg' },
    { id: 'oxali', ndc11: '67457015303', gtin: null, name: 'Oxaliplatin 50 mg' },
  ];
  const lines: Cell[][] = Array.from({ length: 24 }, (_, i): Cell[] => [i % 2 ? 378180001 : '67457-153-03', `L${100 + i}`, `15.${String((i % 12) + 1).padStart(2, '0')}.2027`, '01.01.2025', `${1 + (i % 5)}.200`, `Regal ${i % 3}`]);
  const rows: Cell[][] = [
    ['Inventur Zentrallager', null, null, null, null, null],
    [],
    ['NDC', 'Ch.-B.', 'Verw. bis', 'Herstelldatum', 'Menge', 'Lagerort'],
    ...lines,
    ['67457-153-03', 'L100', '15.01.2027', '01.01.2025', '5', 'Regal 0'],
    ['67457-153-03', 'X1', '31.02.2027', '01.01.2025', '5', 'Regal 0'],
    ['67457-153-03', 'X2', '15.01.2024', '01.06.2025', '5', 'Regal 0'],
    ['67457-153-03', 'X3', '15.01.2027', '01.01.2025', '900.000', 'Regal 0'],
    [null, null, null, null, null, null],
  ];
  const result = importSheet(rows, catalog);

  it('finds the header below the title, maps the German columns and reads dots as DMY', () => {
    expect(result.header.index).toBe(2);
    expect(result.mapping.map((m) => m.target)).toEqual(['ndc', 'lot', 'expiry', 'manufacturedOn', 'quantity', 'location']);
    expect(result.plan.dateOrders).toEqual({ 2: 'DMY', 3: 'DMY' });
    expect(result.plan.ambiguousDateColumns).toEqual([]);
  });

  it('restores the zeros Excel removed from the NDCs and reads "1.200" as twelve hundred', () => {
    expect(result.valid[1]).toMatchObject({ ndc11: '00378180001', productId: 'levo', lotNumber: 'L101', expiry: '2027-02-15', manufacturedOn: '2025-01-01', quantity: 2200, location: 'Regal 1' });
    expect(result.byCode['ndc-repaired']).toBe(12);
  });

  it('reports the duplicate, the impossible date, the expiry before manufacture and the outlier', () => {
    const problems = result.issues.filter((i) => i.code !== 'ndc-repaired').map((i) => `${i.code}: ${i.message}`);
    expect(problems).toEqual([
      'duplicate-row: Row 28: repeats row 4 (same product, lot, location and expiry); merge the two quantities or delete one of the rows',
      'bad-date: Row 29, column "Verw. bis": "31.02.2027" is not a real date: February 2027 has 28 days (read as DD.MM.YYYY)',
      'expiry-before-manufacture: Row 30, column "Verw. bis": the expiry 2024-01-15 is before the manufacture date 2025-06-01',
      'expired: Row 30, column "Verw. bis": the lot expired on 2024-01-15',
      expect.stringMatching(/^quantity-outlier: Row 31, column "Menge": "900.000" is far above the other quantities in this file \(more than \d+\); check it is not a typo$/),
    ]);
    expect(result.counts).toMatchObject({ total: 28, valid: 25, blank: 1 });
  });
});

describe('a date column that mixes conventions', () => {
  const rows: Cell[][] = [
    ['Product', 'Lot', 'Expiry', 'Qty'],
    ['Aspirin 100 mg', 'A1', '01/31/2027', 10],
    ['Aspirin 100 mg', 'A2', '31/01/2027', 10],
    ['Aspirin 100 mg', 'A3', '03/04/2027', 10],
  ];

  const aspirin: CatalogProduct[] = [{ id: 'aspirin', ndc11: null, gtin: null, name: 'Aspirin 100 mg' }];

  it('asks the user for the order, and reads only the cells that need no order until then', () => {
    const result = importSheet(rows, aspirin);
    expect(result.plan.ambiguousDateColumns).toEqual([2]);
    expect(result.valid.map((r) => r.expiry)).toEqual(['2027-01-31', '2027-01-31']);
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'Row 4, column "Expiry": "03/04/2027" could be 4 March or 3 April 2027; choose the date order for column 3 (Expiry)',
    ]);
  });

  it('applies the chosen order, which makes the other convention\'s values errors', () => {
    const result = importSheet(rows, aspirin, { dateOrders: { 2: 'MDY' } });
    expect(result.valid.map((r) => r.expiry)).toEqual(['2027-01-31', '2027-03-04']);
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'Row 3, column "Expiry": "31/01/2027" is not a real date: there is no month 31 (read as MM/DD/YYYY)',
    ]);
  });
});

describe('FDA recall notices (openFDA)', () => {
  it('reads "Lot #: RB81031, Exp 01/13" and the 5-3-2 NDC printed with it', () => {
    const xml = readFileSync(new URL('../../tests/fixtures/openfda/recall-ndc-5-3-2.xml', import.meta.url), 'utf8');
    const codeInfo = /<code-info>([^<]*)/.exec(xml)?.[1] ?? '';
    const exp = /Exp [^,;]+/.exec(codeInfo)?.[0] ?? '';
    const ndc = /NDC (\d+-\d+-\d+)/.exec(xml)?.[1] ?? '';
    expect(exp).toBe('Exp 01/13');
    expect(parseDateCell(exp, null, '1900')).toEqual({ ok: true, iso: '2013-01-31' });
    expect(resolveNdcCell(ndc, importCatalogOf([]))).toEqual({ ok: true, ndc11: '10631010608', repaired: false, note: null });
  });
});
