import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToIso, isoToExcelSerial, lastDayOfMonth, parseDateCell } from './dates';
import type { Cell, DateOrder, DateSystem } from './types';

const iso = (cell: Cell, order: DateOrder | null = null, system: DateSystem = '1900') => {
  const result = parseDateCell(cell, order, system);
  return result.ok ? result.iso : `error: ${result.reason}`;
};

describe('Excel serial dates', () => {
  it('reads the reference date in both systems (2025-06-30 = 45838 in 1900, 44376 in 1904)', () => {
    expect(iso(45838, null, '1900')).toBe('2025-06-30');
    expect(iso(44376, null, '1904')).toBe('2025-06-30');
    expect(isoToExcelSerial('2025-06-30', '1900')).toBe(45838);
    expect(isoToExcelSerial('2025-06-30', '1904')).toBe(44376);
  });

  it('reads the same serial four years and a day apart in the two systems', () => {
    expect(iso(45838, null, '1904')).toBe('2029-07-01');
  });

  it('keeps the Lotus 1-2-3 leap-year bug of the 1900 system', () => {
    expect(iso(1)).toBe('1900-01-01');
    expect(iso(59)).toBe('1900-02-28');
    expect(parseDateCell(60, null, '1900')).toEqual({ ok: false, reason: expect.stringMatching(/serial 60 is 29 February 1900, a day that never existed/) });
    expect(iso(61)).toBe('1900-03-01');
    expect(isoToExcelSerial('1900-03-01', '1900')).toBe(61);
    expect(isoToExcelSerial('1900-02-28', '1900')).toBe(59);
  });

  it('starts the 1904 system at serial 0', () => {
    expect(iso(0, null, '1904')).toBe('1904-01-01');
    expect(iso(1, null, '1904')).toBe('1904-01-02');
    expect(iso(0, null, '1900')).toMatch(/^error: 0 is not an Excel date serial/);
  });

  it('ignores the time of day in a date-time serial', () => {
    expect(iso(45838.75)).toBe('2025-06-30');
  });

  it('refuses serials outside Excel\'s range', () => {
    expect(excelSerialToIso(-5, '1900').ok).toBe(false);
    expect(excelSerialToIso(3_000_000, '1900').ok).toBe(false);
    expect(excelSerialToIso(2_958_465, '1900')).toEqual({ ok: true, iso: '9999-12-31' });
  });

  it('reads a 5-digit text serial as a fallback, with a note', () => {
    expect(parseDateCell('45838', null, '1900')).toEqual({ ok: true, iso: '2025-06-30', note: 'read "45838" as an Excel date serial (1900 date system): 2025-06-30' });
    expect(parseDateCell('44376', null, '1904')).toMatchObject({ ok: true, iso: '2025-06-30' });
    expect(iso('12345')).toMatch(/^error: "12345" is not a date/);
  });

  it('round-trips every day from 1900-03-01 to 2199 in both systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 109_572 }), fc.constantFrom<DateSystem>('1900', '1904'), (serial, system) => {
        const result = excelSerialToIso(serial, system);
        expect(result.ok && isoToExcelSerial(result.iso, system)).toBe(serial);
      }),
    );
  });
});

