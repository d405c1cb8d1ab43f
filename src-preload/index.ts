// The preload exposes the tRPC IPC bridge and, for drag-and-drop imports, the path of a dropped
// file (nothing else: no hand-named channels, no file access from the page).
import { contextBridge, webUtils } from 'electron';
import { exposeElectronTRPC } from 'trpc-electron/main';

/**
 * `window.atlasFiles`: since Electron 32 `File.path` is gone and only the preload can ask for a
 * dropped file's path (webUtils.getPathForFile). '' when the File did not come from disk.
 */
export interface AtlasFiles {
  pathFor(file: File): string;
}

const atlasFiles: AtlasFiles = { pathFor: (file) => webUtils.getPathForFile(file) };

process.once('loaded', () => {
  exposeElectronTRPC();
  contextBridge.exposeInMainWorld('atlasFiles', atlasFiles);
});
