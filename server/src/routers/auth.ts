import { z } from 'zod';
import {
  changePasswordInput,
  mfaEnrolBeginInput,
  mfaEnrolConfirmInput,
  mfaEnrolConfirmOutput,
  mfaEnrolment,
  mfaStatus,
  signedIn,
  signInResult,
  signInWithDeviceInput,
  verifyMfaInput,
} from '../../../shared/auth/mfa-schemas';
import { personalDataExport, profileView, updateProfileInput } from '../../../shared/auth/privacy-schemas';
import { addMemberInput, addMemberOutput, registerInput, sessionCompany, sessionTokens, sessionUser } from '../../../shared/auth/schemas';
import { AppError } from '../../../shared/errors';
import type { ServerContext } from '../context';
import { clearedRefreshCookie, deliverSession, readRefreshCookie } from '../services/auth/refresh-cookie';
import { authedProcedure, publicProcedure, router } from '../trpc';

const ok = z.object({ ok: z.literal(true) });
const codeInput = z.object({ code: z.string().trim().min(6, 'Enter the 6-digit code or a backup code.').max(20) });
/** The desktop sends the refresh token in the body; a browser client sends it as the httpOnly cookie. */
const refreshBodyOrCookie = z.object({ refreshToken: z.string().min(32).max(200).optional() }).default({});

function refreshTokenOf(ctx: ServerContext, input: { refreshToken?: string | undefined }): string {
  const token = input.refreshToken ?? readRefreshCookie(ctx.cookieHeader);
  if (!token) throw new AppError('auth/refresh-invalid', 'Your session has ended. Sign in again.');
  return token;
}

function deliver(ctx: ServerContext, result: z.infer<typeof signInResult>): z.infer<typeof signInResult> {
  return result.status === 'signed-in' ? deliverSession(result, ctx) : result;
}

/** Accounts, sessions and MFA. Inputs and outputs are the shared schemas the desktop also uses. */
export const authRouter = router({
  register: publicProcedure
    .input(registerInput)
    .output(sessionTokens)
    .mutation(async ({ ctx, input }) => deliverSession(await ctx.services.auth.register(input), ctx)),
  signIn: publicProcedure
    .input(signInWithDeviceInput)
    .output(signInResult)
    .mutation(async ({ ctx, input }) => deliver(ctx, await ctx.services.auth.signIn(input, ctx.origin))),
  verifyMfa: publicProcedure
    .input(verifyMfaInput)
    .output(signedIn)
    .mutation(async ({ ctx, input }) => deliverSession(await ctx.services.auth.verifyMfa(input, ctx.origin), ctx)),
  // Public: the caller has an access token OR an `mfa-enrolment-required` mfaToken.
  mfaEnrolBegin: publicProcedure
    .input(mfaEnrolBeginInput)
    .output(mfaEnrolment)
    .mutation(({ ctx, input }) => ctx.services.auth.mfaEnrolBegin({ claims: ctx.auth, claimsError: ctx.authError, mfaToken: input.mfaToken })),
  mfaEnrolConfirm: publicProcedure
    .input(mfaEnrolConfirmInput)
    .output(mfaEnrolConfirmOutput)
    .mutation(async ({ ctx, input }) => {
      const out = await ctx.services.auth.mfaEnrolConfirm({ claims: ctx.auth, claimsError: ctx.authError, mfaToken: input.mfaToken }, input, ctx.origin);
      return { ...out, session: out.session ? deliverSession(out.session, ctx) : null };
    }),
  mfaStatus: authedProcedure.output(mfaStatus).query(({ ctx }) => ctx.services.auth.mfaStatus(ctx.auth)),
  mfaDisable: authedProcedure
    .input(codeInput)
    .output(ok)
    .mutation(({ ctx, input }) => ctx.services.auth.mfaDisable(ctx.auth, input.code, ctx.origin)),
  regenerateBackupCodes: authedProcedure
    .input(codeInput)
    .output(z.object({ backupCodes: z.array(z.string()) }))
    .mutation(({ ctx, input }) => ctx.services.auth.regenerateBackupCodes(ctx.auth, input.code, ctx.origin)),
  revokeDevice: authedProcedure
    .input(z.object({ id: z.string().uuid() }))
    .output(ok)
    .mutation(({ ctx, input }) => ctx.services.auth.revokeDevice(ctx.auth, input.id, ctx.origin)),
  signOutEverywhere: authedProcedure.output(ok).mutation(({ ctx }) => {
    if (ctx.clientKind === 'browser') ctx.resHeaders?.append('Set-Cookie', clearedRefreshCookie());
    return ctx.services.auth.signOutEverywhere(ctx.auth, ctx.origin);
  }),
  // Ends every session of the person (the caller's too) and returns a fresh one for the caller.
  changePassword: authedProcedure
    .input(changePasswordInput)
    .output(signedIn)
    .mutation(async ({ ctx, input }) => deliverSession(await ctx.services.auth.changePassword(ctx.auth, input, ctx.origin), ctx)),
  refresh: publicProcedure
    .input(refreshBodyOrCookie)
    .output(sessionTokens)
    .mutation(async ({ ctx, input }) => deliverSession(await ctx.services.auth.refresh({ refreshToken: refreshTokenOf(ctx, input) }, ctx.origin), ctx)),
  signOut: publicProcedure
    .input(refreshBodyOrCookie)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      if (ctx.clientKind === 'browser') ctx.resHeaders?.append('Set-Cookie', clearedRefreshCookie());
      const token = input.refreshToken ?? readRefreshCookie(ctx.cookieHeader);
      return token ? ctx.services.auth.signOut({ refreshToken: token }, ctx.origin) : { ok: true as const };
    }),
  // Admin only. Kept for tools and tests; people join through company.invite / company.acceptInvite.
  addMember: authedProcedure
    .input(addMemberInput)
    .output(addMemberOutput)
    .mutation(({ ctx, input }) => ctx.services.auth.addMember(ctx.auth, input)),
  me: authedProcedure
    .output(z.object({ user: sessionUser, company: sessionCompany }))
    .query(({ ctx }) => ctx.services.auth.me(ctx.auth)),
  // Issue 6, GDPR: the person's own profile (Art. 16) and everything held about them (Art. 15/20).
  profile: authedProcedure.output(profileView).query(({ ctx }) => ctx.services.privacy.profile(ctx.auth)),
  updateProfile: authedProcedure
    .input(updateProfileInput)
    .output(profileView)
    .mutation(({ ctx, input }) => ctx.services.privacy.updateProfile(ctx.auth, input, ctx.origin)),
  exportMyData: authedProcedure.output(personalDataExport).mutation(({ ctx }) => ctx.services.privacy.exportMyData(ctx.auth, ctx.origin)),
});
