import type { BrowserWindow } from 'electron';
import { createIPCHandler } from 'trpc-electron/main';
import type { DesktopCore } from '../core/desktop-core';
import { desktopRouter } from '../core/router';

/** Serves the desktop router over Electron IPC (the preload exposes the bridge); one handler, many windows. */
export function installIpc(core: DesktopCore): { attach(window: BrowserWindow): void } {
  const handler = createIPCHandler({ router: desktopRouter, windows: [], createContext: async () => ({ core }) });
  return { attach: (window) => handler.attachWindow(window) };
}
