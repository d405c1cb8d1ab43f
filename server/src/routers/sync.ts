import { pullInput, pullOutput, pushInput, pushOutput } from '../../../shared/sync/protocol';
import { logUnexpected } from '../log';
import { applyPush } from '../services/sync/push';
import { pull } from '../services/sync/pull';
import { authedProcedure, router } from '../trpc';

/** Local-first sync (SYNC.md): idempotent push of a client's outbox, cursor pull of its company. */
export const syncRouter = router({
  push: authedProcedure
    .input(pushInput)
    .output(pushOutput)
    .mutation(({ ctx, input }) => applyPush(ctx.db, ctx.auth, input, (err, ref) => logUnexpected(err, ref, ctx.requestId))),
  pull: authedProcedure
    .input(pullInput)
    .output(pullOutput)
    .query(({ ctx, input }) => pull(ctx.db, ctx.auth, input)),
});
