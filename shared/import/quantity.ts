import { cellText } from './cell-text';
import { parseLocalizedNumber } from './localized-number';
import type { Cell } from './types';

export type QuantityResult = { ok: true; value: number; unit: string | null } | { ok: false; reason: string };
export type MoneyResult = { ok: true; value: number; currency: string | null } | { ok: false; reason: string };

/** The receive mutation's limit (shared/inventory/mutations.ts), so a valid row commits. */
export const MAX_QUANTITY = 10_000_000;

/** Unit words written beside a count: "1.200 Stk", "24 ea", "100 tabs", "Stk. 12". */
const UNIT_WORD = "[\\p{L}][\\p{L}.'’]{0,14}";
const WITH_UNIT = new RegExp(`^(?:(?<before>${UNIT_WORD})\\s+)?(?<number>[-−+(]?[\\d][\\d.,'’\\s\\u00a0\\u202f\\u2009]*\\)?)\\s*(?<after>${UNIT_WORD})?$`, 'u');
const PACK_ARITHMETIC = /\d\s*[x×*]\s*\d/i;

/**
 * A stock count: a whole number ≥ 0 in either thousands convention, optionally with a unit word.
 * Fractions, negatives and pack arithmetic ("3 x 10") are refused rather than guessed: a count
 * that is wrong by a factor of ten is worse than a row the user has to fix.
 */
export function parseQuantity(cell: Cell): QuantityResult {
  if (cell === null || typeof cell === 'boolean') return { ok: false, reason: `${JSON.stringify(cellText(cell))} is not a quantity` };
  if (typeof cell === 'number') return wholeCount(cell, JSON.stringify(cellText(cell)), null);
  const text = cell.trim();
  const shown = JSON.stringify(text);
  if (!text) return { ok: false, reason: 'the quantity is empty' };
  if (PACK_ARITHMETIC.test(text)) return { ok: false, reason: `${shown} looks like a pack calculation; enter the total number of units` };
  const parts = WITH_UNIT.exec(text)?.groups;
  if (!parts || (parts.before && parts.after)) return { ok: false, reason: `${shown} is not a number` };
  const number = parseLocalizedNumber(parts.number ?? '');
  if (!number) return { ok: false, reason: `${shown} is not a number` };
  const unit = (parts.before ?? parts.after ?? '').replace(/\.$/, '') || null;
  return wholeCount(number.value, shown, unit);
}

function wholeCount(raw: number, shown: string, unit: string | null): QuantityResult {
  if (!Number.isFinite(raw)) return { ok: false, reason: `${shown} is not a number` };
  // Excel arithmetic leaves 2.9999999999999996 where the sheet shows 3.
  const rounded = Math.round(raw);
  const value = Math.abs(raw - rounded) < 1e-9 ? rounded : raw;
  if (value < 0) return { ok: false, reason: `${shown} is negative; a stock count cannot be` };
  if (!Number.isInteger(value)) return { ok: false, reason: `${shown} must be a whole number` };
  if (value > MAX_QUANTITY) return { ok: false, reason: `${shown} is more than 10,000,000, the largest quantity one movement can hold` };
  return { ok: true, value: value === 0 ? 0 : value, unit };
}

/** Currency signs and ISO 4217 codes seen in EU and US price columns. */
const CURRENCY = /^(?:[€$£¥]|US\$|EUR|USD|GBP|CHF|PLN|SEK|DKK|NOK|CZK|HUF|zł|kr\.?|Fr\.|Kč|Ft)$/i;
const MONEY = /^(?<before>[^\d\s(+\-−]\S*?)?\s*(?<number>[-−+(]?[\d][\d.,'’\s\u00a0\u202f\u2009]*\)?)\s*(?<after>\S+)?$/u;

/** A unit cost or price ≥ 0, either decimal convention, with an optional currency sign or code. */
export function parseMoney(cell: Cell): MoneyResult {
  if (cell === null || typeof cell === 'boolean') return { ok: false, reason: `${JSON.stringify(cellText(cell))} is not an amount` };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, reason: `${cell} is not an amount` };
    return cell < 0 ? { ok: false, reason: `${JSON.stringify(String(cell))} is negative` } : { ok: true, value: cell, currency: null };
  }
  const text = cell.trim();
  const shown = JSON.stringify(text);
  const parts = MONEY.exec(text)?.groups;
  const before = parts?.before ?? '';
  const after = parts?.after ?? '';
  if (!parts || (before && after) || [before, after].some((c) => c !== '' && !CURRENCY.test(c))) return { ok: false, reason: `${shown} is not an amount` };
  const number = parseLocalizedNumber(parts.number ?? '');
  if (!number) return { ok: false, reason: `${shown} is not an amount` };
  if (number.negative) return { ok: false, reason: `${shown} is negative` };
  return { ok: true, value: Math.abs(number.value), currency: (before || after) === '' ? null : before || after };
}
