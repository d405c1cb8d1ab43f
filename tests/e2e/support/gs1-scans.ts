import { ndc10ToGtin14 } from '../../../shared/ndc';

/** GS (FNC1 as a keyboard-wedge scanner types it) between variable-length fields. */
export const GS = '\u001d';

export function gtinOf(ndc10: string): string {
  const gtin = ndc10ToGtin14(ndc10);
  if (!gtin.ok) throw new Error(gtin.error.message);
  return gtin.value;
}

/** `2027-03-12` → `270312`, GS1 AI (17)'s YYMMDD. */
export function yymmdd(iso: string): string {
  return iso.slice(2).replaceAll('-', '');
}

export interface Pack {
  gtin: string;
  expiry: string;
  lot: string;
  serial?: string;
}

/** As a GS1 DataMatrix scanner sends it: `]d2`, fixed fields first, GS after the lot. */
export function dataMatrixScan(p: Pack): string {
  return `]d201${p.gtin}17${yymmdd(p.expiry)}10${p.lot}${p.serial ? `${GS}21${p.serial}` : ''}`;
}

/** No symbology prefix, lot last so it needs no GS, serial before it. */
export function plainElementScan(p: Pack): string {
  return `01${p.gtin}${p.serial ? `21${p.serial}${GS}` : ''}17${yymmdd(p.expiry)}10${p.lot}`;
}

/** The human-readable line printed under the barcode, typed by hand. */
export function humanReadable(p: Pack): string {
  return `(01)${p.gtin}(17)${yymmdd(p.expiry)}(10)${p.lot}${p.serial ? `(21)${p.serial}` : ''}`;
}

/** Today in the local calendar plus `days`, as `YYYY-MM-DD`. */
export function localDatePlus(days: number, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2027-03-12` → `12 Mar 2027`, as Atlas shows dates. */
export function shownDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