describe('parseDateCell on text', () => {
  it.each<[string, DateOrder | null, string]>([
    ['2025-06-30', null, '2025-06-30'],
    ['2025-06-30T00:00:00', null, '2025-06-30'],
    ['2025-06-30T00:00:00.000Z', null, '2025-06-30'],
    ['2025/6/30', null, '2025-06-30'],
    ['06/30/2025', 'MDY', '2025-06-30'],
    ['6/30/2025', null, '2025-06-30'],
    ['6/30/2025 0:00', null, '2025-06-30'],
    ['30/06/2025', 'DMY', '2025-06-30'],
    ['30.06.2025', 'DMY', '2025-06-30'],
    ['30-06-2025', 'DMY', '2025-06-30'],
    ['30.06.25', 'DMY', '2025-06-30'],
    ['01/02/2026', 'MDY', '2026-01-02'],
    ['01/02/2026', 'DMY', '2026-02-01'],
    ['05/05/2025', null, '2025-05-05'],
    ['20250630', null, '2025-06-30'],
    [' 2025-06-30 ', null, '2025-06-30'],
  ])('%j (%s) → %s', (text, order, expected) => {
    expect(iso(text, order)).toBe(expected);
  });

  it('reads month-year expiries as the last day of the month (USP General Notices 10.40.100)', () => {
    expect(iso('06/2025')).toBe('2025-06-30');
    expect(iso('06/25')).toBe('2025-06-30');
    expect(iso('02/24')).toBe('2024-02-29');
    expect(iso('02/2100')).toBe('2100-02-28');
    expect(iso('2025-06')).toBe('2025-06-30');
    expect(iso('13/2025')).toMatch(/^error: "13\/2025" is not a date: there is no month 13/);
  });

  it('strips the "Exp" words printed before a date (FDA recall notices: "Exp 01/13")', () => {
    expect(iso('Exp 01/13')).toBe('2013-01-31');
    expect(iso('EXP: 01/2013')).toBe('2013-01-31');
    expect(iso('Exp. 06/2025')).toBe('2025-06-30');
    expect(iso('Expiry date: 2025-06-30')).toBe('2025-06-30');
    expect(iso('Use by 30/06/2025', 'DMY')).toBe('2025-06-30');
    expect(iso('Verw. bis 06.2025')).toBe('2025-06-30');
    expect(iso('Exp 2025-06-30')).toBe('2025-06-30');
  });

  it.each([
    ['Jun-25', '2025-06-30'],
    ['JUN-25', '2025-06-30'],
    ['Jun 2025', '2025-06-30'],
    ['June 2025', '2025-06-30'],
    ['Sept. 2025', '2025-09-30'],
    ['Jän 2026', '2026-01-31'],
    ['Jan. 2026', '2026-01-31'],
    ['Janv. 2026', '2026-01-31'],
    ['Ene-26', '2026-01-31'],
    ['Gen 2026', '2026-01-31'],
    ['Feb-24', '2024-02-29'],
    ['févr. 2026', '2026-02-28'],
    ['Mär 2026', '2026-03-31'],
    ['Mrz 2026', '2026-03-31'],
    ['Mai 2026', '2026-05-31'],
    ['Mag 2026', '2026-05-31'],
    ['Okt 2026', '2026-10-31'],
    ['Ott-26', '2026-10-31'],
    ['Dez 2026', '2026-12-31'],
    ['déc. 2026', '2026-12-31'],
    ['Dic-26', '2026-12-31'],
    ['paź 2026', '2026-10-31'],
    ['30 Jun 2025', '2025-06-30'],
    ['30-Jun-2025', '2025-06-30'],
    ['30-JUN-25', '2025-06-30'],
    ['30. Juni 2025', '2025-06-30'],
    ['30 juin 2025', '2025-06-30'],
    ['30 junio 2025', '2025-06-30'],
    ['30 czerwca 2025', '2025-06-30'],
    ['Jun 30, 2025', '2025-06-30'],
    ['June 30th, 2025', '2025-06-30'],
    ['1er mars 2026', '2026-03-01'],
    ['2025-Jun-30', '2025-06-30'],
  ])('%j → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('turns two-digit years into 20yy', () => {
    expect(iso('01/13', null)).toBe('2013-01-31');
    expect(iso('12/31/99', 'MDY')).toBe('2099-12-31');
    expect(iso('Dec-00')).toBe('2000-12-31');
  });

  it('refuses impossible dates, naming the month and the format it read', () => {
    expect(parseDateCell('31/02/2025', 'DMY', '1900')).toEqual({ ok: false, reason: '"31/02/2025" is not a real date: February 2025 has 28 days (read as DD/MM/YYYY)' });
    expect(iso('29.02.2025', 'DMY')).toBe('error: "29.02.2025" is not a real date: February 2025 has 28 days (read as DD.MM.YYYY)');
    expect(iso('29.02.2024', 'DMY')).toBe('2024-02-29');
    expect(iso('02/30/2025', 'MDY')).toBe('error: "02/30/2025" is not a real date: February 2025 has 28 days (read as MM/DD/YYYY)');
    expect(iso('13/01/2025', 'MDY')).toBe('error: "13/01/2025" is not a real date: there is no month 13 (read as MM/DD/YYYY)');
    expect(iso('2025-13-01')).toBe('error: "2025-13-01" is not a real date: there is no month 13');
    expect(iso('2025-04-31')).toBe('error: "2025-04-31" is not a real date: April 2025 has 30 days');
    expect(iso('31 Feb 2025')).toMatch(/February 2025 has 28 days/);
  });

  it('refuses what is not a date, saying what was expected', () => {
    expect(iso('soon', 'MDY')).toBe('error: "soon" is not a date; expected MM/DD/YYYY');
    expect(iso('n/a', null)).toBe('error: "n/a" is not a date; expected a date such as 2025-06-30');
    expect(iso('')).toBe('error: the date is empty');
    expect(iso(null)).toMatch(/^error:/);
    expect(iso(true)).toMatch(/^error:/);
    expect(iso('06/30/2025', 'YMD')).toBe('error: "06/30/2025" is not written year-first; expected YYYY-MM-DD');
    expect(iso('1/1/1850', 'MDY')).toMatch(/not a plausible date: year 1850/);
  });

  it('without an order, reads a day/month date only when one reading is possible', () => {
    expect(iso('13/01/2025')).toBe('2025-01-13');
    expect(iso('01/13/2025')).toBe('2025-01-13');
    expect(parseDateCell('03/04/2025', null, '1900')).toEqual({
      ok: false,
      ambiguous: true,
      reason: '"03/04/2025" could be 4 March or 3 April 2025; choose the date order for this column',
    });
  });

  it('reads YYYYMMDD typed into a number cell', () => {
    expect(parseDateCell(20250630, null, '1900')).toEqual({ ok: true, iso: '2025-06-30', note: 'read "20250630" as YYYYMMDD' });
  });
});

