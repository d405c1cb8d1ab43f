import { createCallerFactory, router } from '../trpc';
import { auditRouter } from './audit';
import { authRouter } from './auth';
import { companyRouter } from './company';
import { importsRouter } from './imports';
import { qaRouter } from './qa';
import { syncRouter } from './sync';

/** The server's API: one sub-router per domain. Clients import only the type. */
export const appRouter = router({
  audit: auditRouter,
  auth: authRouter,
  company: companyRouter,
  imports: importsRouter,
  qa: qaRouter,
  sync: syncRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
