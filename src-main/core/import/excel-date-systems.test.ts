import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDateCell } from '../../../shared/import';
import type { Cell } from '../../../shared/import/types';
import { readSpreadsheet } from './read/read-spreadsheet';

const fixture = (name: string) => fileURLToPath(new URL(`../../../tests/fixtures/import/${name}`, import.meta.url));

/**
 * The 1900/1904 trap (SheetJS test_files 1904/): the same serials mean dates four years and a day
 * apart. Read through the worker and converted with the workbook's own date system, every serial
 * must give the date Excel itself printed beside it in the file.
 */
describe.each(['date-system-1900.xlsx', 'date-system-1904.xlsx'])('%s', (name) => {
  it('converts each serial with the workbook date system to the date Excel shows', async () => {
    const rows: Cell[][] = [];
    const meta = await readSpreadsheet(fixture(name), { onRows: (batch) => void rows.push(...batch) });
    expect(rows).toHaveLength(5);
    for (const [serial, , shown] of rows) {
      const parsed = parseDateCell(serial ?? null, null, meta.dateSystem);
      expect(parsed).toMatchObject({ ok: true, iso: shown });
    }
  });
});
