import { z } from 'zod';

/** Lot statuses (issue 3 adds the transitions). */
export const lotStatusSchema = z.enum(['available', 'quarantine', 'recalled', 'expired', 'damaged']);
export type LotStatus = z.infer<typeof lotStatusSchema>;

/** Movement kinds of the insert-only stock ledger; quantities are derived from these. */
export const movementKindSchema = z.enum([
  'receive',
  'pick',
  'adjust',
  'transfer-out',
  'transfer-in',
  'quarantine',
  'release',
  'count',
  'recall',
]);
export type MovementKind = z.infer<typeof movementKindSchema>;

/** One line of the stock screen: a lot at a location, with its quantity summed from movements. */
export const stockRowSchema = z.object({
  lotId: z.string(),
  locationId: z.string(),
  productId: z.string(),
  productName: z.string(),
  ndc11: z.string().nullable(),
  lotNumber: z.string(),
  /** Date only, `YYYY-MM-DD`: never shifted by a time zone. */
  expiry: z.string(),
  status: lotStatusSchema,
  location: z.string(),
  quantity: z.number().int(),
  unit: z.string(),
  /** A movement here took the level below zero: a supervisor should look. */
  discrepancy: z.boolean(),
  /** Includes local work the server has not confirmed yet. */
  pendingSync: z.boolean(),
});
export type StockRow = z.infer<typeof stockRowSchema>;
