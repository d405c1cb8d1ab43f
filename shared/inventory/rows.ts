import { z } from 'zod';
import { lotStatusSchema, movementKindSchema } from './stock-row';

/**
 * Synced rows as they travel in a pull and as mutators read and write them, the same on both
 * sides. `version` is the per-company counter value of the write that produced the row on the
 * server; 0 marks an optimistic row on a replica that the server has not confirmed yet.
 */
const synced = { id: z.string().uuid(), companyId: z.string().uuid(), version: z.number().int().nonnegative(), deleted: z.boolean() };

export const productRow = z.object({
  ...synced,
  ndc11: z.string().nullable(),
  gtin: z.string().nullable(),
  name: z.string(),
  genericName: z.string().nullable(),
  manufacturer: z.string().nullable(),
  strength: z.string().nullable(),
  dosageForm: z.string().nullable(),
  category: z.string().nullable(),
  schedule: z.string().nullable(),
  coldChain: z.boolean(),
  unit: z.string(),
});
export type ProductRow = z.infer<typeof productRow>;

export const locationRow = z.object({ ...synced, warehouse: z.string(), zone: z.string().nullable(), bin: z.string().nullable() });
export type LocationRow = z.infer<typeof locationRow>;

export const lotRow = z.object({
  ...synced,
  productId: z.string().uuid(),
  lotNumber: z.string(),
  expiry: z.string(),
  manufacturedOn: z.string().nullable(),
  status: lotStatusSchema,
});
export type LotRow = z.infer<typeof lotRow>;

export const movementRow = z.object({
  ...synced,
  lotId: z.string().uuid(),
  locationId: z.string().uuid(),
  kind: movementKindSchema,
  quantity: z.number().int(),
  reason: z.string().nullable(),
  externalRef: z.string().nullable(),
  serial: z.string().nullable(),
  discrepancy: z.boolean(),
  createdBy: z.string().uuid().nullable(),
  occurredAt: z.string(),
});
export type MovementRow = z.infer<typeof movementRow>;

/** What a mutator writes; the storage side stamps company, version and tombstone. */
export type Writable<T> = Omit<T, 'companyId' | 'version' | 'deleted'>;
