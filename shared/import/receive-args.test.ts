import { describe, expect, it } from 'vitest';
import { newId, productIdFor } from '../ids';
import { receiveArgs } from '../inventory/mutations';
import { autoMap } from './auto-map';
import { detectHeaderRow } from './header-row';
import { importCatalogOf } from './import-catalog';
import { planImport } from './plan';
import { receiveArgsFor } from './receive-args';
import { RowValidator } from './row-validator';
import { fixtureSheet, profilesOf } from './sheets.fixture';
import type { Cell, NormalizedRow } from './types';

const company = newId();

/** Every row of `rows` the import validator accepts, as the desktop's pipeline reads the sheet. */
function validRows(rows: Cell[][]): NormalizedRow[] {
  const header = detectHeaderRow(rows);
  const headers = (rows[header.index] ?? []).map((h) => String(h ?? ''));
  const data = rows.slice(header.index + 1);
  const profiles = profilesOf(data, headers.length);
  const plan = planImport(autoMap(headers, profiles), profiles, { today: '2025-06-30', dateSystem: '1900' });
  // Every product the sheet names is known, so rows are refused only for their own cells.
  const names = [...new Set(data.map((r) => String(r[1] ?? '')))];
  const validator = new RowValidator(plan, importCatalogOf(names.map((name) => ({ id: newId(), ndc11: null, gtin: null, name }))));
  return data.flatMap((cells, i) => validator.validate(header.index + i + 2, cells).row ?? []);
}

/** Lot, date and quantity cells at the edges of the receive schema's rules. */
const EDGE_SHEET: Cell[][] = [
  ['NDC', 'Product name', 'Lot', 'Expiry', 'Mfg date', 'Qty', 'Bin'],
  ['00093-3109-05', 'Amoxicillin 500 mg', '  A1  ', '02/29/2028', '01/01/2026', '10,000,000', 'A-01'],
  ['0093-3109-05', 'Amoxicillin 500 mg', 'ABCDEFGHIJKLMNOPQRST', '2027-12-31', '', '1', ''],
  ['00093310905', 'Amoxicillin 500 mg', 'ABCDEFGHIJKLMNOPQRSTU', '2027-12-31', '', '5', 'B'],
  ['00093310905', 'Amoxicillin 500 mg', 'Lot\u0007', '2027-12-31', '', '5', 'B'],
  ['00093310905', 'Amoxicillin 500 mg', 'Ünïcødé-7/B', '31.12.2027', '', '1.000', 'B'],
  ['00093310905', 'Amoxicillin 500 mg', 'L-2', '02/30/2028', '', '5', 'B'],
  ['00093310905', 'Amoxicillin 500 mg', 'L-3', '2027-12-31', '', '10000001', 'B'],
  ['00093310905', 'Amoxicillin 500 mg', 'L-4', '2027-12-31', '', '2.5', 'B'],
  ['00093310905', 'Amoxicillin 500 mg', 'L-5', '2027-12-31', '', '-3', 'B'],
];

describe('receive arguments built from validated import rows', () => {
  const sheets = {
    'OpenBoxes Boston': fixtureSheet('openboxes-boston-warehouse'),
    'OpenBoxes Chicago': fixtureSheet('openboxes-chicago-warehouse'),
    'OpenBoxes main': fixtureSheet('openboxes-main-warehouse'),
    'edge cells': EDGE_SHEET,
  };

  it.each(Object.entries(sheets))('%s: the receive schema returns every one unchanged', (_, sheet) => {
    const rows = validRows(sheet).filter((r) => r.quantity > 0);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const args = receiveArgsFor(row, { productId: row.productId ?? productIdFor(company, row.ndc11 ?? ''), locationId: newId(), movementId: newId() }, `import 0123456789ab row ${row.row}`);
      expect(receiveArgs.parse(args), `row ${row.row}`).toEqual(args);
    }
  });

  it('the edge sheet keeps the rows the schema allows and refuses the rest', () => {
    expect(validRows(EDGE_SHEET).map((r) => [r.lotNumber, r.quantity])).toEqual([
      ['A1', 10_000_000],
      ['ABCDEFGHIJKLMNOPQRST', 1],
      ['Ünïcødé-7/B', 1000],
    ]);
  });
});
