import { describe, expect, it } from 'vitest';
import { resolveGtinCell } from './gtin-cell';
import { importCatalogOf } from './import-catalog';
import { resolveNdcCell } from './ndc-repair';
import { resolveProduct } from './resolve-product';
import type { CatalogProduct } from './types';

const products: CatalogProduct[] = [
  { id: 'mylan', ndc11: '00378180001', gtin: null, name: 'Levothyroxine 25 mcg tablet' },
  { id: 'sandoz', ndc11: '67457015303', gtin: '00367457153032', name: 'Oxaliplatin 50 mg/10 mL' },
  { id: 'lilly', ndc11: '00002322730', gtin: null, name: 'Prozac 20 mg capsule' },
  { id: 'watson', ndc11: '00591036901', gtin: null, name: 'Metformin 500 mg tablet' },
  { id: 'a', ndc11: '00123456789', gtin: null, name: 'Product A' },
  { id: 'b', ndc11: '01234056789', gtin: null, name: 'Product B' },
  { id: 'twin-1', ndc11: null, gtin: null, name: 'Saline 0.9% 10 mL' },
  { id: 'twin-2', ndc11: null, gtin: null, name: 'saline  0.9% 10 ml' },
];
const catalog = importCatalogOf(products);

describe('resolveNdcCell', () => {
  it.each([
    ['0378-1800-01', '00378180001'],
    ['00378-1800-01', '00378180001'],
    ['67457-153-03', '67457015303'],
    ['00591-0369-1', '00591036901'],
    ['000591-0369-01', '00591036901'],
    ['00378180001', '00378180001'],
    ['NDC 0378-1800-01', '00378180001'],
    [' 00378-1800-01 ', '00378180001'],
    ['99999-9999-99', '99999999999'],
  ])('%j → %s, as written', (cell, ndc11) => {
    expect(resolveNdcCell(cell, catalog)).toEqual({ ok: true, ndc11, repaired: false, note: null });
  });

  it('resolves a bare 10-digit NDC against the catalog', () => {
    expect(resolveNdcCell('6745715303', catalog)).toEqual({ ok: true, ndc11: '67457015303', repaired: false, note: null });
    expect(resolveNdcCell('0378180001', catalog)).toEqual({ ok: true, ndc11: '00378180001', repaired: false, note: null });
  });

  it('restores the leading zeros Excel removed from a number cell, when exactly one candidate is a product', () => {
    expect(resolveNdcCell(378180001, catalog)).toEqual({ ok: true, ndc11: '00378180001', repaired: true, note: 'restored the leading zero Excel removed: 00378-1800-01' });
    expect(resolveNdcCell('378180001', catalog)).toMatchObject({ ok: true, ndc11: '00378180001', repaired: true });
    expect(resolveNdcCell(2322730, catalog)).toEqual({ ok: true, ndc11: '00002322730', repaired: true, note: 'restored the leading zeros Excel removed: 00002-3227-30' });
  });

  it('resolves a 10-digit number that was an 11-digit NDC starting with 0', () => {
    expect(resolveNdcCell(6745715303, catalog)).toMatchObject({ ok: true, ndc11: '67457015303' });
    expect(resolveNdcCell(5910369010, importCatalogOf([{ id: 'x', ndc11: '05910369010', gtin: null, name: 'x' }]))).toMatchObject({ ok: true, ndc11: '05910369010' });
  });

  it('names the candidates when several are in the catalog', () => {
    expect(resolveNdcCell(123456789, catalog)).toEqual({
      ok: false,
      code: 'bad-ndc',
      reason: '"123456789" could be any of 00123-4567-89, 01234-0567-89 (all in the catalog) once the leading zeros Excel removed are restored; write the NDC with hyphens',
    });
  });

  it('refuses a short code none of whose readings is a product', () => {
    expect(resolveNdcCell(111111111, catalog)).toEqual({
      ok: false,
      code: 'bad-ndc',
      reason: '"111111111" is not an NDC: it has 9 digits, and with the leading zeros Excel may have removed it could be 00111-1111-11, 01111-0111-11, 01111-1111-01, but none is in the product catalog',
    });
  });

  it('calls an unknown bare 10-digit code an unknown product: its layout cannot be known', () => {
    expect(resolveNdcCell('1111111111', catalog)).toMatchObject({ ok: false, code: 'unknown-product', reason: expect.stringMatching(/^"1111111111" is not in the product catalog: without hyphens it could be 01111-1111-11, 11111-0111-11, 11111-1111-01/) });
  });

  it('reads a UPC-A barcode typed into the NDC column', () => {
    expect(resolveNdcCell('367457153032', catalog)).toEqual({ ok: true, ndc11: '67457015303', repaired: true, note: 'read the UPC-A barcode 367457153032 as NDC 67457-0153-03' });
  });

  it.each([
    ['12345', /it has 5 digits/],
    ['0378-18000-1', /segments have 4-5-1 digits/],
    ['abc', /only digits and hyphens/],
    ['1234567890123', /it has 13 digits/],
    [true, /is not an NDC/],
    [3.5, /is not an NDC/],
  ])('refuses %j', (cell, reason) => {
    expect(resolveNdcCell(cell, catalog)).toMatchObject({ ok: false, code: 'bad-ndc', reason: expect.stringMatching(reason) });
  });

  it('builds the NDC set once per catalog', () => {
    let listed = 0;
    const counting = { ...catalog, ndc11s: () => (listed++, catalog.ndc11s()) };
    resolveNdcCell(378180001, counting);
    resolveNdcCell('6745715303', counting);
    expect(listed).toBe(1);
  });
});

