import { registerInput, signInInput } from '../../../shared/auth/schemas';
import { procedure, router } from './trpc';

export const sessionRouter = router({
  current: procedure.query(({ ctx }) => ctx.core.session.current()),
  register: procedure.input(registerInput).mutation(({ ctx, input }) => ctx.core.session.register(input)),
  signIn: procedure.input(signInInput).mutation(({ ctx, input }) => ctx.core.session.signIn(input)),
  signOut: procedure.mutation(({ ctx }) => ctx.core.session.signOut()),
});
