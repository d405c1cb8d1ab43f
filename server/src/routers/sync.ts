import { pullInput, pushInput, pushOutput } from '../../../shared/sync/protocol';
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
  // No `.output()` re-validation here: pages are large, and pull() builds them from our own typed
  // tables (its test checks the shape against the shared row schemas on both drivers).
  pull: authedProcedure
    .input(pullInput)
    .query(({ ctx, input }) => pull(ctx.db, ctx.auth, input)),
});
