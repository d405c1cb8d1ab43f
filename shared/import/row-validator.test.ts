import { describe, expect, it } from 'vitest';
import { importCatalogOf } from './import-catalog';
import { RowValidator } from './row-validator';
import type { Cell, ColumnMapping, DateOrder, ImportPlan, ImportTarget } from './types';

const catalog = importCatalogOf([
  { id: 'levo', ndc11: '00378180001', gtin: null, name: 'Levothyroxine 25 mcg tablet' },
  { id: 'oxali', ndc11: '67457015303', gtin: '00367457153032', name: 'Oxaliplatin 50 mg/10 mL' },
  { id: 'saline-1', ndc11: null, gtin: null, name: 'Saline 0.9%' },
  { id: 'saline-2', ndc11: null, gtin: null, name: 'saline 0.9%' },
]);

const COLUMNS: [string, ImportTarget][] = [
  ['NDC', 'ndc'],
  ['Product name', 'productName'],
  ['Lot number', 'lot'],
  ['Expiration date', 'expiry'],
  ['Mfg date', 'manufacturedOn'],
  ['Qty', 'quantity'],
  ['Bin', 'location'],
  ['Unit cost', 'unitCost'],
  ['Comment', 'notes'],
  ['GTIN', 'gtin'],
];
const [NDC, NAME, LOT, EXPIRY, MFG, QTY, BIN, COST, NOTES, GTIN] = COLUMNS.map((_, i) => i) as number[] as [number, number, number, number, number, number, number, number, number, number];

function planWith(options: { columns?: [string, ImportTarget | null][]; dateOrders?: Record<number, DateOrder | null>; ambiguous?: number[]; outlierAbove?: number | null } = {}): ImportPlan {
  const columns = options.columns ?? COLUMNS;
  const mapping: ColumnMapping[] = columns.map(([header, target], column) => ({ column, header, target, confidence: 1, reason: 'test', source: 'user' }));
  return {
    mapping,
    dateSystem: '1900',
    dateOrders: options.dateOrders ?? { [EXPIRY]: 'DMY', [MFG]: 'DMY' },
    ambiguousDateColumns: options.ambiguous ?? [],
    quantityOutlierAbove: options.outlierAbove ?? null,
    today: '2025-06-30',
  };
}

/** A valid row of Levothyroxine, with `changes` laid over it. */
function row(changes: Partial<Record<number, Cell>> = {}): Cell[] {
  const cells: Cell[] = ['00378-1800-01', 'Levothyroxine 25 mcg tablet', 'A1234', '31/12/2026', '01/01/2025', '120', 'R1-S2', '3,20', null, null];
  for (const [i, v] of Object.entries(changes)) cells[Number(i)] = v ?? null;
  return cells;
}

const validate = (cells: Cell[], plan = planWith(), rowNumber = 12) => new RowValidator(plan, catalog).validate(rowNumber, cells);
const messages = (cells: Cell[], plan?: ImportPlan) => validate(cells, plan).issues.map((i) => `${i.severity} ${i.code}: ${i.message}`);

