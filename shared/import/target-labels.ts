import type { ImportTarget } from './types';

/** How each target is named to people: in reasons, issue messages and "missing column" lists. */
export const TARGET_LABELS: Record<ImportTarget, string> = {
  ndc: 'NDC',
  gtin: 'GTIN',
  productCode: 'product code',
  productName: 'product name',
  manufacturer: 'manufacturer',
  strength: 'strength',
  dosageForm: 'dosage form',
  lot: 'lot number',
  expiry: 'expiry',
  manufacturedOn: 'manufacture date',
  quantity: 'quantity',
  unit: 'unit',
  location: 'location',
  unitCost: 'unit cost',
  price: 'price',
  notes: 'notes',
};

/** "column 7 (Physical QOH)": columns are counted from 1, as a spreadsheet user counts them. */
export function columnLabel(column: number, header: string): string {
  return header.trim() ? `column ${column + 1} (${header.trim()})` : `column ${column + 1}`;
}
