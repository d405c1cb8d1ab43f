import type { z } from 'zod';
import type { changePasswordInput, MfaStatus } from '../../../shared/auth/mfa-schemas';
import type { ProfileView, updateProfileInput } from '../../../shared/auth/privacy-schemas';
import type { SessionManager } from './session-manager';

export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

/**
 * "My account": the signed-in person's profile and personal data (GDPR Art. 15/20), MFA, backup
 * codes, trusted devices and password. Every
 * call goes to the server with this session's access token; the server decides and records an
 * audit event (issue 6). Codes and passwords pass through and are not kept.
 */
export class DesktopAccount {
  constructor(private readonly session: SessionManager) {}

  /** Name, email and phone as the server holds them (decrypted there; never cached in the replica). */
  profile(): Promise<ProfileView> {
    return this.session.authed((server) => server.auth.profile.query());
  }

  /** A changed name also shows at once in this desktop's session (the top bar, signatures' defaults). */
  async updateProfile(input: UpdateProfileInput): Promise<ProfileView> {
    await this.session.authed((server) => server.auth.updateProfile.mutate(input));
    const profile = await this.profile();
    await this.session.renameLocally(profile.name);
    return profile;
  }

  /**
   * GDPR Art. 15 (access) and Art. 20 (portability): everything Atlas holds about this person as
   * one JSON document, for the renderer to save. The server records the export (audit `data.export`).
   */
  exportMyData(): Promise<{ fileName: string; json: string }> {
    return this.session.authed((server) => server.auth.exportMyData.mutate());
  }

  mfaStatus(): Promise<MfaStatus> {
    return this.session.authed((server) => server.auth.mfaStatus.query());
  }

  /** Turning MFA off needs a current code (OWASP ASVS 5.0 6.4.x: re-authenticate for factor changes). */
  async mfaDisable(input: { code: string }): Promise<{ ok: true }> {
    await this.session.authed((server) => server.auth.mfaDisable.mutate(input));
    // The server drops this person's trusted devices with the factor; drop our copy as well.
    const email = this.session.current()?.user.email;
    if (email) this.session.trustedDevice.forget(email);
    return { ok: true };
  }

  regenerateBackupCodes(input: { code: string }): Promise<{ backupCodes: string[] }> {
    return this.session.authed((server) => server.auth.regenerateBackupCodes.mutate(input));
  }

  async revokeDevice(input: { id: string }): Promise<{ ok: true }> {
    await this.session.authed((server) => server.auth.revokeDevice.mutate(input));
    return { ok: true };
  }

  /**
   * The server ends every session of this person on a password change (NIST SP 800-63B §4.1.3
   * allows it; OWASP ASVS 5.0 7.4.3 asks for it) and returns a fresh one for this computer.
   */
  async changePassword(input: ChangePasswordInput): Promise<{ ok: true }> {
    const email = this.session.current()?.user.email;
    const fresh = await this.session.authed((server) => server.auth.changePassword.mutate(input));
    await this.session.adopt(email ?? fresh.user.email, fresh);
    return { ok: true };
  }

  signOutEverywhere(): Promise<{ ok: true }> {
    return this.session.signOutEverywhere();
  }
}
