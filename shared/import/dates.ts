import { addDays, daysUntil, lastDayOfMonth, toIsoDate } from '../inventory/expiry';
import { cellText } from './cell-text';
import { readDateText, type DateReading } from './date-text';
import { ENGLISH_MONTHS } from './month-names';
import type { Cell, DateOrder, DateSystem } from './types';

export { lastDayOfMonth };

export type DateCellResult =
  | { ok: true; iso: string; note?: string }
  /** `ambiguous`: the cell reads as two different dates and the column's order is undecided. */
  | { ok: false; reason: string; ambiguous?: boolean };

/**
 * Excel stores a date as a day count (a "serial"). The 1900 system (Windows Excel) counts
 * 1900-01-01 as 1 and, to stay compatible with Lotus 1-2-3, also counts a 29 February 1900 that
 * never existed as 60 (Microsoft KB 214326), so from 1 March 1900 on a serial is one more than
 * the day count. The 1904 system (old Mac Excel) counts 1904-01-01 as 0 (Microsoft KB 214330).
 */
const EPOCH_1900_AFTER_LEAP_BUG = '1899-12-30';
const EPOCH_1900_BEFORE_LEAP_BUG = '1899-12-31';
const EPOCH_1904 = '1904-01-01';
const FAKE_LEAP_DAY = 60;
const MAX_SERIAL_1900 = 2_958_465; // 9999-12-31

/** Serials typed as text are read as dates only in this window (1954-10-03 … 2119-01-10). */
const TEXT_SERIAL_MIN = 20_000;
const TEXT_SERIAL_MAX = 80_000;

export function excelSerialToIso(serial: number, system: DateSystem): { ok: true; iso: string } | { ok: false; reason: string } {
  const whole = Math.floor(serial); // the fraction is the time of day
  if (!Number.isFinite(serial) || whole < (system === '1904' ? 0 : 1) || whole > MAX_SERIAL_1900) {
    return { ok: false, reason: `${serial} is not an Excel date serial (${system} date system)` };
  }
  if (system === '1904') return { ok: true, iso: addDays(EPOCH_1904, whole) };
  if (whole === FAKE_LEAP_DAY) {
    return { ok: false, reason: 'serial 60 is 29 February 1900, a day that never existed (Excel keeps Lotus 1-2-3\'s leap-year bug)' };
  }
  return { ok: true, iso: addDays(whole > FAKE_LEAP_DAY ? EPOCH_1900_AFTER_LEAP_BUG : EPOCH_1900_BEFORE_LEAP_BUG, whole) };
}

/** The serial Excel stores for `iso` (the inverse of excelSerialToIso). */
export function isoToExcelSerial(iso: string, system: DateSystem): number {
  if (system === '1904') return daysUntil(iso, EPOCH_1904);
  const days = daysUntil(iso, EPOCH_1900_AFTER_LEAP_BUG);
  return days > FAKE_LEAP_DAY ? days : days - 1;
}

/** How an order is written to people, with the separator the value itself used. */
export function dateOrderFormat(order: DateOrder | null, separator = '/'): string {
  if (order === 'YMD') return 'YYYY-MM-DD';
  if (order === 'DMY') return ['DD', 'MM', 'YYYY'].join(separator);
  if (order === 'MDY') return ['MM', 'DD', 'YYYY'].join(separator);
  return 'a date such as 2025-06-30';
}

/**
 * A date cell as an ISO date. Number cells are Excel serials in `system`; text is read by
 * date-text.ts; "a/b/y" needs `order` unless only one reading is a real date. A month-year
 * expiry means the last day of that month (USP General Notices 10.40.100).
 */
