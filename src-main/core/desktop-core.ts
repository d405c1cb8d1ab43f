import type { RegisterInput, SessionCompany, SessionUser, SignInInput } from '../../shared/auth/schemas';
import type { SerializedError } from '../../shared/errors';
import type { DesktopImports } from './import/desktop-imports';
import type { DesktopInventory } from './inventory/desktop-inventory';
import type { DesktopQa } from './qa/desktop-qa';
import type { SyncStatus } from './sync/sync-runner';
import type { Rejection } from './sync/sync-store';

/** What the status bar and the start-up screen show. */
export interface AppStatus {
  shell: 'electron' | 'browser' | 'cli';
  keychain: { available: boolean; backend: string; error: SerializedError | null };
  replica: { open: boolean; path: string; cipher: string; error: SerializedError | null };
  server: { url: string; online: boolean; checkedAt: string | null };
}

export interface SessionInfo {
  user: SessionUser;
  company: SessionCompany;
  serverUrl: string;
  signedInAt: string;
}

export interface SessionApi {
  current(): SessionInfo | null;
  register(input: RegisterInput): Promise<SessionInfo>;
  signIn(input: SignInInput): Promise<SessionInfo>;
  signOut(): Promise<{ ok: true }>;
}

export interface SyncApi {
  status(): SyncStatus;
  now(): Promise<SyncStatus>;
  rejections(): Rejection[];
  dismiss(mutationId: string): void;
}

/** The desktop core as the router sees it: everything runs under plain Node. */
export interface DesktopCore {
  status(): AppStatus;
  session: SessionApi;
  /** Throws `auth/unauthenticated` when nobody is signed in, or the start-up error. */
  inventory(): DesktopInventory;
  /** Spreadsheet imports; throws like `inventory()`. */
  imports(): DesktopImports;
  /** QA documents, signing keys and the verified ledger (issue 5); throws like `inventory()`. */
  qa(): DesktopQa;
  sync: SyncApi;
}
