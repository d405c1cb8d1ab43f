import { z } from 'zod';
import { qaMember, qaPullInput, qaPullOutput, qaPushInput, qaPushOutput } from '../../../shared/qa/api';
import { authedProcedure, router } from '../trpc';

/**
 * QA documents (issue 5): the desktop pushes its queued ops and pulls the company's ledger with a
 * signed tree head. Every signed-in member may call them; decide() applies the role rules per op.
 */
export const qaRouter = router({
  push: authedProcedure
    .input(qaPushInput)
    .output(qaPushOutput)
    .mutation(({ ctx, input }) => ctx.services.qa.push(ctx.auth, input.ops)),
  pull: authedProcedure
    .input(qaPullInput)
    .output(qaPullOutput)
    .query(({ ctx, input }) => ctx.services.qa.pull(ctx.auth, input)),
  members: authedProcedure.output(z.array(qaMember)).query(({ ctx }) => ctx.services.qa.members(ctx.auth)),
});
