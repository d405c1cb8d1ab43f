import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { loadDesktopConfig } from './core/config';
import { createDesktopCore, type RunningDesktopCore } from './core/create-desktop-core';
import { installIpc } from './ipc/install-ipc';
import { createMainWindow } from './windows/main-window';

// Electron app lifecycle only: everything else lives in ./core and runs under plain Node too.
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let core: RunningDesktopCore | null = null;
let ipc: ReturnType<typeof installIpc> | null = null;

function openWindow(): void {
  ipc?.attach(createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), join(import.meta.dirname, '../renderer')));
}

void app.whenReady().then(() => {
  core = createDesktopCore({
    config: loadDesktopConfig(),
    shell: 'electron',
    migrationsFolder: join(app.getAppPath(), 'src-main/db/migrations'),
  });
  ipc = installIpc(core);
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
});

app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => core?.close());
