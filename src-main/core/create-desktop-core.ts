import { join } from 'node:path';
import { AppError, type SerializedError } from '../../shared/errors';
import type { DesktopConfig } from './config';
import type { AppStatus, DesktopCore } from './desktop-core';
import { OsKeychain } from './keystore/os-keychain';
import type { KeyStore } from './keystore/key-store';
import { openReplica, REPLICA_CIPHER_LABEL, type Replica } from './replica/open-replica';
import { SessionManager } from './session/session-manager';
import { listStock } from './stock/stock-query';
import { Connectivity } from './sync/connectivity';

export interface CreateDesktopCoreOptions {
  config: DesktopConfig;
  shell: AppStatus['shell'];
  /** Tests pass a keychain with its own service name; the app always uses the OS keychain. */
  keyStore?: KeyStore & { probe?: () => void };
  migrationsFolder?: string;
}

export interface RunningDesktopCore extends DesktopCore {
  close(): void;
}

/**
 * Assembles the desktop core. Start-up failures (no keychain, replica key missing or wrong)
 * do not crash the app: they are reported by `status()` so the renderer can explain them,
 * and every call that needs the replica fails with the same error.
 */
export function createDesktopCore(options: CreateDesktopCoreOptions): RunningDesktopCore {
  const { config } = options;
  const keyStore = options.keyStore ?? new OsKeychain(config.keychainService);
  const replicaPath = join(config.dataDir, 'replica.db');
  let keychainError: SerializedError | null = null;
  let replicaError: AppError | null = null;
  let replica: Replica | null = null;

  try {
    keyStore.probe?.();
  } catch (err) {
    keychainError = err instanceof AppError ? err.toJSON() : { code: 'keychain/unavailable', message: String(err) };
    replicaError = err instanceof AppError ? err : new AppError('keychain/unavailable', String(err));
  }
  if (!replicaError) {
    try {
      replica = openReplica({ file: replicaPath, keyStore, migrationsFolder: options.migrationsFolder });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      replicaError = err;
    }
  }

  const connectivity = new Connectivity({ serverUrl: config.serverUrl });
  connectivity.start();
  const session = replica ? new SessionManager({ serverUrl: config.serverUrl, db: replica.db, keyStore }) : null;

  const need = <T>(value: T | null): T => {
    if (value === null) throw replicaError ?? new AppError('internal/unexpected', 'The desktop core is not ready.');
    return value;
  };

  return {
    status: () => ({
      shell: options.shell,
      keychain: { available: keychainError === null, backend: keyStore.backend, error: keychainError },
      replica: { open: replica !== null, path: replicaPath, cipher: REPLICA_CIPHER_LABEL, error: replicaError?.toJSON() ?? null },
      server: { url: config.serverUrl, ...connectivity.current },
    }),
    session: {
      current: () => need(session).current(),
      register: (input) => need(session).register(input),
      signIn: (input) => need(session).signIn(input),
      signOut: () => need(session).signOut(),
    },
    stock: {
      list: (input) => {
        const current = need(session).current();
        if (!current) throw new AppError('auth/unauthenticated', 'Sign in to see stock.');
        return listStock(need(replica).db, { companyId: current.company.id, search: input.search });
      },
    },
    close: () => {
      connectivity.stop();
      replica?.close();
    },
  };
}
