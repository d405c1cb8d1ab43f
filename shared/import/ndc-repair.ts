import { gtinToNdc10 } from '../ndc/gtin-ndc';
import { hyphenateNdc11 } from '../ndc/format-ndc';
import { ndc10Readings, ndcCatalogOf, type NdcCatalog } from '../ndc/ndc-catalog';
import { parseNdc, resolveBareNdc10 } from '../ndc/parse-ndc';
import { cellText } from './cell-text';
import type { Cell, ImportCatalog } from './types';

export type NdcCellResult =
  | { ok: true; ndc11: string; repaired: boolean; note: string | null }
  | { ok: false; code: 'bad-ndc' | 'unknown-product'; reason: string };

/** Shorter than this, a digit string is no NDC even with its zeros restored (labeler 00002 → 7 digits). */
const MIN_DIGITS = 6;

const catalogs = new WeakMap<ImportCatalog, NdcCatalog>();

/** The catalog's NDCs as a set, built once per import catalog (repairs probe it many times). */
function ndcCatalog(catalog: ImportCatalog): NdcCatalog {
  let known = catalogs.get(catalog);
  if (!known) {
    known = ndcCatalogOf(catalog.ndc11s());
    catalogs.set(catalog, known);
  }
  return known;
}

/**
 * An NDC cell as an 11-digit NDC. Hyphenated codes say their layout and need no catalog; a bare
 * 10-digit code is resolved against it (shared/ndc/parse-ndc.ts). What Excel does to codes is
 * undone: a number cell, or a CSV Excel wrote from one, has lost its leading zeros
 * (00378-1800-01 becomes 378180001), so each left-padded reading is tried and kept only when it
 * is a product in the catalog, never guessed.
 */
export function resolveNdcCell(cell: Cell, catalog: ImportCatalog): NdcCellResult {
  if (cell === null || typeof cell === 'boolean') return { ok: false, code: 'bad-ndc', reason: `${JSON.stringify(cellText(cell))} is not an NDC` };
  if (typeof cell === 'number' && !Number.isSafeInteger(cell)) return { ok: false, code: 'bad-ndc', reason: `${JSON.stringify(cellText(cell))} is not an NDC` };
  const text = cellText(cell).trim().replace(/^NDC[:#\s]*/i, '').replace(/\s+/g, '');
  const shown = JSON.stringify(cellText(cell).trim());
  if (!/^\d+$/.test(text)) {
    const parsed = parseNdc(text);
    return parsed.ok ? { ok: true, ndc11: parsed.value.ndc11, repaired: false, note: null } : { ok: false, code: 'bad-ndc', reason: withoutQuote(parsed.error.message, shown) };
  }
  const known = ndcCatalog(catalog);
  if (text.length === 11) return { ok: true, ndc11: text, repaired: false, note: null };
  if (text.length === 12) return twelveDigits(text, shown, known);
  if (text.length === 10) return tenDigits(text, shown, known);
  if (text.length < MIN_DIGITS || text.length > 12) {
    return { ok: false, code: 'bad-ndc', reason: `${shown} is not an NDC: it has ${text.length} digits; an NDC has 10 or 11` };
  }
  return lostZeros(text, shown, known);
}

/**
 * A bare 10-digit NDC, resolved by the catalog. This also covers an 11-digit NDC whose first zero
 * Excel removed: "0" + the 10 digits is exactly the 4-4-2 reading, which is among those tried.
 */
function tenDigits(text: string, shown: string, known: NdcCatalog): NdcCellResult {
  const bare = resolveBareNdc10(text, known);
  if (bare.ok) return { ok: true, ndc11: bare.value.ndc11, repaired: false, note: null };
  if (bare.error.code === 'ndc/ambiguous') return { ok: false, code: 'bad-ndc', reason: withoutQuote(bare.error.message, shown) };
  return {
    ok: false,
    code: 'unknown-product',
    reason: `${shown} is not in the product catalog: without hyphens it could be ${ndc10Readings(text)
      .map((r) => hyphenateNdc11(r.ndc11))
      .join(', ')}, and none is a known product; write it with hyphens as printed on the label`,
  };
}

/** 12 digits: the new 6-4-2 NDC, or a UPC-A barcode (which carries the NDC) typed into the NDC column. */
function twelveDigits(text: string, shown: string, known: NdcCatalog): NdcCellResult {
  const parsed = parseNdc(text);
  if (parsed.ok && known.has(parsed.value.ndc11)) return { ok: true, ndc11: parsed.value.ndc11, repaired: false, note: null };
  const fromUpc = gtinToNdc10(text);
  if (fromUpc.ok) {
    const resolved = resolveBareNdc10(fromUpc.value, known);
    if (resolved.ok) {
      return { ok: true, ndc11: resolved.value.ndc11, repaired: true, note: `read the UPC-A barcode ${text} as NDC ${resolved.value.ndc11Hyphenated}` };
    }
  }
  if (parsed.ok) return { ok: true, ndc11: parsed.value.ndc11, repaired: false, note: null };
  return { ok: false, code: 'bad-ndc', reason: withoutQuote(parsed.error.message, shown) };
}

/**
 * Fewer than 10 digits: an NDC10 (or an NDC11, whose 4-4-2 reading is the same code) that lost
 * its leading zeros. Each reading of the zero-padded 10 digits is a candidate; only the catalog
 * can say which, and it must say exactly one.
 */
function lostZeros(text: string, shown: string, known: NdcCatalog): NdcCellResult {
  const candidates = [...new Set(ndc10Readings(text.padStart(10, '0')).map((r) => r.ndc11))];
  const matches = candidates.filter((c) => known.has(c));
  const [match] = matches;
  if (matches.length === 1 && match) return { ok: true, ndc11: match, repaired: true, note: restoredNote(10 - text.length, match) };
  if (matches.length > 1) return ambiguous(shown, matches);
  return {
    ok: false,
    code: 'bad-ndc',
    reason: `${shown} is not an NDC: it has ${text.length} digits, and with the leading zeros Excel may have removed it could be ${candidates.map(hyphenateNdc11).join(', ')}, but none is in the product catalog`,
  };
}

function restoredNote(zeros: number, ndc11: string): string {
  return `restored the leading ${zeros === 1 ? 'zero' : 'zeros'} Excel removed: ${hyphenateNdc11(ndc11)}`;
}

function ambiguous(shown: string, ndc11s: string[]): NdcCellResult {
  return {
    ok: false,
    code: 'bad-ndc',
    reason: `${shown} could be any of ${ndc11s.map(hyphenateNdc11).join(', ')} (all in the catalog) once the leading zeros Excel removed are restored; write the NDC with hyphens`,
  };
}

/** parseNdc's messages start with the quoted code; keep the shown cell instead. */
function withoutQuote(message: string, shown: string): string {
  return message.replace(/^"[^"]*"/, shown).replace(/\.$/, '');
}
