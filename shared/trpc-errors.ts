import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { isAppError } from './errors';

const BY_STATUS: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Gives an AppError the matching tRPC code (so HTTP status and client retry logic are right)
 * while keeping the AppError as `cause` for the error formatter. Used as a middleware on both
 * the server's and the desktop's routers.
 */
export function toTRPCError(err: unknown): unknown {
  if (!isAppError(err)) return err;
  return new TRPCError({ code: BY_STATUS[err.httpStatus] ?? 'INTERNAL_SERVER_ERROR', message: err.message, cause: err });
}
