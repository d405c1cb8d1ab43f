import { useCallback, useState } from 'react';
import type { StockRow } from '../../../shared/inventory/stock-row';

/**
 * The chosen lot × location of the transfer, adjust, count and quarantine screens, and the
 * outcome lines they show. Kept outside the text form because it is a row, not a string.
 */
export function useLineState() {
  const [line, setLineState] = useState<StockRow | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const setLine = useCallback((row: StockRow | null) => setLineState(row), []);
  return { line, setLine, done, setDone, failure, setFailure };
}

export const lineKey = (row: Pick<StockRow, 'lotId' | 'locationId'> | null) => (row ? `${row.lotId}|${row.locationId}` : '');
