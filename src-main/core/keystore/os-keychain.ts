import { Entry, type EntryOptions } from '@napi-rs/keyring';
import { AppError } from '../../../shared/errors';
import type { KeyStore } from './key-store';

const UNAVAILABLE =
  'No OS keychain is available (on Linux: a Secret Service such as GNOME Keyring or KWallet, unlocked, on the session D-Bus). ' +
  'Atlas keeps its encryption keys only in the keychain and will not store them in plaintext. Start or unlock the keychain, then try again.';

/**
 * Pin Linux to the Secret Service. Left to itself @napi-rs/keyring falls back to the kernel
 * keyring (keyutils), which forgets everything at reboot — the replica key with it, leaving an
 * encrypted database nobody can open. No keychain must mean a clear error, not a volatile one.
 */
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

/**
 * KeyStore over the platform keychain via @napi-rs/keyring: Secret Service on Linux,
 * Keychain on macOS, Credential Manager on Windows. A failure to reach the keychain is
 * reported as `keychain/unavailable`, never silently worked around.
 */
export class OsKeychain implements KeyStore {
  readonly backend: string;

  constructor(readonly service: string) {
    this.backend = `${platformName()} (service '${service}')`;
  }

  /** Writes, reads back and deletes a probe entry; throws `keychain/unavailable` when that fails. */
  probe(): void {
    const name = `probe:${process.pid}`;
    this.set(name, 'ok');
    const value = this.get(name);
    this.delete(name);
    if (value !== 'ok') throw new AppError('keychain/unavailable', UNAVAILABLE);
  }

  get(name: string): string | null {
    return this.call(() => new Entry(this.service, name, ENTRY_OPTIONS).getPassword() ?? null);
  }

  set(name: string, value: string): void {
    this.call(() => new Entry(this.service, name, ENTRY_OPTIONS).setPassword(value));
  }

  delete(name: string): boolean {
    return this.call(() => new Entry(this.service, name, ENTRY_OPTIONS).deleteCredential());
  }

  private call<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw new AppError('keychain/unavailable', UNAVAILABLE, { cause: err });
    }
  }
}

function platformName(): string {
  if (process.platform === 'darwin') return 'macOS Keychain';
  if (process.platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service';
}
