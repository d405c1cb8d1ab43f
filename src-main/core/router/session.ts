import { z } from 'zod';
import { acceptInviteInput, changePasswordInput, mfaEnrolConfirmInput, verifyMfaInput } from '../../../shared/auth/mfa-schemas';
import { registerInput, signInInput } from '../../../shared/auth/schemas';
import { procedure, router } from './trpc';

/** What the renderer sends for an MFA code: the mfaToken and the device label are the core's own. */
const mfaCodeInput = verifyMfaInput.pick({ code: true, trustDevice: true });
const enrolConfirmInput = mfaEnrolConfirmInput.pick({ code: true, trustDevice: true });
const codeOnly = z.object({ code: verifyMfaInput.shape.code });

export const sessionRouter = router({
  current: procedure.query(({ ctx }) => ctx.core.session.current()),
  register: procedure.input(registerInput).mutation(({ ctx, input }) => ctx.core.session.register(input)),
  signIn: procedure.input(signInInput).mutation(({ ctx, input }) => ctx.core.session.signIn(input)),
  // Public, like signIn: the invitation token is the credential.
  acceptInvite: procedure.input(acceptInviteInput).mutation(({ ctx, input }) => ctx.core.session.acceptInvite(input)),
  verifyMfa: procedure.input(mfaCodeInput).mutation(({ ctx, input }) => ctx.core.session.verifyMfa(input)),
  mfaEnrolBegin: procedure.mutation(({ ctx }) => ctx.core.session.mfaEnrolBegin()),
  mfaEnrolConfirm: procedure.input(enrolConfirmInput).mutation(({ ctx, input }) => ctx.core.session.mfaEnrolConfirm(input)),
  cancelSignIn: procedure.mutation(({ ctx }) => ctx.core.session.cancelSignIn()),
  signOut: procedure.mutation(({ ctx }) => ctx.core.session.signOut()),
  // The signed-in person's own security settings ("My account").
  mfaStatus: procedure.query(({ ctx }) => ctx.core.account().mfaStatus()),
  mfaDisable: procedure.input(codeOnly).mutation(({ ctx, input }) => ctx.core.account().mfaDisable(input)),
  regenerateBackupCodes: procedure.input(codeOnly).mutation(({ ctx, input }) => ctx.core.account().regenerateBackupCodes(input)),
  revokeDevice: procedure.input(z.object({ id: z.string().uuid() })).mutation(({ ctx, input }) => ctx.core.account().revokeDevice(input)),
  changePassword: procedure.input(changePasswordInput).mutation(({ ctx, input }) => ctx.core.account().changePassword(input)),
  signOutEverywhere: procedure.mutation(({ ctx }) => ctx.core.account().signOutEverywhere()),
});
