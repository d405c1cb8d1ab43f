import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import { AppError, isAppError, type ErrorCode, type SerializedError } from './errors';
import { serializeError } from './serialize-error';

const BY_STATUS: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'UNPROCESSABLE_CONTENT',
  429: 'TOO_MANY_REQUESTS',
  499: 'CLIENT_CLOSED_REQUEST',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Gives an AppError the matching tRPC code (so HTTP status and client retry logic are right)
 * while keeping the AppError as `cause` for the error formatter. Used by a middleware on both
 * the server's and the desktop's routers.
 */
export function toTRPCError(err: AppError): TRPCError {
  return new TRPCError({ code: BY_STATUS[err.httpStatus] ?? 'INTERNAL_SERVER_ERROR', message: err.message, cause: err });
}

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

/**
 * The `{code, message, issues?}` a tRPC error formatter puts in `error.data.app` — on the server
 * and on the desktop alike — never a stack trace or SQL (OWASP ASVS 7.4.1).
 */
export function appErrorShape(error: TRPCError, onUnexpected: (err: unknown, ref: string) => void): SerializedError {
  const { cause } = error;
  const mapped = FROM_TRPC[error.code];
  // A client mistake tRPC detected itself (unknown path, body that is not JSON): its message is
  // about the request, not our internals, so it is safe to show.
  if (mapped && !isAppError(cause) && !(cause instanceof ZodError)) return new AppError(mapped, error.message).toJSON();
  return serializeError(cause ?? error, onUnexpected);
}

/** What both routers' error formatters return: tRPC's shape without the stack, plus `data.app`. */
export function formatAppError<S extends { message: string; data: { code: string; httpStatus: number; path?: string } }>(
  shape: S,
  error: TRPCError,
  onUnexpected: (err: unknown, ref: string) => void,
) {
  const app = appErrorShape(error, onUnexpected);
  return { ...shape, message: app.message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, app } };
}

/**
 * Middleware body for both routers: an AppError gets the tRPC code matching its HTTP status
 * (401, 409, 422, 503…); anything else (a zod input error tRPC already marked BAD_REQUEST, an
 * unexpected crash) keeps the code tRPC gave it.
 */
export async function rethrowAppErrors<R extends { ok: boolean; error?: { cause?: unknown } }>({ next }: { next: () => Promise<R> }): Promise<R> {
  const result = await next();
  if (!result.ok && isAppError(result.error?.cause)) throw toTRPCError(result.error.cause);
  return result;
}
