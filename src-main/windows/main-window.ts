import { join } from 'node:path';
import { BrowserWindow, session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';

/**
 * The one application window, locked down per Electron's security checklist: context isolation,
 * sandboxed renderer, no Node integration, a strict CSP on every response, no navigation away
 * from the bundled app, no new windows and no remote content.
 */
export function createMainWindow(preloadPath: string, rendererDir: string): BrowserWindow {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Atlas',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });

  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  const appUrl = devUrl ?? new URL(`file://${join(rendererDir, 'index.html')}`).href;
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(devUrl ?? 'file://')) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
  return window;
}
