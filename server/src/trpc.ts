import { initTRPC } from '@trpc/server';
import { AppError, isAppError } from '../../shared/errors';
import { appErrorShape, toTRPCError } from '../../shared/trpc-errors';
import type { ServerContext } from './context';
import { logUnexpected } from './log';

/**
 * The server's tRPC instance, mirroring the desktop one (src-main/core/router/trpc.ts): every
 * error reaches the client as `{code, message, issues?}` in `error.data.app` — never a stack
 * trace or SQL (OWASP ASVS 7.4.1). Unexpected errors are logged here with a reference id.
 */
const t = initTRPC.context<ServerContext>().create({
  isServer: true,
  errorFormatter({ shape, error, ctx }) {
    const app = appErrorShape(error, (err, ref) => logUnexpected(err, ref, ctx?.requestId));
    return { ...shape, message: app.message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, app } };
  },
});

// Only AppErrors are re-thrown with their mapped tRPC code; anything else (a zod input error that
// tRPC already marked BAD_REQUEST, an unexpected crash) keeps the code tRPC gave it.
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) throw toTRPCError(result.error.cause);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(appErrors);

/** Requires a valid `Authorization: Bearer <access token>`; narrows `ctx.auth` to the claims. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.authError) throw ctx.authError;
  if (!ctx.auth) throw new AppError('auth/unauthenticated', 'Sign in to continue.');
  return next({ ctx: { auth: ctx.auth } });
});

