import type { z } from 'zod';
import type { auditListInput, inviteInput } from '../../../shared/auth/mfa-schemas';
import type { CompanyProfileView, updateCompanyProfileInput } from '../../../shared/auth/privacy-schemas';
import type { Role } from '../../../shared/auth/schemas';
import type { SessionManager } from '../session/session-manager';

export type InviteInput = z.infer<typeof inviteInput>;
export type AuditListInput = z.input<typeof auditListInput>;
export type UpdateCompanyProfileInput = z.infer<typeof updateCompanyProfileInput>;

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

  /** Address and licence number (state licence, DEA registration or EU WDA), stored encrypted on the server. */
  companyProfile(): Promise<CompanyProfileView> {
    return this.session.authed((server) => server.company.profile.query());
  }

  /** Answers with the profile as now stored (read back, so the screen shows what the server kept). */
  async updateCompanyProfile(input: UpdateCompanyProfileInput): Promise<CompanyProfileView> {
    await this.session.authed((server) => server.company.updateProfile.mutate(input));
    return this.companyProfile();
  }

  /**
   * GDPR Art. 17 erasure on the person's request: the server pseudonymises the account and keeps
   * signed records and the audit trail (21 CFR 11.10(e); Art. 17(3)(b)) under the pseudonym.
   */
  eraseMember(input: { userId: string; reason: string }): Promise<{ userId: string; pseudonym: string }> {
    return this.session.authed((server) => server.company.eraseMember.mutate(input));
  }

  auditList(input: AuditListInput) {
    return this.session.authed((server) => server.audit.list.query(input));
  }
}
