import type { z } from 'zod';
import type { auditListInput, inviteInput } from '../../../shared/auth/mfa-schemas';
import type { Role } from '../../../shared/auth/schemas';
import type { SessionManager } from '../session/session-manager';

export type InviteInput = z.infer<typeof inviteInput>;
export type AuditListInput = z.input<typeof auditListInput>;

/**
 * Company administration (members, roles, invitations, the MFA rule) and the security-event
 * log, for the admin "Team" and "Security events" screens. Nothing here is cached in the
 * replica: it is read from the server as this person, and the server enforces who may do what
 * (admin; auditor may read events) — the desktop only hides what a role cannot use.
 */
export class DesktopAdmin {
  constructor(private readonly session: SessionManager) {}

  settings() {
    return this.session.authed((server) => server.company.settings.query());
  }

  setMfaRequired(input: { required: boolean }) {
    return this.session.authed((server) => server.company.setMfaRequired.mutate(input));
  }

  members() {
    return this.session.authed((server) => server.company.members.query());
  }

  setRole(input: { userId: string; role: Role }) {
    return this.session.authed((server) => server.company.setRole.mutate(input));
  }

  removeMember(input: { userId: string }) {
    return this.session.authed((server) => server.company.removeMember.mutate(input));
  }

  /** The invite link's token comes back once, for the admin to pass on (no e-mail is sent yet). */
  invite(input: InviteInput) {
    return this.session.authed((server) => server.company.invite.mutate(input));
  }

  invitations() {
    return this.session.authed((server) => server.company.invitations.query());
  }

  revokeInvitation(input: { id: string }) {
    return this.session.authed((server) => server.company.revokeInvitation.mutate(input));
  }

  auditList(input: AuditListInput) {
    return this.session.authed((server) => server.audit.list.query(input));
  }
}
