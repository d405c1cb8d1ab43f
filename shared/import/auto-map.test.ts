import { describe, expect, it } from 'vitest';
import { autoMap, missingRequiredTargets } from './auto-map';
import { fixtureSheet, profilesOf } from './sheets.fixture';
import type { Cell, ColumnMapping } from './types';

function map(rows: Cell[][], memory?: ColumnMapping[] | null) {
  const [header = [], ...data] = rows;
  return autoMap(header.map((h) => String(h ?? '')), profilesOf(data, header.length), { memory });
}
const targets = (mapping: ColumnMapping[]) => mapping.map((m) => m.target);

describe('autoMap on the real OpenBoxes warehouse sheet', () => {
  const mapping = map(fixtureSheet('openboxes-boston-warehouse'));

  it('maps every column by its header, checked against the values', () => {
    expect(targets(mapping)).toEqual(['productCode', 'productName', 'lot', 'expiry', 'location', null, 'quantity', 'notes']);
    expect(mapping[3]).toEqual({
      column: 3,
      header: 'Expiration date',
      target: 'expiry',
      confidence: 0.975,
      reason: 'header "Expiration date" is a usual name for expiry, and 16 of 16 values are dates',
      source: 'header',
    });
  });

  it('gives quantity to "Physical QOH" (numbers), not the empty "OB QOH", and says why', () => {
    expect(mapping[6]).toMatchObject({ target: 'quantity', source: 'header', confidence: 0.975 });
    expect(mapping[5]).toEqual({
      column: 5,
      header: 'OB QOH',
      target: null,
      confidence: 0.95,
      reason: 'header "OB QOH" contains "qoh", a usual name for quantity, but the column is empty; quantity is already taken by column 7 (Physical QOH)',
      source: 'none',
    });
  });

  it('leaves nothing required missing', () => {
    expect(missingRequiredTargets(mapping)).toEqual([]);
  });
});

