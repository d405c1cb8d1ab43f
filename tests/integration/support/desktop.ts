import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, unstable_localLink } from '@trpc/client';
import { loadDesktopConfig } from '../../../src-main/core/config';
import { createDesktopCore, type RunningDesktopCore } from '../../../src-main/core/create-desktop-core';
import { OsKeychain } from '../../../src-main/core/keystore/os-keychain';
import { replicaKeyName } from '../../../src-main/core/replica/open-replica';
import { desktopRouter, type DesktopRouter } from '../../../src-main/core/router';

let counter = 0;

/**
 * A desktop terminal for tests: its own data directory and keychain service, the real desktop
 * core, and a tRPC client over the desktop router as the renderer uses it.
 */
export class TestDesktop {
  readonly dir = mkdtempSync(join(tmpdir(), 'atlas-terminal-'));
  readonly service = `atlas-test-terminal-${process.pid}-${++counter}`;
  core: RunningDesktopCore;
  readonly api;

  constructor(
    readonly serverUrl: string,
    private readonly runtime: { fetch?: typeof fetch; now?: () => Date; autoSync?: boolean; importPreviewRows?: number } = {},
  ) {
    this.core = this.open();
    this.api = createTRPCClient<DesktopRouter>({ links: [unstable_localLink({ router: desktopRouter, createContext: async () => ({ core: this.core }) })] });
  }

  /** Closes and reopens the core on the same replica, as an app restart (or a crash) does. */
  restart(): void {
    this.core.close();
    this.core = this.open();
  }

  dispose(): void {
    this.core.close();
    const keys = new OsKeychain(this.service);
    keys.delete(replicaKeyName(join(this.dir, 'replica.db')));
    keys.delete(`refresh-token:${this.serverUrl}`);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private open(): RunningDesktopCore {
    const config = loadDesktopConfig({}, { serverUrl: this.serverUrl, dataDir: this.dir, keychainService: this.service, ...(this.runtime.importPreviewRows ? { importPreviewRows: this.runtime.importPreviewRows } : {}) });
    return createDesktopCore({ config, shell: 'browser', autoSync: this.runtime.autoSync ?? false, runtime: this.runtime });
  }
}
