import { hasValidCheckDigit } from '../gs1/check-digit';
import { readDateText, type DateReading } from './date-text';
import { parseLocalizedNumber } from './localized-number';

/**
 * What one cell value looks like, as bit flags so the profiler can count a million rows without
 * allocating. A value can be several kinds: 45838 is an integer and an Excel date serial,
 * "0378180001" both NDC- and lot-shaped. Which reading wins is the mapper's decision.
 */
export const KIND = {
  ndc: 1,
  gtin: 2,
  date: 4,
  excelSerial: 8,
  integer: 16,
  decimal: 32,
  lotLike: 64,
  text: 128,
} as const;

export const EVIDENCE = {
  mdyOnly: 1 << 8,
  dmyOnly: 1 << 9,
  either: 1 << 10,
  ymd: 1 << 11,
  monthYear: 1 << 12,
  dotted: 1 << 13,
  textMonth: 1 << 14,
} as const;

/** The bits of a classification, with the number the value stands for when it is numeric. */
export interface ValueKinds {
  bits: number;
  number: number;
}

// Excel serials of plausible stock dates: 1954-10-03 … 2119-01-10.
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;
const NDC_HYPHENATED = /^(?:\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2}|\d{6}-\d{4}-\d{2})$/;
const COUNT_WITH_UNIT = /^(\d[\d.,' ]*?)\s?[A-Za-z]{1,6}\.?$/;
const MONTH_DOT_YEAR = /^\d{1,2}[.,](?:19|20|21)\d\d$/;
const LOT_LIKE = /^[A-Za-z0-9][A-Za-z0-9/.\-_]{0,19}$/;

export function classifyNumber(value: number): number {
  if (!Number.isFinite(value)) return KIND.text;
  let bits = 0;
  const whole = Number.isInteger(value);
  if (value >= SERIAL_MIN && value <= SERIAL_MAX) bits |= KIND.excelSerial;
  if (!whole) return bits | KIND.decimal;
  // Nine or more digits are codes that lost their leading zeros, not counts.
  if (Math.abs(value) < 1e8) return bits | KIND.integer;
  if (value >= 1e8 && value < 1e11) bits |= KIND.ndc;
  if (value >= 1e7 && value < 1e14 && hasValidCheckDigit(String(value).padStart(14, '0'))) bits |= KIND.gtin;
  return bits;
}

/** Classifies `raw` into `out` (the profiler reuses one object, so a cell allocates nothing). */
export function classifyText(raw: string, out: ValueKinds = { bits: 0, number: NaN }): ValueKinds {
  const text = raw.trim();
  const length = text.length;
  let digits = 0;
  let letters = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 191) letters++;
  }
  if (digits === length) return allDigits(text, out);
  if (digits === 0) return set(out, letters > 0 ? KIND.text : 0, NaN);
  let bits = 0;
  let number = NaN;
  if (letters === 0 && NDC_HYPHENATED.test(text)) bits |= KIND.ndc;
  else if (letters === 0) {
    const parsed = parseLocalizedNumber(text);
    if (parsed) {
      number = parsed.value;
      bits |= Number.isInteger(parsed.value) ? KIND.integer : KIND.decimal;
    }
  }
  // "12.50" is a price, not December 2050: a number is a date only as MM.YYYY ("06.2025").
  const numeric = !Number.isNaN(number);
  if ((bits & KIND.ndc) === 0 && length <= 40 && (!numeric || MONTH_DOT_YEAR.test(text))) bits |= dateBits(readDateText(text));
  if (bits === 0 && letters > 0 && length <= 24) {
    // "24 ea", "1.200 Stk": a count with its unit is still a count.
    const counted = COUNT_WITH_UNIT.exec(text);
    const parsed = counted ? parseLocalizedNumber(counted[1] ?? '') : null;
    if (parsed) {
      number = parsed.value;
      bits |= Number.isInteger(parsed.value) ? KIND.integer : KIND.decimal;
    }
  }
  if ((bits & (KIND.date | KIND.ndc)) === 0) {
    if (LOT_LIKE.test(text) && (letters > 0 || Number.isNaN(number))) bits |= KIND.lotLike;
    else if (letters > 0) bits |= KIND.text;
  }
  return set(out, bits, number);
}

function set(out: ValueKinds, bits: number, number: number): ValueKinds {
  out.bits = bits;
  out.number = number;
  return out;
}

function allDigits(text: string, out: ValueKinds): ValueKinds {
  const length = text.length;
  const leadingZero = length > 1 && text.charCodeAt(0) === 48;
  let bits = 0;
  let number = NaN;
  if (!leadingZero && length <= 8) {
    number = Number(text);
    bits |= KIND.integer;
    if (number >= SERIAL_MIN && number <= SERIAL_MAX) bits |= KIND.excelSerial;
  }
  if (length >= 9 && length <= 11) bits |= KIND.ndc;
  if (length >= 12 && length <= 14 && hasValidCheckDigit(text)) bits |= KIND.gtin;
  if (length === 8) bits |= dateBits(readDateText(text));
  if (leadingZero && length <= 8) bits |= KIND.lotLike;
  return set(out, bits, number);
}

/** The date evidence of a reading; 0 when the text is not a date. */
export function dateBits(reading: DateReading | null): number {
  if (reading === null) return 0;
  switch (reading.shape) {
    case 'ymd':
    case 'compact':
      return validDay(reading.month, reading.day) ? KIND.date | EVIDENCE.ymd : 0;
    case 'textMonth':
      return validDay(reading.month, reading.day) ? KIND.date | EVIDENCE.textMonth : 0;
    case 'monthYear':
      return reading.month >= 1 && reading.month <= 12 ? KIND.date | EVIDENCE.monthYear : 0;
    case 'dayMonth': {
      const { first: a, second: b } = reading;
      if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return 0;
      const dotted = reading.separator === '.' ? EVIDENCE.dotted : 0;
      // 05/05/2025 reads the same either way: a date, but no evidence about the order.
      if (a === b) return KIND.date | dotted;
      if (a > 12) return KIND.date | EVIDENCE.dmyOnly | dotted;
      if (b > 12) return KIND.date | EVIDENCE.mdyOnly | dotted;
      return KIND.date | EVIDENCE.either | dotted;
    }
  }
}

function validDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
