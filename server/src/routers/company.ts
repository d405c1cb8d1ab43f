import { z } from 'zod';
import { acceptInviteInput, invitationView, inviteInput, inviteOutput, memberView, signInResult } from '../../../shared/auth/mfa-schemas';
import { companyProfileView, eraseMemberInput, eraseMemberOutput, updateCompanyProfileInput } from '../../../shared/auth/privacy-schemas';
import { roleSchema } from '../../../shared/auth/schemas';
import { deliverSession } from '../services/auth/refresh-cookie';
import { authedProcedure, publicProcedure, router } from '../trpc';

const ok = z.object({ ok: z.literal(true) });

/**
 * Company administration (issue 6). Roles are checked in the service against the caller's
 * membership row, not the token: admin changes things; admin and auditor can read members.
 */
export const companyRouter = router({
  settings: authedProcedure.output(z.object({ mfaRequired: z.boolean() })).query(({ ctx }) => ctx.services.company.settings(ctx.auth)),
  setMfaRequired: authedProcedure
    .input(z.object({ required: z.boolean() }))
    .output(z.object({ mfaRequired: z.boolean() }))
    .mutation(({ ctx, input }) => ctx.services.company.setMfaRequired(ctx.auth, input.required, ctx.origin)),
  members: authedProcedure.output(z.array(memberView)).query(({ ctx }) => ctx.services.company.members(ctx.auth, ctx.origin)),
  invite: authedProcedure
    .input(inviteInput)
    .output(inviteOutput)
    .mutation(({ ctx, input }) => ctx.services.company.invite(ctx.auth, input, ctx.origin)),
  invitations: authedProcedure.output(z.array(invitationView)).query(({ ctx }) => ctx.services.company.invitations(ctx.auth, ctx.origin)),
  revokeInvitation: authedProcedure
    .input(z.object({ id: z.string().uuid() }))
    .output(ok)
    .mutation(({ ctx, input }) => ctx.services.company.revokeInvitation(ctx.auth, input.id)),
  // Public: the invitee has the link's token. Answers like auth.signIn: when the company requires
  // MFA the new member must enrol first (mfa-enrolment-required).
  acceptInvite: publicProcedure
    .input(acceptInviteInput)
    .output(signInResult)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.services.company.acceptInvite(input, ctx.origin);
      return result.status === 'signed-in' ? deliverSession(result, ctx) : result;
    }),
  setRole: authedProcedure
    .input(z.object({ userId: z.string().uuid(), role: roleSchema }))
    .output(ok)
    .mutation(({ ctx, input }) => ctx.services.company.setRole(ctx.auth, input, ctx.origin)),
  removeMember: authedProcedure
    .input(z.object({ userId: z.string().uuid() }))
    .output(ok)
    .mutation(({ ctx, input }) => ctx.services.company.removeMember(ctx.auth, input, ctx.origin)),
  // Issue 6, Data protection: the company's address and licence number (encrypted at rest), admins only.
  profile: authedProcedure.output(companyProfileView).query(({ ctx }) => ctx.services.company.profile(ctx.auth)),
  updateProfile: authedProcedure
    .input(updateCompanyProfileInput)
    .output(companyProfileView)
    .mutation(({ ctx, input }) => ctx.services.company.updateProfile(ctx.auth, input, ctx.origin)),
  // GDPR Art. 17: pseudonymise a member's account; regulated records keep their signer (see the service).
  eraseMember: authedProcedure
    .input(eraseMemberInput)
    .output(eraseMemberOutput)
    .mutation(({ ctx, input }) => ctx.services.company.eraseMember(ctx.auth, input, ctx.origin)),
});
