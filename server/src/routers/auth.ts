import { z } from 'zod';
import { addMemberInput, addMemberOutput, refreshInput, registerInput, sessionCompany, sessionTokens, sessionUser, signInInput } from '../../../shared/auth/schemas';
import { authedProcedure, publicProcedure, router } from '../trpc';

/** Accounts and sessions. Inputs and outputs are the shared schemas the desktop also uses. */
export const authRouter = router({
  register: publicProcedure
    .input(registerInput)
    .output(sessionTokens)
    .mutation(({ ctx, input }) => ctx.services.auth.register(input)),
  signIn: publicProcedure
    .input(signInInput)
    .output(sessionTokens)
    .mutation(({ ctx, input }) => ctx.services.auth.signIn(input)),
  refresh: publicProcedure
    .input(refreshInput)
    .output(sessionTokens)
    .mutation(({ ctx, input }) => ctx.services.auth.refresh(input)),
  signOut: publicProcedure
    .input(refreshInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => ctx.services.auth.signOut(input)),
  // Admin only. Temporary until issue 6 brings invitations (the invitee sets their own password).
  addMember: authedProcedure
    .input(addMemberInput)
    .output(addMemberOutput)
    .mutation(({ ctx, input }) => ctx.services.auth.addMember(ctx.auth, input)),
  me: authedProcedure
    .output(z.object({ user: sessionUser, company: sessionCompany }))
    .query(({ ctx }) => ctx.services.auth.me(ctx.auth)),
});
