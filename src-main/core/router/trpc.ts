import { initTRPC } from '@trpc/server';
import { formatAppError, rethrowAppErrors } from '../../../shared/trpc-errors';
import type { DesktopCore } from '../desktop-core';

export interface DesktopContext {
  core: DesktopCore;
}

/**
 * The desktop router's tRPC instance. Errors reach the renderer as `{code, message, issues?}`
 * in `error.data.app`; an unexpected error is logged here and shown with a reference id only.
 */
const t = initTRPC.context<DesktopContext>().create({
  isServer: true,
  errorFormatter: ({ shape, error }) => formatAppError(shape, error, (err, ref) => console.error(`[atlas] unexpected error ref=${ref}`, err)),
});

export const router = t.router;
export const procedure = t.procedure.use(t.middleware(rethrowAppErrors));