describe('lastDayOfMonth', () => {
  it.each([
    [2025, 2, 28],
    [2024, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2025, 4, 30],
    [2025, 12, 31],
  ])('%i-%i → %i', (year, month, day) => {
    expect(lastDayOfMonth(year, month)).toBe(day);
  });
});

describe('every written form of a date reads back to it', () => {
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = fc
    .record({ year: fc.integer({ min: 1955, max: 2115 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter(({ year, month, day }) => day <= lastDayOfMonth(year, month));

  it('ISO, US, European, dotted, month-name and serial forms', () => {
    fc.assert(
      fc.property(date, ({ year, month, day }) => {
        const expected = `${year}-${pad(month)}-${pad(day)}`;
        const forms: [Cell, DateOrder | null, DateSystem][] = [
          [expected, null, '1900'],
          [`${pad(month)}/${pad(day)}/${year}`, 'MDY', '1900'],
          [`${month}/${day}/${year}`, 'MDY', '1900'],
          [`${pad(day)}/${pad(month)}/${year}`, 'DMY', '1900'],
          [`${pad(day)}.${pad(month)}.${year}`, 'DMY', '1900'],
          [`${pad(day)}-${pad(month)}-${year}`, 'DMY', '1900'],
          [`${day} ${MONTHS[month - 1]} ${year}`, null, '1900'],
          [`${MONTHS[month - 1]} ${day}, ${year}`, null, '1900'],
          [`${year}${pad(month)}${pad(day)}`, null, '1900'],
          [isoToExcelSerial(expected, '1900'), null, '1900'],
          [isoToExcelSerial(expected, '1904'), null, '1904'],
        ];
        if (year >= 2000 && year <= 2099) forms.push([`${pad(day)}.${pad(month)}.${String(year).slice(2)}`, 'DMY', '1900']);
        for (const [cell, order, system] of forms) expect([cell, iso(cell, order, system)]).toEqual([cell, expected]);
      }),
    );
  });

  it('month-year forms read as the last day of the month', () => {
    fc.assert(
      fc.property(date, ({ year, month }) => {
        const expected = `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
        for (const text of [`${pad(month)}/${year}`, `${MONTHS[month - 1]}-${year}`, `${MONTHS[month - 1]} ${year}`, `Exp ${pad(month)}/${year}`]) {
          expect([text, iso(text)]).toEqual([text, expected]);
        }
      }),
    );
  });
});
