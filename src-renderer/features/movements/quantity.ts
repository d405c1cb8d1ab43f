/**
 * A quantity typed into a text box as a number for the shared schema: whole numbers (with an
 * optional sign and thousands separators) pass through; anything else becomes NaN, which the
 * form reports as "Enter a whole number."
 */
export function parseQuantity(text: string): number {
  const value = text.trim().replace(/[,\s]/g, '');
  if (!/^[+-]?\d+(\.\d+)?$/.test(value)) return Number.NaN;
  return Number(value);
}

export function quantityProblem(text: string, empty: string): string | null {
  if (text.trim() === '') return empty;
  return Number.isNaN(parseQuantity(text)) ? 'Enter a whole number.' : null;
}