describe('resolveGtinCell', () => {
  it.each([
    ['00367457153032', '00367457153032', false],
    ['0367457153032', '00367457153032', false],
    ['367457153032', '00367457153032', false],
    ['(01)00367457153032', '00367457153032', false],
    ['0 367457 15303 2', '00367457153032', false],
    ['96385074', '00000096385074', false],
  ])('%j → %s', (cell, gtin14, repaired) => {
    expect(resolveGtinCell(cell)).toMatchObject({ ok: true, gtin14, repaired });
  });

  it('restores the leading zeros of a UPC-A that Excel turned into a number', () => {
    expect(resolveGtinCell(36000291452)).toEqual({ ok: true, gtin14: '00036000291452', repaired: true, note: 'restored the leading zeros Excel removed: 00036000291452' });
  });

  it('refuses a wrong check digit and what is not a GTIN', () => {
    expect(resolveGtinCell('00367457153033')).toEqual({ ok: false, reason: '"00367457153033" is not a valid GTIN: its check digit is 3, but the other digits give 2 (GS1 General Specifications §7.9.1)' });
    expect(resolveGtinCell('12345')).toMatchObject({ ok: false, reason: expect.stringMatching(/expected 8, 12, 13 or 14 digits/) });
    expect(resolveGtinCell('PZN-1234567')).toMatchObject({ ok: false });
  });
});

describe('resolveProduct', () => {
  it('finds a product by NDC, then GTIN, then exact name', () => {
    expect(resolveProduct({ ndc11: '00378180001', gtin: null, productName: 'anything' }, catalog)).toMatchObject({ by: 'ndc', product: { id: 'mylan' } });
    expect(resolveProduct({ ndc11: null, gtin: '00367457153032', productName: null }, catalog)).toMatchObject({ by: 'gtin', product: { id: 'sandoz' } });
    expect(resolveProduct({ ndc11: null, gtin: null, productName: '  PROZAC 20 mg   capsule ' }, catalog)).toMatchObject({ by: 'name', product: { id: 'lilly' } });
  });

  it('finds a product known only by NDC from the NDC inside a US drug GTIN', () => {
    expect(resolveProduct({ ndc11: null, gtin: '00303781800013', productName: null }, catalog)).toMatchObject({ by: 'gtin', product: { id: 'mylan' } });
    // Indicator 1 is a case of that package, counted in cases: not the package itself.
    expect(resolveProduct({ ndc11: null, gtin: '10303781800010', productName: null }, catalog)).toMatchObject({ product: null, reason: 'GTIN 10303781800010 is not in the product catalog' });
  });

  it('never falls back from an unknown NDC to the name: one name covers several packages', () => {
    expect(resolveProduct({ ndc11: '00378180099', gtin: null, productName: 'Levothyroxine 25 mcg tablet' }, catalog)).toEqual({
      product: null,
      ambiguous: false,
      reason: 'NDC 00378-1800-99 is not in the product catalog',
    });
  });

  it('refuses to pick between products with the same name', () => {
    expect(resolveProduct({ ndc11: null, gtin: null, productName: 'Saline 0.9% 10 mL' }, catalog)).toEqual({
      product: null,
      ambiguous: true,
      reason: '2 catalog products are named "Saline 0.9% 10 mL"; add the NDC or GTIN to say which',
    });
  });

  it('says when nothing matches', () => {
    expect(resolveProduct({ ndc11: null, gtin: null, productName: 'Unobtainium' }, catalog)).toMatchObject({ product: null, reason: 'no catalog product is named "Unobtainium"' });
    expect(resolveProduct({ ndc11: null, gtin: null, productName: null }, catalog)).toMatchObject({ product: null });
  });
});
