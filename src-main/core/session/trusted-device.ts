import { hostname } from 'node:os';
import type { KeyStore } from '../keystore/key-store';

/**
 * The trusted-device token this computer holds for one person on one server (issue 6: "trust
 * this computer for 30 days"). It is a bearer secret that skips the MFA step, so it lives in the
 * OS keychain like the refresh token, never in the replica or a file (OWASP ASVS 5.0 11.7 / 14.2:
 * sensitive data in the platform's protected storage). One entry per server and email, so two
 * people sharing a terminal each keep their own.
 */
export class TrustedDevice {
  constructor(
    private readonly keyStore: KeyStore,
    private readonly serverUrl: string,
  ) {}

  /** Keychain entry name; emails arrive lower-cased by `emailSchema`. */
  entryName(email: string): string {
    return `trusted-device:${this.serverUrl}:${email.trim().toLowerCase()}`;
  }

  get(email: string): string | null {
    return this.keyStore.get(this.entryName(email));
  }

  set(email: string, token: string): void {
    this.keyStore.set(this.entryName(email), token);
  }

  forget(email: string): void {
    this.keyStore.delete(this.entryName(email));
  }
}

/** What the person sees in their list of trusted devices, e.g. "Atlas desktop on wh-terminal-3 (Linux)". */
export function deviceLabel(): string {
  const os = process.platform === 'darwin' ? 'macOS' : process.platform === 'win32' ? 'Windows' : process.platform === 'linux' ? 'Linux' : process.platform;
  const host = hostname().trim().slice(0, 60);
  return host ? `Atlas desktop on ${host} (${os})` : `Atlas desktop on ${os}`;
}
