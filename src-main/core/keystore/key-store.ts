/**
 * Where the desktop keeps secrets: the replica's database key, the refresh token and (issue 5)
 * the sealed signing key. The OS keychain is the only implementation the app uses; there is
 * deliberately no file or in-memory fallback, so a key can never end up in plaintext on disk.
 */
export interface KeyStore {
  /** Human-readable backend name for the status screen, e.g. "Secret Service (service 'atlas')". */
  readonly backend: string;
  get(name: string): string | null;
  set(name: string, value: string): void;
  /** Returns true when an entry existed. */
  delete(name: string): boolean;
}
