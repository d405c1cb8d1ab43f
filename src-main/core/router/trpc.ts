import { initTRPC } from '@trpc/server';
import { isAppError } from '../../../shared/errors';
import { appErrorShape, toTRPCError } from '../../../shared/trpc-errors';
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
  errorFormatter({ shape, error }) {
    const app = appErrorShape(error, (err, ref) => console.error(`[atlas] unexpected error ref=${ref}`, err));
    return { ...shape, message: app.message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, app } };
  },
});

// An AppError thrown by the core gets the tRPC code matching its HTTP status (401, 409, 503…).
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) throw toTRPCError(result.error.cause);
  return result;
});

export const router = t.router;
export const procedure = t.procedure.use(appErrors);