export function parseDateCell(cell: Cell, order: DateOrder | null, system: DateSystem): DateCellResult {
  if (cell === null || typeof cell === 'boolean') return { ok: false, reason: `${JSON.stringify(cellText(cell))} is not a date` };
  if (typeof cell === 'number') return numberCell(cell, system);
  const text = cell.trim();
  const shown = JSON.stringify(text);
  if (!text) return { ok: false, reason: 'the date is empty' };
  const reading = readDateText(text);
  if (reading) return fromReading(reading, order, shown);
  if (/^\d{5}$/.test(text) && Number(text) >= TEXT_SERIAL_MIN && Number(text) <= TEXT_SERIAL_MAX) {
    const serial = excelSerialToIso(Number(text), system);
    if (serial.ok) return { ok: true, iso: serial.iso, note: `read ${shown} as an Excel date serial (${system} date system): ${serial.iso}` };
  }
  return { ok: false, reason: `${shown} is not a date; expected ${dateOrderFormat(order)}` };
}

function numberCell(value: number, system: DateSystem): DateCellResult {
  // 20250630 typed into a number cell is YYYYMMDD, not a serial 55,000 years ahead.
  if (Number.isInteger(value) && value >= 19_000_101 && value <= 21_991_231) {
    const text = String(value);
    return fromReading({ shape: 'compact', year: Number(text.slice(0, 4)), month: Number(text.slice(4, 6)), day: Number(text.slice(6)) }, null, JSON.stringify(text));
  }
  return excelSerialToIso(value, system);
}

function fromReading(reading: DateReading, order: DateOrder | null, shown: string): DateCellResult {
  switch (reading.shape) {
    case 'monthYear':
      if (reading.month < 1 || reading.month > 12) return { ok: false, reason: `${shown} is not a date: there is no month ${reading.month}` };
      return checked(reading.year, reading.month, lastDayOfMonth(reading.year, reading.month), shown, null);
    case 'ymd':
    case 'textMonth':
      return checked(reading.year, reading.month, reading.day, shown, null);
    case 'compact': {
      const result = checked(reading.year, reading.month, reading.day, shown, 'YYYYMMDD');
      return result.ok ? { ...result, note: `read ${shown} as YYYYMMDD` } : result;
    }
    case 'dayMonth':
      return dayMonth(reading, order, shown);
  }
}

function dayMonth(r: Extract<DateReading, { shape: 'dayMonth' }>, order: DateOrder | null, shown: string): DateCellResult {
  const { first, second, year, separator } = r;
  let decided = order;
  if (decided === null) {
    if (first === second || first > 12) decided = 'DMY';
    else if (second > 12) decided = 'MDY';
    else {
      const asMdy = `${second} ${ENGLISH_MONTHS[first - 1]}`;
      const asDmy = `${first} ${ENGLISH_MONTHS[second - 1]}`;
      return { ok: false, ambiguous: true, reason: `${shown} could be ${asMdy} or ${asDmy} ${year}; choose the date order for this column` };
    }
  }
  if (decided === 'YMD') return { ok: false, reason: `${shown} is not written year-first; expected YYYY-MM-DD` };
  const format = dateOrderFormat(decided, separator);
  const [month, day] = decided === 'MDY' ? [first, second] : [second, first];
  if (month < 1 || month > 12) return { ok: false, reason: `${shown} is not a real date: there is no month ${month} (read as ${format})` };
  return checked(year, month, day, shown, format);
}

function checked(year: number, month: number, day: number, shown: string, format: string | null): DateCellResult {
  const readAs = format ? ` (read as ${format})` : '';
  if (year < 1900 || year > 2199) return { ok: false, reason: `${shown} is not a plausible date: year ${year}${readAs}` };
  if (month < 1 || month > 12) return { ok: false, reason: `${shown} is not a real date: there is no month ${month}${readAs}` };
  const last = lastDayOfMonth(year, month);
  if (day < 1 || day > last) {
    return { ok: false, reason: `${shown} is not a real date: ${ENGLISH_MONTHS[month - 1]} ${year} has ${last} days${readAs}` };
  }
  return { ok: true, iso: toIsoDate({ year, month, day }) };
}
