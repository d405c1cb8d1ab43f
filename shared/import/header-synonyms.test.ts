import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headerMatches, headerSynonyms, matchHeader, normalizeHeader } from './header-synonyms';
import { SYNONYM_TABLE } from './synonym-table';
import { IMPORT_TARGETS, type ImportTarget } from './types';

const sheet = (name: string) => new URL(`../../tests/fixtures/import/${name}.csv`, import.meta.url);
const headerLine = (name: string) => (readFileSync(sheet(name), 'utf8').split(/\r?\n/)[0] ?? '').split(',');

describe('normalizeHeader', () => {
  it.each([
    ['Ch.-B.', 'ch b'],
    ['Qté', 'qte'],
    ['Data ważności', 'data waznosci'],
    ['Ilość', 'ilosc'],
    ['Stückzahl', 'stuckzahl'],
    ['Größe', 'grosse'],
    ['Udløbsdato', 'udlobsdato'],
    ['UnitCost', 'unit cost'],
    ['LotAndExpiryControl', 'lot and expiry control'],
    ['NDC11', 'ndc11'],
    ['Lot #', 'lot no'],
    ['Nº lote', 'no lote'],
    ['N° lot', 'n lot'],
    ["Date d'expiration", 'date d expiration'],
    ['  Expiry   Date\t', 'expiry date'],
    ['Verw. bis', 'verw bis'],
    ['', ''],
  ])('%j → %j', (header, normalized) => {
    expect(normalizeHeader(header)).toBe(normalized);
  });
});

