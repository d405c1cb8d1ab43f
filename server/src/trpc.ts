import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import { AppError, isAppError, type ErrorCode, type SerializedError } from '../../shared/errors';
import { serializeError } from '../../shared/serialize-error';
import { toTRPCError } from '../../shared/trpc-errors';
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
    const app = toAppShape(error, ctx?.requestId);
    return { ...shape, message: app.message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, app } };
  },
});

// tRPC's own failures (unknown procedure, malformed request) have no AppError inside; give them
// the matching Atlas code instead of reporting them as unexpected.
const FROM_TRPC: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  NOT_FOUND: 'not-found',
  PARSE_ERROR: 'validation/invalid-input',
  BAD_REQUEST: 'validation/invalid-input',
  METHOD_NOT_SUPPORTED: 'validation/invalid-input',
  PAYLOAD_TOO_LARGE: 'validation/invalid-input',
  UNSUPPORTED_MEDIA_TYPE: 'validation/invalid-input',
  UNAUTHORIZED: 'auth/unauthenticated',
  FORBIDDEN: 'auth/forbidden',
};

function toAppShape(error: TRPCError, requestId: string | undefined): SerializedError {
  const { cause } = error;
  const mapped = FROM_TRPC[error.code];
  // A client mistake tRPC detected itself (unknown path, body that is not JSON): its message is
  // about the request, not our internals, so it is safe to show.
  if (mapped && !isAppError(cause) && !(cause instanceof ZodError)) return new AppError(mapped, error.message).toJSON();
  return serializeError(cause ?? error, (err, ref) => logUnexpected(err, ref, requestId));
}

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

