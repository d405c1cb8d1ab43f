import { z } from 'zod';
import {
  adjustCommand,
  countCommand,
  isoDate,
  locationUpsertArgs,
  lotStatusCommand,
  pickCommand,
  productUpsertArgs,
  receiveCommand,
  transferCommand,
} from '../../../shared/inventory/mutations';
import { lotStatusSchema } from '../../../shared/inventory/stock-row';
import { procedure, router } from './trpc';

export const stockListInput = z
  .object({
    search: z.string().trim().max(200).optional(),
    expiresBy: isoDate.optional(),
    locationId: z.string().uuid().optional(),
    status: lotStatusSchema.optional(),
    productId: z.string().uuid().optional(),
    lotId: z.string().uuid().optional(),
  })
  .default({});

const id = z.object({ id: z.string().uuid() });

/**
 * Stock work on the encrypted replica: queries answer from local data, commands change it at
 * once and queue the change for the server. Everything here works with no network.
 */
export const stockRouter = router({
  list: procedure.input(stockListInput).query(({ ctx, input }) => ctx.core.inventory().stock(input)),
  lot: procedure.input(id).query(({ ctx, input }) => ctx.core.inventory().lot(input.id)),
  locations: procedure.query(({ ctx }) => ctx.core.inventory().locations()),
  products: procedure
    .input(z.object({ search: z.string().trim().max(200).optional(), limit: z.number().int().positive().max(5_000).default(50) }).default({ limit: 50 }))
    .query(({ ctx, input }) => ctx.core.inventory().products(input.search, input.limit)),
  scan: procedure.input(z.object({ code: z.string().min(1).max(500) })).query(({ ctx, input }) => ctx.core.inventory().scan(input.code)),
  pickable: procedure
    .input(z.object({ productId: z.string().uuid(), today: isoDate }))
    .query(({ ctx, input }) => ctx.core.inventory().pickable(input.productId, input.today)),
  fefo: procedure
    .input(z.object({ productId: z.string().uuid(), locationId: z.string().uuid(), quantity: z.number().int().positive(), today: isoDate }))
    .query(({ ctx, input }) => ctx.core.inventory().fefo(input.productId, input.locationId, input.quantity, input.today)),

  upsertProduct: procedure.input(productUpsertArgs).mutation(({ ctx, input }) => ctx.core.inventory().upsertProduct(input)),
  upsertLocation: procedure.input(locationUpsertArgs).mutation(({ ctx, input }) => ctx.core.inventory().upsertLocation(input)),
  receive: procedure.input(receiveCommand).mutation(({ ctx, input }) => ctx.core.inventory().receive(input)),
  pick: procedure.input(pickCommand).mutation(({ ctx, input }) => ctx.core.inventory().pick(input)),
  adjust: procedure.input(adjustCommand).mutation(({ ctx, input }) => ctx.core.inventory().adjust(input)),
  transfer: procedure.input(transferCommand).mutation(({ ctx, input }) => ctx.core.inventory().transfer(input)),
  count: procedure.input(countCommand).mutation(({ ctx, input }) => ctx.core.inventory().count(input)),
  quarantine: procedure.input(lotStatusCommand).mutation(({ ctx, input }) => ctx.core.inventory().quarantine(input)),
  release: procedure.input(lotStatusCommand).mutation(({ ctx, input }) => ctx.core.inventory().release(input)),
  recall: procedure.input(lotStatusCommand).mutation(({ ctx, input }) => ctx.core.inventory().recall(input)),
});
