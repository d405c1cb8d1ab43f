import { initTRPC } from '@trpc/server';
import { AppError } from '../../shared/errors';
import { formatAppError, rethrowAppErrors } from '../../shared/trpc-errors';
import type { ServerContext } from './context';
import { logUnexpected } from './log';

/**
 * The server's tRPC instance, mirroring the desktop one (src-main/core/router/trpc.ts): every
 * error reaches the client as `{code, message, issues?}` in `error.data.app` — never a stack
 * trace or SQL (OWASP ASVS 7.4.1). Unexpected errors are logged here with a reference id.
 */
const t = initTRPC.context<ServerContext>().create({
  isServer: true,
  errorFormatter: ({ shape, error, ctx }) => formatAppError(shape, error, (err, ref) => logUnexpected(err, ref, ctx?.requestId)),
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(t.middleware(rethrowAppErrors));

/** Requires a valid `Authorization: Bearer <access token>`; narrows `ctx.auth` to the claims. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.authError) throw ctx.authError;
  if (!ctx.auth) throw new AppError('auth/unauthenticated', 'Sign in to continue.');
  return next({ ctx: { auth: ctx.auth } });
});