describe('the synonym table', () => {
  it('never gives one normalised synonym to two targets', () => {
    const owner = new Map<string, ImportTarget>();
    const clashes: string[] = [];
    for (const target of IMPORT_TARGETS) {
      for (const list of Object.values(SYNONYM_TABLE[target])) {
        for (const written of list.split('|')) {
          const key = normalizeHeader(written.replace(/\*$/, ''));
          const known = owner.get(key);
          if (known && known !== target) clashes.push(`${written}: ${known} and ${target}`);
          owner.set(key, target);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has synonyms for every target and no empty entries', () => {
    const synonyms = headerSynonyms();
    for (const target of IMPORT_TARGETS) expect(synonyms.some((s) => s.target === target)).toBe(true);
    expect(synonyms.every((s) => s.normalized.length > 0)).toBe(true);
  });
});

describe('matchHeader', () => {
  it.each<[string, ImportTarget, string]>([
    ['Verfall', 'expiry', 'header "Verfall" is German for expiry'],
    ['Verw. bis', 'expiry', 'header "Verw. bis" is German for expiry'],
    ['MHD', 'expiry', 'header "MHD" is German for expiry'],
    ['Date de péremption', 'expiry', 'header "Date de péremption" is French for expiry'],
    ['DLU', 'expiry', 'header "DLU" is French for expiry'],
    ['Fecha de caducidad', 'expiry', 'header "Fecha de caducidad" is Spanish for expiry'],
    ['Scadenza', 'expiry', 'header "Scadenza" is Italian for expiry'],
    ['THT', 'expiry', 'header "THT" is Dutch for expiry'],
    ['Data ważności', 'expiry', 'header "Data ważności" is Polish for expiry'],
    ['Validade', 'expiry', 'header "Validade" is Portuguese for expiry'],
    ['Udløbsdato', 'expiry', 'header "Udløbsdato" is Swedish/Danish for expiry'],
    ['Expiration date', 'expiry', 'header "Expiration date" is a usual name for expiry'],
    ['Exp.', 'expiry', 'header "Exp." is a usual name for expiry'],
    ['Use by', 'expiry', 'header "Use by" is a usual name for expiry'],
    ['Ch.-B.', 'lot', 'header "Ch.-B." is German for lot number'],
    ['Chargennummer', 'lot', 'header "Chargennummer" is German for lot number'],
    ['Charge', 'lot', 'header "Charge" is German for lot number'],
    ['Numéro de lot', 'lot', 'header "Numéro de lot" is French for lot number'],
    ['Lote', 'lot', 'header "Lote" is Spanish for lot number'],
    ['Lotto', 'lot', 'header "Lotto" is Italian for lot number'],
    ['Partij', 'lot', 'header "Partij" is Dutch for lot number'],
    ['Nr serii', 'lot', 'header "Nr serii" is Polish for lot number'],
    ['Lot #', 'lot', 'header "Lot #" is a usual name for lot number'],
    ['Batch no', 'lot', 'header "Batch no" is a usual name for lot number'],
    ['Menge', 'quantity', 'header "Menge" is German for quantity'],
    ['Bestand', 'quantity', 'header "Bestand" is German for quantity'],
    ['Qté', 'quantity', 'header "Qté" is French for quantity'],
    ['Cantidad', 'quantity', 'header "Cantidad" is Spanish for quantity'],
    ['Quantità', 'quantity', 'header "Quantità" is Italian for quantity'],
    ['Aantal', 'quantity', 'header "Aantal" is Dutch for quantity'],
    ['Ilość', 'quantity', 'header "Ilość" is Polish for quantity'],
    ['QOH', 'quantity', 'header "QOH" is a usual name for quantity'],
    ['Herstelldatum', 'manufacturedOn', 'header "Herstelldatum" is German for manufacture date'],
    ['Date de fabrication', 'manufacturedOn', 'header "Date de fabrication" is French for manufacture date'],
    ['Mfg date', 'manufacturedOn', 'header "Mfg date" is a usual name for manufacture date'],
    ['National Drug Code', 'ndc', 'header "National Drug Code" is a usual name for NDC'],
    ['NDC11', 'ndc', 'header "NDC11" is a usual name for NDC'],
    ['UPC', 'gtin', 'header "UPC" is a usual name for GTIN'],
    ['EAN', 'gtin', 'header "EAN" is a usual name for GTIN'],
    ['Art.-Nr.', 'productCode', 'header "Art.-Nr." is German for product code'],
    ['PZN', 'productCode', 'header "PZN" is German for product code'],
    ['Référence', 'productCode', 'header "Référence" is French for product code'],
    ['Código', 'productCode', 'header "Código" is Spanish for product code'],
    ['Item #', 'productCode', 'header "Item #" is a usual name for product code'],
    ['Bezeichnung', 'productName', 'header "Bezeichnung" is German for product name'],
    ['Désignation', 'productName', 'header "Désignation" is French for product name'],
    ['Nombre', 'productName', 'header "Nombre" is Spanish for product name'],
    ['Descrizione', 'productName', 'header "Descrizione" is Italian for product name'],
    ['Omschrijving', 'productName', 'header "Omschrijving" is Dutch for product name'],
    ['Lagerort', 'location', 'header "Lagerort" is German for location'],
    ['Emplacement', 'location', 'header "Emplacement" is French for location'],
    ['Ubicación', 'location', 'header "Ubicación" is Spanish for location'],
    ['Bemerkung', 'notes', 'header "Bemerkung" is German for notes'],
    ['Remarque', 'notes', 'header "Remarque" is French for notes'],
    ['Einkaufspreis', 'unitCost', 'header "Einkaufspreis" is German for unit cost'],
    ['Darreichungsform', 'dosageForm', 'header "Darreichungsform" is German for dosage form'],
    ['Hersteller', 'manufacturer', 'header "Hersteller" is German for manufacturer'],
  ])('%s → %s', (header, target, reason) => {
    expect(matchHeader(header)).toMatchObject({ target, confidence: 0.95, exact: true, reason });
  });

  it('names every language that uses a synonym', () => {
    expect(matchHeader('Artikelnummer')?.reason).toBe('header "Artikelnummer" is German/Dutch/Swedish/Danish for product code');
    expect(matchHeader('Lot')?.reason).toBe('header "Lot" is a usual name for lot number');
  });

  it('finds a synonym inside a longer header, with less confidence', () => {
    expect(matchHeader('OB QOH')).toMatchObject({ target: 'quantity', confidence: 0.75, exact: false, reason: 'header "OB QOH" contains "qoh", a usual name for quantity' });
    expect(matchHeader('Verfalldatum (TT.MM.JJJJ)')).toMatchObject({ target: 'expiry', confidence: 0.75, reason: 'header "Verfalldatum (TT.MM.JJJJ)" contains "verfalldatum", German for expiry' });
    expect(matchHeader('Expiry date (MM/DD/YYYY)')).toMatchObject({ target: 'expiry', confidence: 0.75 });
    expect(matchHeader('Qty (each)')).toMatchObject({ target: 'quantity', confidence: 0.75 });
  });

  it('lists every target a header names, longest synonym first', () => {
    expect(headerMatches('PZN/NDC').map((m) => [m.target, m.synonym]).sort()).toEqual([
      ['ndc', 'ndc'],
      ['productCode', 'pzn'],
    ]);
    expect(headerMatches('Lot').map((m) => m.target)).toEqual(['lot']);
    expect(headerMatches('Product type')).toEqual([]);
    expect(matchHeader('EAN/UPC')?.target).toBe('gtin');
    expect(matchHeader('NDC (11 digits)')?.target).toBe('ndc');
  });

  it('prefers the longest synonym a header contains', () => {
    expect(matchHeader('Unit cost (EUR)')?.target).toBe('unitCost');
    expect(matchHeader('Dosage form')?.target).toBe('dosageForm');
    expect(matchHeader('Dosage')?.target).toBe('strength');
    expect(matchHeader('Stock location (bin)')?.target).toBe('location');
  });

  it('does not read generic words inside longer headers, or flags about a value, as the value', () => {
    expect(matchHeader('Product type')).toBeNull();
    expect(matchHeader('ProductFamily')).toBeNull();
    expect(matchHeader('LotAndExpiryControl')).toBeNull();
    expect(matchHeader('Lot control')).toBeNull();
    expect(matchHeader('Product')?.target).toBe('productName');
    expect(matchHeader('Description')?.target).toBe('productName');
  });

  it('leaves unrelated headers unmapped', () => {
    for (const header of ['Id', 'Created', 'Updated', 'Active', 'Tags', 'GLAccount', '', '   ', 'ColdChain']) expect(matchHeader(header)).toBeNull();
  });

  it('maps the headers of the real OpenBoxes warehouse sheets', () => {
    for (const name of ['openboxes-boston-warehouse', 'openboxes-chicago-warehouse', 'openboxes-main-warehouse']) {
      expect(headerLine(name).map((h) => matchHeader(h)?.target ?? null)).toEqual([
        'productCode',
        'productName',
        'lot',
        'expiry',
        'location',
        'quantity',
        'quantity',
        'notes',
      ]);
    }
  });

  it('maps the headers of the real OpenBoxes product list', () => {
    const targets = Object.fromEntries(headerLine('openboxes-WHO-products').map((h) => [h, matchHeader(h)?.target ?? null]));
    expect(targets).toMatchObject({
      Id: null,
      ProductCode: 'productCode',
      ProductType: null,
      Name: 'productName',
      Description: 'productName',
      UnitOfMeasure: 'unit',
      UnitCost: 'unitCost',
      LotAndExpiryControl: null,
      Manufacturer: 'manufacturer',
      ManufacturerName: 'manufacturer',
      UPC: 'gtin',
      NDC: 'ndc',
      Created: null,
    });
  });
});
