import type { CellReadings, ImportTarget } from '../../../shared/import/types';
import { hyphenateNdc11 } from '../../../shared/ndc';

/**
 * What Atlas will import from a cell, when that differs from what the file says: the date an
 * Excel serial or a day-first date stands for, the NDC a stripped or unhyphenated code was
 * repaired to, the number "1.200" is. Shown beside the cell so a person can check the reading
 * before importing (in a row with errors too); null when the cell reads as written or not at all.
 */
export function readAs(row: CellReadings | null, target: ImportTarget | null, cellText: string): string | null {
  if (!row || !target) return null;
  const value = valueOf(row, target);
  if (value === null || value === cellText.trim()) return null;
  return value;
}

function valueOf(row: CellReadings, target: ImportTarget): string | null {
  switch (target) {
    case 'expiry':
      return row.expiry;
    case 'manufacturedOn':
      return row.manufacturedOn;
    case 'ndc':
      return row.ndc11 ? hyphenateNdc11(row.ndc11) : null;
    case 'quantity':
      return row.quantity === null ? null : String(row.quantity);
    default:
      return null;
  }
}
