import { updateProfileInput } from '../../../shared/auth/privacy-schemas';
import { procedure, router } from './trpc';

/** The signed-in person's own profile and personal data (GDPR Art. 15/16/20), for "My account". */
export const accountRouter = router({
  profile: procedure.query(({ ctx }) => ctx.core.account().profile()),
  updateProfile: procedure.input(updateProfileInput).mutation(({ ctx, input }) => ctx.core.account().updateProfile(input)),
  exportMyData: procedure.mutation(({ ctx }) => ctx.core.account().exportMyData()),
});