describe('RowValidator', () => {
  it('normalises a valid row', () => {
    expect(validate(row())).toEqual({
      blank: false,
      issues: [],
      row: {
        row: 12,
        ndc11: '00378180001',
        gtin: null,
        productCode: null,
        productName: 'Levothyroxine 25 mcg tablet',
        manufacturer: null,
        strength: null,
        dosageForm: null,
        productId: 'levo',
        lotNumber: 'A1234',
        expiry: '2026-12-31',
        manufacturedOn: '2025-01-01',
        quantity: 120,
        unit: null,
        location: 'R1-S2',
        unitCost: 3.2,
        price: null,
        notes: null,
      },
    });
  });

  it('reads XLSX numbers: a lot 37627 stays "37627", a date serial is a date, a unit comes from the count', () => {
    const result = validate(row({ [LOT]: 37627, [EXPIRY]: 46022, [MFG]: null, [QTY]: '1.200 Stk', [COST]: 3.2 }));
    expect(result.row).toMatchObject({ lotNumber: '37627', expiry: '2025-12-31', manufacturedOn: null, quantity: 1200, unit: 'Stk', unitCost: 3.2 });
    expect(result.issues).toEqual([]);
  });

  it('keeps what the cells of an unimportable row were read as', () => {
    // No lot, and a date that cannot be: the row is refused, yet the serial and the count were read.
    const result = validate(row({ [LOT]: null, [EXPIRY]: 46022, [MFG]: '31/02/2025', [QTY]: '1.200' }));
    expect(result.row).toBeNull();
    expect(result.readings).toEqual({ ndc11: '00378180001', expiry: '2025-12-31', manufacturedOn: null, quantity: 1200 });
    expect(validate(row()).readings).toBeUndefined();
  });

  it('trims lot numbers and text, keeping leading zeros', () => {
    expect(validate(row({ [LOT]: '  003P218 ', [BIN]: ' R1 ' })).row).toMatchObject({ lotNumber: '003P218', location: 'R1' });
  });

  it('skips entirely empty rows without issues', () => {
    expect(validate([])).toEqual({ row: null, issues: [], blank: true });
    expect(validate([null, '', '   ', null])).toEqual({ row: null, issues: [], blank: true });
  });

  it('reports each missing required value', () => {
    expect(messages(row({ [LOT]: '', [EXPIRY]: null, [QTY]: ' ' }))).toEqual([
      'error missing-value: Row 12, column "Lot number": the lot number is empty',
      'error missing-value: Row 12, column "Expiration date": the expiry date is empty',
      'error missing-value: Row 12, column "Qty": the quantity is empty',
    ]);
    expect(validate(row({ [LOT]: '' })).row).toBeNull();
  });

  it('needs something that identifies the product', () => {
    expect(messages(row({ [NDC]: null, [NAME]: null }))).toEqual([
      'error missing-value: Row 12: nothing identifies the product: the NDC, GTIN and product name cells are empty',
    ]);
  });

  it('quotes an impossible date and the format it was read in', () => {
    expect(messages(row({ [EXPIRY]: '31/02/2025' }))).toEqual([
      'error bad-date: Row 12, column "Expiration date": "31/02/2025" is not a real date: February 2025 has 28 days (read as DD/MM/YYYY)',
    ]);
    expect(messages(row({ [EXPIRY]: 'soon' }))).toEqual(['error bad-date: Row 12, column "Expiration date": "soon" is not a date; expected DD/MM/YYYY']);
  });

  it('asks for the date order of an undecided column on each cell that needs it', () => {
    const plan = planWith({ dateOrders: { [EXPIRY]: null, [MFG]: 'DMY' }, ambiguous: [EXPIRY] });
    expect(messages(row({ [EXPIRY]: '03/04/2027' }), plan)).toEqual([
      'error ambiguous-date: Row 12, column "Expiration date": "03/04/2027" could be 4 March or 3 April 2027; choose the date order for column 4 (Expiration date)',
    ]);
    expect(validate(row({ [EXPIRY]: '13/04/2027' }), plan).row?.expiry).toBe('2027-04-13');
    expect(validate(row({ [EXPIRY]: '2027-04-03' }), plan).row?.expiry).toBe('2027-04-03');
  });

  it('refuses an expiry before the manufacture date', () => {
    expect(messages(row({ [EXPIRY]: '31/12/2024', [MFG]: '01/01/2025' }))).toEqual([
      'error expiry-before-manufacture: Row 12, column "Expiration date": the expiry 2024-12-31 is before the manufacture date 2025-01-01',
      'warning expired: Row 12, column "Expiration date": the lot expired on 2024-12-31',
    ]);
  });

  it('warns about an expired lot but imports it', () => {
    const result = validate(row({ [EXPIRY]: '29/06/2025', [MFG]: null }));
    expect(result.row?.expiry).toBe('2025-06-29');
    expect(result.issues.map((i) => [i.code, i.severity, i.column, i.target])).toEqual([['expired', 'warning', EXPIRY, 'expiry']]);
    expect(validate(row({ [EXPIRY]: '30/06/2025', [MFG]: null })).issues).toEqual([]);
  });

  it('refuses counts that are not whole numbers ≥ 0', () => {
    expect(messages(row({ [QTY]: '1.5' }))).toEqual(['error bad-quantity: Row 12, column "Qty": "1.5" must be a whole number']);
    expect(messages(row({ [QTY]: -3 }))).toEqual(['error bad-quantity: Row 12, column "Qty": "-3" is negative; a stock count cannot be']);
    expect(messages(row({ [QTY]: '3 x 10' }))).toEqual(['error bad-quantity: Row 12, column "Qty": "3 x 10" looks like a pack calculation; enter the total number of units']);
  });

  it('keeps a zero count with a warning (the commit skips it)', () => {
    const result = validate(row({ [QTY]: 0 }));
    expect(result.row?.quantity).toBe(0);
    expect(result.issues.map((i) => `${i.code} ${i.severity}`)).toEqual(['zero-quantity warning']);
  });

  it('warns about a count above the plan\'s outlier threshold', () => {
    const plan = planWith({ outlierAbove: 5000 });
    expect(messages(row({ [QTY]: '120000' }), plan)).toEqual([
      'warning quantity-outlier: Row 12, column "Qty": "120000" is far above the other quantities in this file (more than 5000); check it is not a typo',
    ]);
    expect(validate(row({ [QTY]: 5000 }), plan).issues).toEqual([]);
  });

  it('enforces the lot number rules of stock.receive', () => {
    expect(messages(row({ [LOT]: 'A'.repeat(21) }))).toEqual([`error bad-lot: Row 12, column "Lot number": "${'A'.repeat(21)}" is longer than 20 characters (GS1 AI 10)`]);
    expect(messages(row({ [LOT]: 'A1\u0000' }))).toEqual(['error bad-lot: Row 12, column "Lot number": "A1\\u0000" contains a control character or broken Unicode']);
    expect(messages(row({ [LOT]: '3.94E+05' }))).toEqual([
      'error bad-lot: Row 12, column "Lot number": "3.94E+05" is in Excel\'s scientific notation, which loses digits; format the column as text and export the sheet again',
    ]);
    expect(validate(row({ [LOT]: 'A'.repeat(20) })).row?.lotNumber).toHaveLength(20);
  });

  it('refuses control characters and overlong text in other fields', () => {
    expect(messages(row({ [NOTES]: 'ok\u0007' }))).toEqual(['error bad-text: Row 12, column "Comment": notes "ok\\u0007" contains a control character or broken Unicode']);
    expect(messages(row({ [BIN]: 'x'.repeat(101) }))).toEqual(['error bad-text: Row 12, column "Bin": location is 101 characters long; at most 100 are allowed']);
  });

  it('refuses a price that is not an amount, and reads placeholders as no price', () => {
    expect(messages(row({ [COST]: 'cheap' }))).toEqual(['error bad-number: Row 12, column "Unit cost": "cheap" is not an amount']);
    expect(validate(row({ [COST]: 'n/a' })).row?.unitCost).toBeNull();
    expect(validate(row({ [COST]: '-' })).row?.unitCost).toBeNull();
  });

  it('repairs an NDC Excel stripped of its leading zeros, with a warning', () => {
    const result = validate(row({ [NDC]: 378180001 }));
    expect(result.row).toMatchObject({ ndc11: '00378180001', productId: 'levo' });
    expect(result.issues.map((i) => `${i.severity} ${i.code}: ${i.message}`)).toEqual([
      'warning ndc-repaired: Row 12, column "NDC": "378180001": restored the leading zero Excel removed: 00378-1800-01',
    ]);
  });

  it('refuses a malformed NDC or GTIN', () => {
    expect(messages(row({ [NDC]: '0378-18000-1' }))).toEqual([
      'error bad-ndc: Row 12, column "NDC": "0378-18000-1" is not an NDC: its segments have 4-5-1 digits; an NDC is written 4-4-2, 5-3-2 or 5-4-1 (10 digits), 5-4-2 (11 digits, hyphens optional) or 6-4-2 (12 digits, hyphens optional)',
    ]);
    expect(messages(row({ [NDC]: null, [GTIN]: '00367457153033' }))).toEqual([
      'error bad-gtin: Row 12, column "GTIN": "00367457153033" is not a valid GTIN: its check digit is 3, but the other digits give 2 (GS1 General Specifications §7.9.1)',
    ]);
  });

  it('resolves the product by GTIN, and by exact name when there is no code', () => {
    expect(validate(row({ [NDC]: null, [NAME]: null, [GTIN]: '367457153032' })).row).toMatchObject({ productId: 'oxali', ndc11: '67457015303', gtin: '00367457153032' });
    expect(validate(row({ [NDC]: null, [NAME]: 'LEVOTHYROXINE 25 MCG TABLET' })).row).toMatchObject({ productId: 'levo', ndc11: '00378180001' });
  });

  it('accepts an unknown NDC with a product name as a new product, with a warning', () => {
    const result = validate(row({ [NDC]: '12345-6789-01', [NAME]: 'New drug 5 mg' }));
    expect(result.row).toMatchObject({ productId: null, ndc11: '12345678901', productName: 'New drug 5 mg' });
    expect(result.issues.map((i) => `${i.severity} ${i.code}: ${i.message}`)).toEqual([
      'warning unknown-product: Row 12: NDC 12345-6789-01 is not in the product catalog; a new product "New drug 5 mg" will be created',
    ]);
  });

  it('refuses an unknown product that has no name to create it from', () => {
    expect(messages(row({ [NDC]: '12345-6789-01', [NAME]: null }))).toEqual([
      'error unknown-product: Row 12, column "NDC": NDC 12345-6789-01 is not in the product catalog, and the row has no product name to create it from',
    ]);
    expect(messages(row({ [NDC]: '1111111111' }))[0]).toMatch(/^error unknown-product: Row 12, column "NDC": "1111111111" is not in the product catalog: without hyphens/);
  });

  it('refuses a name shared by several catalog products', () => {
    expect(messages(row({ [NDC]: null, [NAME]: 'Saline 0.9%' }))).toEqual([
      'error unknown-product: Row 12, column "Product name": 2 catalog products are named "Saline 0.9%"; add the NDC or GTIN to say which',
    ]);
  });

  it('refuses a row that repeats an earlier one, naming it', () => {
    const validator = new RowValidator(planWith(), catalog);
    expect(validator.validate(2, row()).row).not.toBeNull();
    expect(validator.validate(3, row({ [BIN]: 'R9' })).row).not.toBeNull();
    expect(validator.validate(4, row({ [LOT]: 'B1' })).row).not.toBeNull();
    const repeat = validator.validate(5, row({ [QTY]: 7, [NDC]: 378180001 }));
    expect(repeat.row).toBeNull();
    expect(repeat.issues.map((i) => `${i.severity} ${i.code}: ${i.message}`)).toEqual([
      'warning ndc-repaired: Row 5, column "NDC": "378180001": restored the leading zero Excel removed: 00378-1800-01',
      'error duplicate-row: Row 5: repeats row 2 (same product, lot, location and expiry); merge the two quantities or delete one of the rows',
    ]);
    // An invalid row is not remembered: the next copy of it is reported for its own errors only.
    expect(validator.validate(6, row({ [LOT]: 'C1', [QTY]: 'x' })).issues.map((i) => i.code)).toEqual(['bad-quantity']);
    expect(validator.validate(7, row({ [LOT]: 'C1' })).row).not.toBeNull();
  });

  it('creates a new product only from an NDC: a new name alone is refused and says why', () => {
    const validator = new RowValidator(planWith(), catalog);
    const nameOnly = validator.validate(2, row({ [NDC]: null, [NAME]: 'New A' }));
    expect(nameOnly.row).toBeNull();
    expect(nameOnly.issues.map((i) => i.message)).toEqual(['Row 2, column "Product name": no catalog product is named "New A"; add its NDC to create it']);
  });

  it('says on every row what the mapping lacks', () => {
    const plan = planWith({ columns: [['Lot', 'lot'], ['Qty', 'quantity']] });
    const result = new RowValidator(plan, catalog).validate(2, ['A1', 5]);
    expect(result.row).toBeNull();
    expect(result.issues.map((i) => i.message)).toEqual([
      'Row 2: no column is mapped to the expiry date',
      'Row 2: no column identifies the product: map an NDC, GTIN, product code or product name column',
    ]);
  });

  it('ignores unmapped columns', () => {
    const plan = planWith({ columns: [...COLUMNS, ['Internal', null]] });
    expect(validate([...row(), '\u0000 garbage'], plan).issues).toEqual([]);
  });
});
