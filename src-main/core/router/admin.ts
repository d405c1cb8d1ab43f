import { z } from 'zod';
import { auditListInput, inviteInput } from '../../../shared/auth/mfa-schemas';
import { eraseMemberInput, updateCompanyProfileInput } from '../../../shared/auth/privacy-schemas';
import { roleSchema } from '../../../shared/auth/schemas';
import { procedure, router } from './trpc';

const id = z.string().uuid();

/** Company administration and security events: the admin "Team" and "Security events" screens. */
export const adminRouter = router({
  settings: procedure.query(({ ctx }) => ctx.core.admin().settings()),
  setMfaRequired: procedure.input(z.object({ required: z.boolean() })).mutation(({ ctx, input }) => ctx.core.admin().setMfaRequired(input)),
  members: procedure.query(({ ctx }) => ctx.core.admin().members()),
  setRole: procedure.input(z.object({ userId: id, role: roleSchema })).mutation(({ ctx, input }) => ctx.core.admin().setRole(input)),
  removeMember: procedure.input(z.object({ userId: id })).mutation(({ ctx, input }) => ctx.core.admin().removeMember(input)),
  invite: procedure.input(inviteInput).mutation(({ ctx, input }) => ctx.core.admin().invite(input)),
  invitations: procedure.query(({ ctx }) => ctx.core.admin().invitations()),
  revokeInvitation: procedure.input(z.object({ id })).mutation(({ ctx, input }) => ctx.core.admin().revokeInvitation(input)),
  companyProfile: procedure.query(({ ctx }) => ctx.core.admin().companyProfile()),
  updateCompanyProfile: procedure.input(updateCompanyProfileInput).mutation(({ ctx, input }) => ctx.core.admin().updateCompanyProfile(input)),
  eraseMember: procedure.input(eraseMemberInput).mutation(({ ctx, input }) => ctx.core.admin().eraseMember(input)),
  auditList: procedure.input(auditListInput).query(({ ctx, input }) => ctx.core.admin().auditList(input)),
});