describe('autoMap', () => {
  it('maps a German sheet', () => {
    const mapping = map([
      ['PZN', 'Bezeichnung', 'Ch.-B.', 'Verw. bis', 'Menge', 'Lagerort', 'Bemerkung'],
      ['01234567', 'Ibuprofen 400 mg', 'A1234', '31.12.2026', '1.200', 'R1', ''],
      ['07654321', 'Paracetamol 500 mg', 'B777', '30.06.2027', '40', 'R2', 'Kühlware'],
    ]);
    expect(targets(mapping)).toEqual(['productCode', 'productName', 'lot', 'expiry', 'quantity', 'location', 'notes']);
    expect(mapping[3]?.reason).toBe('header "Verw. bis" is German for expiry, and 2 of 2 values are dates');
  });

  it('lets the values decide between two targets a header names ("PZN/NDC")', () => {
    const ndcs = map([
      ['Artikel', 'PZN/NDC', 'Charge', 'Verfall', 'Menge'],
      ['Amoxicillin 500 mg', '00093-3109-05', 'A23-0045', '31.12.2027', '1.200'],
      ['Ibuprofen 400 mg', '0904-5853-61', 'IB-7781', '30.06.2026', '350'],
      ['Metformin 850 mg', '00378-0234-01', 'MF/2201', '15.11.2027', '80'],
    ]);
    expect(ndcs[1]).toMatchObject({ target: 'ndc', confidence: 0.875, reason: 'header "PZN/NDC" contains "ndc", a usual name for NDC, and 3 of 3 values look like NDCs' });
    const pzns = map([
      ['Artikel', 'PZN/NDC', 'Charge', 'Verfall', 'Menge'],
      ['Ibuprofen 400 mg', 'PZN-01234567', 'A1234', '31.12.2026', '1.200'],
      ['Paracetamol 500 mg', 'PZN-07654321', 'B777', '30.06.2027', '40'],
      ['Aspirin 100 mg', 'PZN-04711471', 'C12', '30.06.2027', '40'],
    ]);
    expect(pzns[1]).toMatchObject({ target: 'productCode', confidence: 0.75 });
  });

  it('maps a French sheet', () => {
    const mapping = map([
      ['Code CIP', 'Désignation', 'N° lot', 'Date de péremption', 'Qté', 'Emplacement', 'Prix de vente'],
      ['3400930000000', 'Doliprane 1000 mg', 'K9932', '30/06/2027', '48', 'A-02', '2,18 €'],
    ]);
    expect(targets(mapping)).toEqual(['productCode', 'productName', 'lot', 'expiry', 'quantity', 'location', 'price']);
  });

  it('maps unlabelled columns from their values, with low confidence and counts in the reason', () => {
    const ndcs = ['0378-1800-01', '67457-153-03', '00591-0369-01', '00002-3227-30', '0378-1800-02', '0378-1800-03', '0378-1800-04', '0378-1800-05', '0378-1800-06', 'n/a'];
    const mapping = map([
      ['Col1', 'Col2', 'Col3', 'Col4'],
      ...ndcs.map((ndc, i): Cell[] => [ndc, `A${i}B${i}`, `2026-0${(i % 9) + 1}-01`, i * 10]),
    ]);
    expect(mapping[0]).toMatchObject({ target: 'ndc', confidence: 0.7, source: 'content', reason: '9 of 10 values look like NDCs' });
    expect(mapping[1]).toMatchObject({ target: 'lot', confidence: 0.45, source: 'content' });
    expect(mapping[2]).toMatchObject({ target: 'expiry', confidence: 0.65, reason: '10 of 10 values are dates' });
    expect(mapping[3]).toMatchObject({ target: 'quantity', confidence: 0.45, reason: '10 of 10 values are whole numbers' });
  });

  it('takes the first unlabelled date column for the expiry and offers later ones as the manufacture date', () => {
    const mapping = map([
      ['A', 'B'],
      ['2027-01-31', '2025-01-31'],
      ['2027-02-28', '2025-02-28'],
    ]);
    expect(mapping[0]).toMatchObject({ target: 'expiry', source: 'content' });
    expect(mapping[1]).toMatchObject({ target: 'manufacturedOn', confidence: 0.4, reason: '2 of 2 values are dates; another column is already the expiry, so this may be the manufacture date' });
  });

  it('keeps a labelled expiry when an unlabelled date column also exists', () => {
    const mapping = map([
      ['Made', 'Expiry'],
      ['2025-01-31', '2027-01-31'],
    ]);
    expect(targets(mapping)).toEqual(['manufacturedOn', 'expiry']);
  });

  it('lowers confidence when the values contradict the header, and says so', () => {
    const mapping = map([['Expiry', 'Lot'], ['soon', 'A1'], ['later', 'A2'], ['never', 'A3']]);
    expect(mapping[0]).toMatchObject({ target: 'expiry', confidence: 0.475, reason: 'header "Expiry" is a usual name for expiry, but only 0 of 3 values are dates' });
  });

  it('lets a remembered mapping win, column by column, when its header is unchanged', () => {
    const memory: ColumnMapping[] = [
      { column: 0, header: 'Ref', target: 'productCode', confidence: 1, reason: 'chosen by you', source: 'user' },
      { column: 1, header: 'Datum', target: 'expiry', confidence: 1, reason: 'chosen by you', source: 'user' },
      { column: 2, header: 'Qty', target: null, confidence: 1, reason: 'ignored by you', source: 'user' },
      { column: 3, header: 'Old header', target: 'lot', confidence: 1, reason: 'chosen by you', source: 'user' },
    ];
    const mapping = map([['REF', 'Datum', 'Qty', 'Charge'], ['X', '2027-01-01', 5, 'L1']], memory);
    expect(mapping[0]).toEqual({ column: 0, header: 'REF', target: 'productCode', confidence: 1, source: 'memory', reason: 'mapped to product code in an earlier import with the same headers' });
    expect(mapping[1]).toMatchObject({ target: 'expiry', source: 'memory' });
    expect(mapping[2]).toMatchObject({ target: null, source: 'memory', confidence: 1, reason: 'ignored in an earlier import with the same headers' });
    expect(mapping[3]).toMatchObject({ target: 'lot', source: 'header' });
  });

  it('gives a remembered target priority over a header that also claims it', () => {
    const memory: ColumnMapping[] = [{ column: 1, header: 'Menge (Ist)', target: 'quantity', confidence: 1, reason: '', source: 'user' }];
    const mapping = map([['Qty', 'Menge (Ist)'], [1, 2]], memory);
    expect(mapping[1]).toMatchObject({ target: 'quantity', source: 'memory' });
    expect(mapping[0]).toMatchObject({ target: null, confidence: 0.5, reason: expect.stringMatching(/quantity is already taken by column 2 \(Menge \(Ist\)\)$/) });
  });

  it('maps the product list the way OpenBoxes lays it out, and ignores flags and empty columns', () => {
    const mapping = map(fixtureSheet('openboxes-WHO-products'));
    const byHeader = Object.fromEntries(mapping.map((m) => [m.header, m.target]));
    expect(byHeader).toMatchObject({ Name: 'productName', UnitOfMeasure: 'unit', LotAndExpiryControl: null, ColdChain: null, Description: null, Id: null });
    expect(mapping.find((m) => m.header === 'Category')).toMatchObject({ target: null, confidence: 0.5, source: 'none', reason: '729 of 729 values are text; product name is already taken by column 5 (Name)' });
    // Values nothing recognised: not sure at all, so the AI (and the user) get to look at them.
    expect(mapping.find((m) => m.header === 'ColdChain')).toMatchObject({ target: null, confidence: 0.3, reason: 'neither the header nor the values suggest a target' });
    expect(mapping.find((m) => m.header === 'Id')).toMatchObject({ target: null, confidence: 0.95, reason: 'the column is empty' });
    expect(missingRequiredTargets(mapping)).toEqual(['No column is mapped to the lot number', 'No column is mapped to the expiry date', 'No column is mapped to the quantity']);
  });

  it('returns one mapping per column, headers or profiles, whichever is longer', () => {
    expect(autoMap(['Lot'], [])).toEqual([{ column: 0, header: 'Lot', target: 'lot', confidence: 0.75, reason: 'header "Lot" is a usual name for lot number, but the column is empty', source: 'header' }]);
    expect(autoMap([], profilesOf([[1]]))).toHaveLength(1);
  });
});

describe('missingRequiredTargets', () => {
  const m = (target: ColumnMapping['target']): ColumnMapping => ({ column: 0, header: '', target, confidence: 1, reason: '', source: 'user' });

  it('asks for lot, expiry, quantity and something that identifies the product', () => {
    expect(missingRequiredTargets([])).toEqual([
      'No column is mapped to the lot number',
      'No column is mapped to the expiry date',
      'No column is mapped to the quantity',
      'No column identifies the product: map an NDC, GTIN, product code or product name column',
    ]);
  });

  it('accepts any one of NDC, GTIN, product code or product name', () => {
    for (const identity of ['ndc', 'gtin', 'productCode', 'productName'] as const) {
      expect(missingRequiredTargets([m('lot'), m('expiry'), m('quantity'), m(identity)])).toEqual([]);
    }
  });
});
