import { createCallerFactory, router } from '../trpc';
import { authRouter } from './auth';
import { syncRouter } from './sync';

/** The server's API: one sub-router per domain. Clients import only the type. */
export const appRouter = router({
  auth: authRouter,
  sync: syncRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
