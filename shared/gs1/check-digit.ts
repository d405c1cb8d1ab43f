import { AppError } from '../errors';

/**
 * The GS1 mod-10 check digit of `digits` (the data digits, without the check digit), GS1 General
 * Specifications §7.9.1: weights 3 and 1 alternate from the rightmost data digit leftwards, and
 * the check digit brings the weighted sum up to a multiple of ten. The same for GTIN-8/12/13/14,
 * GLN and SSCC.
 */
export function gs1CheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new AppError('validation/invalid-input', `GS1 check digits are computed over digits only, not "${digits}".`);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const weight = (digits.length - i) % 2 === 1 ? 3 : 1;
    sum += weight * (digits.charCodeAt(i) - 48);
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether the last digit of `code` is the GS1 check digit of the others. */
export function hasValidCheckDigit(code: string): boolean {
  return /^\d{2,}$/.test(code) && gs1CheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}
