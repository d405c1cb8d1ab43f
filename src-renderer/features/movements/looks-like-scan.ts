/**
 * Whether a search box entry is a barcode scan rather than words: a symbology identifier (`]d2`),
 * the human-readable `(01)` form, a GS separator, or AI 01 with its 14 digits at the start.
 */
export function looksLikeScan(text: string): boolean {
  return /^(\]|\(\d{2,4}\)|01\d{14})/.test(text.trim()) || text.includes('\u001d');
}
