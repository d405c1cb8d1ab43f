import type { Cell } from './types';

/**
 * How a cell reads as text. XLSX numbers arrive as JS numbers, so a lot typed as 37627 must come
 * back as "37627" (never "37627.0" or "3.7627e4"); `String` gives the shortest round-trip form.
 */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

/** Null, '' and whitespace-only cells are empty: spreadsheets leave all three in "blank" cells. */
export function isEmptyCell(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  if (cell.length === 0) return true;
  // Fast path: most non-empty cells start with a visible character.
  const first = cell.charCodeAt(0);
  if (first > 32 && first !== 160) return false;
  return cell.trim().length === 0;
}

/** A cell quoted for a message, cut so one pasted paragraph cannot flood the issue list. */
export function quoteCell(cell: Cell): string {
  const text = cellText(cell);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
