import { ADJUST_REASONS, adjustCommand, countCommand, lotStatusCommand, transferCommand } from '../../../shared/inventory/mutations';
import type { StockRow } from '../../../shared/inventory/stock-row';
import type { FieldErrors } from '../../components/use-form';
import { validateWith } from './form-errors';
import { parseQuantity, quantityProblem } from './quantity';

/**
 * The text forms of the transfer, adjust, count and quarantine screens, turned into the shared
 * commands and checked with the shared schemas before anything is sent.
 */
type Line = Pick<StockRow, 'lotId' | 'locationId'> | null;
const LINE_MISSING = 'Choose the lot and location (scan it, or type to find it).';
const text = (s: string) => (s.trim() === '' ? null : s.trim());

export const TRANSFER_FIELDS = ['line', 'toLocationId', 'quantity', 'reference'] as const;
export type TransferField = (typeof TRANSFER_FIELDS)[number];
export function toTransferCommand(line: Line, v: Record<TransferField, string>) {
  return { lotId: line?.lotId ?? '', fromLocationId: line?.locationId ?? '', toLocationId: v.toLocationId, quantity: parseQuantity(v.quantity), reference: text(v.reference) };
}
export function validateTransfer(line: Line, v: Record<TransferField, string>): FieldErrors<TransferField> {
  const errors = validateWith(transferCommand, toTransferCommand(line, v), TRANSFER_FIELDS);
  if (!line) errors.line = LINE_MISSING;
  if (v.toLocationId === '') errors.toLocationId = 'Choose where the stock goes.';
  else if (line && v.toLocationId === line.locationId) errors.toLocationId = 'Choose a location other than the one it is in.';
  const q = quantityProblem(v.quantity, 'Enter how many to move.');
  if (q) errors.quantity = q;
  return errors;
}

export const ADJUST_REASON_LABELS: Record<(typeof ADJUST_REASONS)[number], string> = {
  damaged: 'Damaged',
  expired: 'Expired',
  lost: 'Lost',
  found: 'Found',
  theft: 'Theft',
  sample: 'Sample taken',
  returned: 'Returned',
  'data-correction': 'Data correction',
  other: 'Other (explain in the note)',
};
export const ADJUST_FIELDS = ['line', 'delta', 'reasonCode', 'note'] as const;
export type AdjustField = (typeof ADJUST_FIELDS)[number];
export function toAdjustCommand(line: Line, v: Record<AdjustField, string>) {
  return { lotId: line?.lotId ?? '', locationId: line?.locationId ?? '', delta: parseQuantity(v.delta), reasonCode: v.reasonCode, note: text(v.note) };
}
export function validateAdjust(line: Line, v: Record<AdjustField, string>): FieldErrors<AdjustField> {
  const errors = validateWith(adjustCommand, toAdjustCommand(line, v), ADJUST_FIELDS);
  if (!line) errors.line = LINE_MISSING;
  const q = quantityProblem(v.delta, 'Enter the change, e.g. -3 or 5.');
  if (q) errors.delta = q;
  if (v.reasonCode === '') errors.reasonCode = 'Choose a reason for the adjustment.';
  if (v.reasonCode === 'other' && v.note.trim() === '') errors.note = 'Explain the adjustment when the reason is “Other”.';
  return errors;
}

export const COUNT_FIELDS = ['line', 'countedQuantity'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export function toCountCommand(line: Line, v: Record<CountField, string>) {
  return { lotId: line?.lotId ?? '', locationId: line?.locationId ?? '', countedQuantity: parseQuantity(v.countedQuantity) };
}
export function validateCount(line: Line, v: Record<CountField, string>): FieldErrors<CountField> {
  const errors = validateWith(countCommand, toCountCommand(line, v), COUNT_FIELDS);
  if (!line) errors.line = LINE_MISSING;
  const q = quantityProblem(v.countedQuantity, 'Enter the quantity you counted.');
  if (q) errors.countedQuantity = q;
  return errors;
}
/** Counted minus recorded: what the count will add (positive) or remove (negative). */
export function countVariance(recorded: number, countedText: string): number | null {
  const counted = parseQuantity(countedText);
  return Number.isInteger(counted) && counted >= 0 ? counted - recorded : null;
}

export const LOT_ACTIONS = ['quarantine', 'release', 'recall'] as const;
export type LotAction = (typeof LOT_ACTIONS)[number];
export const LOT_ACTION_LABELS: Record<LotAction, string> = { quarantine: 'Quarantine', release: 'Release', recall: 'Recall' };
export const STATUS_FIELDS = ['line', 'reason', 'reference'] as const;
export type StatusField = (typeof STATUS_FIELDS)[number];
export function toStatusCommand(line: Line, v: Record<StatusField, string>) {
  return { lotId: line?.lotId ?? '', locationId: line?.locationId ?? '', reason: v.reason.trim(), reference: text(v.reference) };
}
export function validateStatus(line: Line, v: Record<StatusField, string>): FieldErrors<StatusField> {
  const errors = validateWith(lotStatusCommand, toStatusCommand(line, v), STATUS_FIELDS);
  if (!line) errors.line = LINE_MISSING;
  if (v.reason.trim() === '') errors.reason = 'Give the reason: it goes into the lot’s history.';
  return errors;
}
/** The action that makes sense for a lot's current status. */
export function defaultLotAction(status: StockRow['status'] | undefined): LotAction {
  return status === 'quarantine' ? 'release' : 'quarantine';
}
