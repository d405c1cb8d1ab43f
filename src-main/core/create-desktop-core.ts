import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { DesktopConfig } from './config';
import type { AppStatus, DesktopCore } from './desktop-core';
import { DesktopImports } from './import/desktop-imports';
import { DesktopInventory } from './inventory/desktop-inventory';
import { LocalMutations } from './inventory/local-mutations';
import { OsKeychain } from './keystore/os-keychain';
import { DesktopQa } from './qa/desktop-qa';
import { QaStore } from './qa/qa-store';
import { QaSync } from './qa/qa-sync';
import { SignerKeys } from './qa/signer-keys';
import { openReplica, REPLICA_CIPHER_LABEL, type Replica } from './replica/open-replica';
import { ReplicaWriter } from './replica/replica-writer';
import { DesktopAdmin } from './admin/desktop-admin';
import { DesktopAccount } from './session/desktop-account';
import { SessionManager } from './session/session-manager';
import { Connectivity } from './sync/connectivity';
import { SyncRunner } from './sync/sync-runner';
import { SyncStore } from './sync/sync-store';

export interface CreateDesktopCoreOptions {
  config: DesktopConfig;
  shell: AppStatus['shell'];
  /** The bundled Electron shell passes its own; plain Node uses src-main/db/migrations. */
  migrationsFolder?: string;
  /** Start the background sync loop (default true; tests drive `sync.now()` themselves). */
  autoSync?: boolean;
  /** The network and the device clock; tests inject faults and skew, the app uses the real ones. */
  runtime?: { fetch?: typeof fetch; now?: () => Date };
}

export interface RunningDesktopCore extends DesktopCore {
  close(): void;
}

interface Opened {
  replica: Replica;
  session: SessionManager;
  store: SyncStore;
  runner: SyncRunner;
  inventory: DesktopInventory;
  imports: DesktopImports;
  qa: DesktopQa;
  account: DesktopAccount;
  admin: DesktopAdmin;
}

/**
 * Assembles the desktop core. Start-up failures (no keychain, replica key missing or wrong) do
 * not crash the app: `status()` reports them so the renderer can explain them, every call that
 * needs the replica fails with the same error, and each status check tries again — so starting
 * or unlocking the keychain and pressing "Try again" is enough, no restart.
 */
