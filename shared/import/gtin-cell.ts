import { gs1CheckDigit } from '../gs1/check-digit';
import { cellText } from './cell-text';
import type { Cell } from './types';

export type GtinCellResult = { ok: true; gtin14: string; repaired: boolean; note: string | null } | { ok: false; reason: string };

/**
 * A GTIN cell as GTIN-14. GTIN-8/12/13 are right-justified with zeros as in AI (01) (GS1 General
 * Specifications §3.3.2); spaces and "(01)" as printed under a barcode are dropped. 9 to 11 digits
 * are a UPC-A or GTIN-14 whose leading zeros Excel removed: padding does not change a GS1 check
 * digit (weights count from the right), so the check digit still proves the repair.
 */
export function resolveGtinCell(cell: Cell): GtinCellResult {
  const shown = JSON.stringify(cellText(cell).trim());
  if (cell === null || typeof cell === 'boolean') return { ok: false, reason: `${shown} is not a GTIN` };
  if (typeof cell === 'number' && !Number.isSafeInteger(cell)) return { ok: false, reason: `${shown} is not a GTIN` };
  const digits = cellText(cell).trim().replace(/^\(01\)/, '').replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits) || digits.length < 8 || digits.length > 14) {
    return { ok: false, reason: `${shown} is not a GTIN: expected 8, 12, 13 or 14 digits` };
  }
  const gtin14 = digits.padStart(14, '0');
  const expected = gs1CheckDigit(gtin14.slice(0, 13));
  if (Number(gtin14[13]) !== expected) {
    return { ok: false, reason: `${shown} is not a valid GTIN: its check digit is ${gtin14[13]}, but the other digits give ${expected} (GS1 General Specifications §7.9.1)` };
  }
  if (digits.length > 8 && digits.length < 12) {
    return { ok: true, gtin14, repaired: true, note: `restored the leading zeros Excel removed: ${gtin14}` };
  }
  return { ok: true, gtin14, repaired: false, note: null };
}
