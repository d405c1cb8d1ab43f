import type { ErrorCode, SerializedError } from '../errors';

/**
 * The outcome of parsing a code someone typed or scanned. A bad code is an expected outcome,
 * not an exception, so it is returned with the wire shape of an AppError (`{code, message}`)
 * and a caller can show it, put it in JSON, or throw `new AppError(code, message)`.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): { ok: false; error: SerializedError } {
  return { ok: false, error: { code, message } };
}