export function createDesktopCore(options: CreateDesktopCoreOptions): RunningDesktopCore {
  const { config } = options;
  const now = options.runtime?.now ?? (() => new Date());
  const network = options.runtime?.fetch;
  const keyStore = new OsKeychain(config.keychainService);
  const replicaPath = join(config.dataDir, 'replica.db');
  let keychainReady = false;
  let failure: AppError | null = null;
  let open: Opened | null = null;

  const tryOpen = (): void => {
    if (open) return;
    try {
      if (!keychainReady) keyStore.probe();
      keychainReady = true;
      const replica = openReplica({ file: replicaPath, keyStore, migrationsFolder: options.migrationsFolder });
      const writer = new ReplicaWriter(replica);
      const store = new SyncStore(replica.db);
      const session = new SessionManager({ serverUrl: config.serverUrl, db: replica.db, writer, keyStore, now, fetch: network });
      const qaStore = new QaStore(replica.db);
      const qaSync = new QaSync({ store: qaStore, writer, session, now });
      const runner = new SyncRunner({ db: replica.db, sqlite: replica.sqlite, writer, store, session, serverUrl: config.serverUrl, now, fetch: network, participants: [qaSync] });
      const mutations = new LocalMutations({ db: replica.db, writer, store, now, onChange: () => runner.kick() });
      const inventory = new DesktopInventory(replica.db, mutations, () => signedIn(session));
      const imports = new DesktopImports({ db: replica.db, writer, store, session, dataDir: config.dataDir, previewRows: config.importPreviewRows, now, onChange: () => runner.kick() });
      const qa = new DesktopQa({ store: qaStore, writer, keys: new SignerKeys(keyStore), sync: qaSync, syncAll: () => runner.syncNow(), actor: () => qaActor(session), now, onChange: () => runner.kick() });
      open = { replica, session, store, runner, inventory, imports, qa, account: new DesktopAccount(session), admin: new DesktopAdmin(session) };
      failure = null;
      if (options.autoSync !== false) runner.start();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failure = err;
    }
  };
  const need = (): Opened => {
    tryOpen();
    if (!open) throw failure ?? new AppError('internal/unexpected', 'The desktop core is not ready.');
    return open;
  };

  tryOpen();
  const connectivity = new Connectivity({ serverUrl: config.serverUrl, onChange: (s) => s.online && open?.runner.kick() });
  connectivity.start();

  return {
    status: () => {
      tryOpen();
      const error = failure?.toJSON() ?? null;
      return {
        shell: options.shell,
        keychain: { available: keychainReady, backend: keyStore.backend, error: keychainReady ? null : error },
        replica: { open: open !== null, path: replicaPath, cipher: REPLICA_CIPHER_LABEL, error },
        server: { url: config.serverUrl, ...connectivity.current },
      };
    },
    session: {
      current: () => need().session.current(),
      register: async (input) => afterSignIn(need(), await need().session.register(input)),
      signIn: async (input) => {
        const outcome = await need().session.signIn(input);
        return outcome.status === 'signed-in' ? afterSignIn(need(), outcome) : outcome;
      },
      acceptInvite: async (input) => {
        const outcome = await need().session.acceptInvite(input);
        return outcome.status === 'signed-in' ? afterSignIn(need(), outcome) : outcome;
      },
      verifyMfa: async (input) => afterSignIn(need(), await need().session.verifyMfa(input)),
      mfaEnrolBegin: () => need().session.mfaEnrolBegin(),
      mfaEnrolConfirm: async (input) => {
        const out = await need().session.mfaEnrolConfirm(input);
        return out.session ? afterSignIn(need(), out) : out;
      },
      cancelSignIn: () => need().session.cancelSignIn(),
      signOut: () => need().session.signOut(),
      signOutEverywhere: () => need().session.signOutEverywhere(),
    },
    account: () => {
      const o = need();
      signedIn(o.session);
      return o.account;
    },
    admin: () => {
      const o = need();
      signedIn(o.session);
      return o.admin;
    },
    inventory: () => {
      const o = need();
      signedIn(o.session);
      return o.inventory;
    },
    imports: () => {
      const o = need();
      signedIn(o.session);
      return o.imports;
    },
    qa: () => {
      const o = need();
      signedIn(o.session);
      return o.qa;
    },
    sync: {
      // Online is what the health check sees, unless the last sync just failed to reach the server.
      status: () => {
        const sync = need().runner.status();
        return { ...sync, online: sync.lastError?.code === 'server/unreachable' ? false : connectivity.current.online || sync.online };
      },
      now: () => need().runner.syncNow(),
      rejections: () => {
        const o = need();
        return o.store.rejections(signedIn(o.session).companyId);
      },
      dismiss: (mutationId) => {
        const o = need();
        o.store.dismissRejection(signedIn(o.session).companyId, mutationId);
      },
    },
    close: () => {
      connectivity.stop();
      open?.runner.stop();
      open?.replica.close();
    },
  };
}

function signedIn(session: SessionManager): { companyId: string; userId: string } {
  const current = session.current();
  if (!current) throw new AppError('auth/unauthenticated', 'Sign in to see stock.');
  return { companyId: current.company.id, userId: current.user.id };
}

function qaActor(session: SessionManager) {
  const current = session.current();
  if (!current) throw new AppError('auth/unauthenticated', 'Sign in to work on QA records.');
  return { companyId: current.company.id, userId: current.user.id, printedName: current.user.name, role: current.user.role };
}

function afterSignIn<T>(o: Opened, result: T): T {
  // Pull the company's data (and push anything queued) as soon as someone signs in.
  o.runner.kick();
  return result;
}
