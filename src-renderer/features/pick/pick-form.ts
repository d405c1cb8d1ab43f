import type { FieldErrors } from '../../components/use-form';
import { parseQuantity, quantityProblem } from '../movements/quantity';

export const PICK_FIELDS = ['productId', 'locationId', 'quantity', 'lotId', 'reference'] as const;
export type PickField = (typeof PICK_FIELDS)[number];
export type PickValues = Record<PickField, string>;
export type PickMode = 'fefo' | 'lot';

export const EMPTY_PICK: PickValues = { productId: '', locationId: '', quantity: '', lotId: '', reference: '' };

export function validatePick(v: PickValues, mode: PickMode): FieldErrors<PickField> {
  const errors: FieldErrors<PickField> = {};
  if (v.productId === '') errors.productId = 'Choose the product, or scan it.';
  if (v.locationId === '') errors.locationId = 'Choose where you pick from.';
  const quantity = quantityProblem(v.quantity, 'Enter how many to pick.');
  if (quantity) errors.quantity = quantity;
  else if (!Number.isInteger(parseQuantity(v.quantity))) errors.quantity = 'Must be a whole number.';
  else if (parseQuantity(v.quantity) <= 0) errors.quantity = 'Must be more than 0.';
  if (mode === 'lot' && v.lotId === '') errors.lotId = 'Choose the lot you pick.';
  if (v.reference.trim().length > 200) errors.reference = 'Keep the reference under 200 characters.';
  return errors;
}

/** A positive whole quantity, or null (the FEFO suggestion waits for one). */
export function wantedQuantity(text: string): number | null {
  const n = parseQuantity(text);
  return Number.isInteger(n) && n > 0 && n <= 10_000_000 ? n : null;
}

/**
 * The line under the location list once the product's pickable stock is known: none anywhere, or
 * none at the chosen location (the ones that hold it are listed first). Nothing when all is well.
 */
export function pickLocationHint(pickable: readonly { locationId: string }[] | undefined, locationId: string): string | undefined {
  if (!pickable) return undefined;
  if (pickable.length === 0) return 'No location holds available, unexpired stock of this product.';
  if (locationId !== '' && !pickable.some((h) => h.locationId === locationId)) return 'None of this product can be picked here: the locations that hold it are listed first.';
  return undefined;
}
