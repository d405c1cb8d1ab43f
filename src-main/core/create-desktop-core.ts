import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { DesktopConfig } from './config';
import type { AppStatus, DesktopCore } from './desktop-core';
import { OsKeychain } from './keystore/os-keychain';
import { openReplica, REPLICA_CIPHER_LABEL, type Replica } from './replica/open-replica';
import { SessionManager } from './session/session-manager';
import { listStock } from './stock/stock-query';
import { Connectivity } from './sync/connectivity';

export interface CreateDesktopCoreOptions {
  config: DesktopConfig;
  shell: AppStatus['shell'];
  /** The bundled Electron shell passes its own; plain Node uses src-main/db/migrations. */
  migrationsFolder?: string;
}

export interface RunningDesktopCore extends DesktopCore {
  close(): void;
}

/**
 * Assembles the desktop core. Start-up failures (no keychain, replica key missing or wrong) do
 * not crash the app: `status()` reports them so the renderer can explain them, every call that
 * needs the replica fails with the same error, and each status check tries again — so starting
 * or unlocking the keychain and pressing "Try again" is enough, no restart.
 */
export function createDesktopCore(options: CreateDesktopCoreOptions): RunningDesktopCore {
  const { config } = options;
  const keyStore = new OsKeychain(config.keychainService);
  const replicaPath = join(config.dataDir, 'replica.db');
  let keychainReady = false;
  let failure: AppError | null = null;
  let open: { replica: Replica; session: SessionManager } | null = null;

  const tryOpen = (): void => {
    if (open) return;
    try {
      if (!keychainReady) keyStore.probe();
      keychainReady = true;
      const replica = openReplica({ file: replicaPath, keyStore, migrationsFolder: options.migrationsFolder });
      open = { replica, session: new SessionManager({ serverUrl: config.serverUrl, db: replica.db, keyStore }) };
      failure = null;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failure = err;
    }
  };
  const need = () => {
    tryOpen();
    if (!open) throw failure ?? new AppError('internal/unexpected', 'The desktop core is not ready.');
    return open;
  };

  tryOpen();
  const connectivity = new Connectivity({ serverUrl: config.serverUrl });
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
      register: (input) => need().session.register(input),
      signIn: (input) => need().session.signIn(input),
      signOut: () => need().session.signOut(),
    },
    stock: {
      list: (input) => {
        const { replica, session } = need();
        const current = session.current();
        if (!current) throw new AppError('auth/unauthenticated', 'Sign in to see stock.');
        return listStock(replica.db, { companyId: current.company.id, search: input.search });
      },
    },
    close: () => {
      connectivity.stop();
      open?.replica.close();
    },
  };
}
