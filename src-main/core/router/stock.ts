import { z } from 'zod';
import { procedure, router } from './trpc';

export const stockListInput = z
  .object({
    search: z.string().trim().max(200).optional(),
  })
  .default({});

export const stockRouter = router({
  /** Stock by lot × location for the signed-in company, read from the encrypted replica. */
  list: procedure.input(stockListInput).query(({ ctx, input }) => ctx.core.stock.list(input)),
});
