import { router } from './trpc';
import { accountRouter } from './account';
import { adminRouter } from './admin';
import { appStatusRouter } from './app-status';
import { importsRouter } from './imports';
import { qaRouter } from './qa';
import { sessionRouter } from './session';
import { stockRouter } from './stock';
import { syncRouter } from './sync';

/** The router the renderer calls, over Electron IPC or the browser shell's HTTP link. */
export const desktopRouter = router({
  account: accountRouter,
  admin: adminRouter,
  app: appStatusRouter,
  imports: importsRouter,
  qa: qaRouter,
  session: sessionRouter,
  stock: stockRouter,
  sync: syncRouter,
});

export type DesktopRouter = typeof desktopRouter;
