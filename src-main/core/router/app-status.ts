import { procedure, router } from './trpc';

export const appStatusRouter = router({
  /** Keychain, replica and server state for the status bar and the start-up error screen. */
  status: procedure.query(({ ctx }) => ctx.core.status()),
});
