import { describe, expect, it } from 'vitest';
import { detectHeaderRow, NO_HEADER_ROW } from './header-row';
import { fixtureSheet } from './sheets.fixture';
import type { Cell } from './types';

const boston = fixtureSheet('openboxes-boston-warehouse');

describe('detectHeaderRow', () => {
  it('finds the header on the first row of the real OpenBoxes sheet', () => {
    expect(detectHeaderRow(boston)).toEqual({
      index: 0,
      confidence: 0.95,
      reason: 'row 1 names 7 known columns ("Product code", "Product name", "Lot number", "Expiration date", …)',
    });
  });

  it('skips a title row and a blank row above the header', () => {
    const rows: Cell[][] = [['Stock count – Boston warehouse, 30 June 2025'], [], ...boston.slice(0, 10)];
    expect(detectHeaderRow(rows)).toMatchObject({ index: 2, confidence: 0.95, reason: expect.stringMatching(/; the row above it looks like a title$/) });
  });

  it('skips a merged title (one filled cell in a wide row) and a "printed on" line', () => {
    const width = 8;
    const title: Cell[] = ['Inventur Lager Nord', ...Array<Cell>(width - 1).fill(null)];
    const printed: Cell[] = ['Gedruckt am', '30.06.2025', ...Array<Cell>(width - 2).fill('')];
    const header: Cell[] = ['PZN', 'Bezeichnung', 'Ch.-B.', 'Verw. bis', 'Menge', 'Einheit', 'Lagerort', 'Bemerkung'];
    const data: Cell[][] = [
      ['01234567', 'Ibuprofen 400 mg 20 Tbl.', 'A1234', '31.12.2026', 12, 'Stk', 'R1-F2', null],
      ['07654321', 'Paracetamol 500 mg 10 Tbl.', 'B777', '30.06.2027', 40, 'Stk', 'R1-F3', null],
    ];
    expect(detectHeaderRow([title, printed, [], header, ...data])).toMatchObject({ index: 3, confidence: 0.95 });
  });

  it('finds a French header below notes', () => {
    const rows: Cell[][] = [
      ['Pharmacie centrale — inventaire'],
      ['Export du 30/06/2025'],
      ['Référence', 'Désignation', 'N° lot', 'Date de péremption', 'Qté', 'Emplacement'],
      ['REF-1', 'Amoxicilline 500 mg', 'L2301', '31/12/2026', '1 200', 'A-01'],
      ['REF-2', 'Doliprane 1000 mg', 'K9932', '30/06/2027', '48', 'A-02'],
    ];
    expect(detectHeaderRow(rows)).toMatchObject({ index: 2, confidence: 0.95 });
  });

  it('picks a row of labels followed by data even when no header is known, with low confidence', () => {
    const rows: Cell[][] = [
      ['Spalte A', 'Spalte B', 'Spalte C'],
      ['x1', 12, '2025-01-01'],
      ['x2', 13, '2025-02-01'],
    ];
    expect(detectHeaderRow(rows)).toEqual({
      index: 0,
      confidence: 0.45,
      reason: 'no row names a known column; row 1 looks most like a header (3 of 3 cells are labels, not numbers or dates)',
    });
  });

  it('does not take a data row for the header', () => {
    const rows: Cell[][] = [
      ['Lot', 'Expiry', 'Qty'],
      ['A1', '2025-01-01', 5],
      ['Lot 7', '2025-01-01', 5],
    ];
    expect(detectHeaderRow(rows).index).toBe(0);
  });

  it('reads a file with no header row as data from its first row', () => {
    const rows: Cell[][] = [
      ['00093-3109-05', 'Amoxicillin 500 mg', 'A23-0045', '2027-12-31', 1200, 'K1-R2'],
      ['00904-5853-61', 'Ibuprofen 400 mg', 'IB-7781', '2026-06-30', 350, 'K1-R3'],
      ['00378-0234-01', 'Metformin 850 mg', 'MF/2201', '2027-11-15', 80, 'K2-R1'],
    ];
    expect(detectHeaderRow(rows)).toEqual({
      index: NO_HEADER_ROW,
      confidence: 0.6,
      reason: 'no row names a known column, and row 1 holds numbers or dates like the rows below it: the file has no header row, so every row is data',
    });
    // The same rows under a header: the header is found, not the data.
    expect(detectHeaderRow([['NDC', 'Product', 'Lot', 'Expiry', 'Qty', 'Bin'], ...rows]).index).toBe(0);
  });

  it('gives up with confidence 0 on an empty sheet', () => {
    expect(detectHeaderRow([])).toMatchObject({ index: 0, confidence: 0 });
    expect(detectHeaderRow([[], [null, ''], ['  ']])).toMatchObject({ index: 0, confidence: 0 });
  });

  it('looks only at the first maxScan rows', () => {
    const rows: Cell[][] = [...Array.from({ length: 5 }, (_, i): Cell[] => [`note ${i}`]), ['Lot', 'Expiry', 'Qty'], ['A', '2025-01-01', 1]];
    expect(detectHeaderRow(rows, 3).index).toBeLessThan(3);
    expect(detectHeaderRow(rows).index).toBe(5);
  });
});
