import { z } from 'zod';
import { procedure, router } from './trpc';

export const syncRouter = router({
  /** Online/offline, pending changes, last successful sync, last error in plain words. */
  status: procedure.query(({ ctx }) => ctx.core.sync.status()),
  now: procedure.mutation(({ ctx }) => ctx.core.sync.now()),
  rejections: procedure.query(({ ctx }) => ctx.core.sync.rejections()),
  dismiss: procedure.input(z.object({ mutationId: z.string().uuid() })).mutation(({ ctx, input }) => ctx.core.sync.dismiss(input.mutationId)),
});
