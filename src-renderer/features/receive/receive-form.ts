import { receiveCommand } from '../../../shared/inventory/mutations';
import type { FieldErrors } from '../../components/use-form';
import { validateWith } from '../movements/form-errors';
import { parseDateInput } from '../movements/parse-date-input';
import { parseQuantity, quantityProblem } from '../movements/quantity';

export const RECEIVE_FIELDS = ['productId', 'lotNumber', 'expiry', 'manufacturedOn', 'serial', 'locationId', 'quantity', 'reference'] as const;
export type ReceiveField = (typeof RECEIVE_FIELDS)[number];
export type ReceiveValues = Record<ReceiveField, string>;

export const EMPTY_RECEIVE: ReceiveValues = { productId: '', lotNumber: '', expiry: '', manufacturedOn: '', serial: '', locationId: '', quantity: '', reference: '' };

/** The `stock.receive` command for the form's text. The lot number is kept exactly as typed. */
export function toReceiveCommand(v: ReceiveValues) {
  return {
    productId: v.productId,
    lotNumber: v.lotNumber,
    expiry: parseDateInput(v.expiry) ?? v.expiry.trim(),
    manufacturedOn: v.manufacturedOn.trim() === '' ? null : (parseDateInput(v.manufacturedOn) ?? v.manufacturedOn.trim()),
    locationId: v.locationId,
    quantity: parseQuantity(v.quantity),
    serial: v.serial.trim() === '' ? null : v.serial.trim(),
    reference: v.reference.trim() === '' ? null : v.reference.trim(),
  };
}

export function validateReceive(v: ReceiveValues): FieldErrors<ReceiveField> {
  const errors = validateWith(receiveCommand, toReceiveCommand(v), RECEIVE_FIELDS);
  if (v.productId === '') errors.productId = 'Choose the product, or scan its barcode.';
  if (v.locationId === '') errors.locationId = 'Choose where the stock goes.';
  if (v.expiry.trim() === '') errors.expiry = 'Enter the expiry date.';
  else if (!parseDateInput(v.expiry)) errors.expiry = 'Enter the date as 2027-03-12 or 12 Mar 2027.';
  if (v.manufacturedOn.trim() !== '' && !parseDateInput(v.manufacturedOn)) errors.manufacturedOn = 'Enter the date as 2027-03-12 or 12 Mar 2027.';
  const quantity = quantityProblem(v.quantity, 'Enter the quantity received.');
  if (quantity) errors.quantity = quantity;
  return errors;
}
