// The preload exposes the tRPC IPC bridge and nothing else (no hand-named channels).
import { exposeElectronTRPC } from 'trpc-electron/main';

process.once('loaded', () => {
  exposeElectronTRPC();
});
