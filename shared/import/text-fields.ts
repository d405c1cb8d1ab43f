import { cellText, isEmptyCell } from './cell-text';
import type { Cell } from './types';

/**
 * Why a text cell cannot be stored. Valid text is returned as a plain string (or null when empty),
 * so validating a million rows allocates nothing for the common case.
 */
export class InvalidText {
  constructor(readonly reason: string) {}
}

/**
 * Control characters and unpaired UTF-16 surrogates: refused in every text field, as in
 * shared/inventory/mutations.ts, because Postgres text cannot hold NUL and a label never has them.
 */
const SUSPECT = /[\u0000-\u001f\u007f\uD800-\uDFFF]/;
const UNSTORABLE = /[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Longest value per text field: the limits of product.upsert / location.upsert / stock.receive. */
export const TEXT_LIMITS = { productCode: 100, productName: 300, manufacturer: 300, strength: 100, dosageForm: 100, unit: 30, location: 100, notes: 500 } as const;
export const LOT_MAX_LENGTH = 20;
const SCIENTIFIC = /^\d+(?:[.,]\d+)?E\+?\d+$/i;

/** An optional text cell: trimmed, null when empty; a number cell reads as Excel shows it. */
export function readText(cell: Cell | undefined, maxLength: number): string | null | InvalidText {
  if (cell === undefined || isEmptyCell(cell)) return null;
  const value = typeof cell === 'string' ? cell.trim() : cellText(cell);
  // The cheap class first: the precise pattern (with look-arounds) runs only on a suspect value.
  if (SUSPECT.test(value) && UNSTORABLE.test(value)) return new InvalidText(`${JSON.stringify(value)} contains a control character or broken Unicode`);
  if (value.length > maxLength) return new InvalidText(`is ${value.length} characters long; at most ${maxLength} are allowed`);
  return value;
}

/**
 * A lot number, kept as printed (leading zeros, slashes and case matter) but trimmed: the
 * receive mutation refuses surrounding spaces, and in a sheet they are never meant. An XLSX
 * number lot reads as Excel shows it (37627, not 37627.0). Excel shows a long all-digit lot in a
 * General cell as "3.94E+05" and exports it that way; the digits are lost, so it is refused
 * rather than imported as a different lot.
 */
export function readLot(cell: Cell | undefined): string | null | InvalidText {
  const value = readText(cell, Number.MAX_SAFE_INTEGER);
  if (value === null || value instanceof InvalidText) return value;
  if (value.length > 4 && SCIENTIFIC.test(value)) {
    return new InvalidText(`${JSON.stringify(value)} is in Excel's scientific notation, which loses digits; format the column as text and export the sheet again`);
  }
  if (value.length > LOT_MAX_LENGTH) return new InvalidText(`${JSON.stringify(value)} is longer than ${LOT_MAX_LENGTH} characters (GS1 AI 10)`);
  return value;
}
