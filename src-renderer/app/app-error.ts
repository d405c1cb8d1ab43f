import type { ErrorCode, FieldIssue, SerializedError } from '../../shared/errors';
import { isErrorCode } from '../../shared/errors';

/**
 * Turns whatever a tRPC call rejected with into the wire error `{code, message, issues?}`.
 * The desktop router puts it in `error.data.app`; anything else (the shell not running, a proxy
 * page, a rejected token) becomes a plain sentence here, so the screens never show a stack.
 * Duck-typed rather than `instanceof TRPCClientError` so it stays pure and testable.
 */
export function toAppError(err: unknown): SerializedError {
  const app = appErrorOf(err);
  if (app) return app;
  const status = httpStatusOf(err);
  if (status === 401 || status === 403) {
    return { code: 'auth/token-invalid', message: 'This page’s access token was not accepted by the Atlas shell.' };
  }
  if (isNetworkFailure(err)) {
    return { code: 'internal/unexpected', message: 'Atlas is not responding. If you started it with npm start, check that it is still running.' };
  }
  if (status !== null && status >= 500) {
    return { code: 'internal/unexpected', message: `Atlas answered with an unexpected error (HTTP ${status}). Please try again; if it keeps happening, restart Atlas.` };
  }
  return { code: 'internal/unexpected', message: 'Something went wrong. Please try again.' };
}

/** The `error.data.app` the desktop router's error formatter adds, if it is well formed. */
export function appErrorOf(err: unknown): SerializedError | null {
  const data = field(err, 'data');
  const app = field(data, 'app');
  const code = field(app, 'code');
  const message = field(app, 'message');
  if (!isErrorCode(code) || typeof message !== 'string') return null;
  const issues = toIssues(field(app, 'issues'));
  const out: SerializedError = issues.length > 0 ? { code, message, issues } : { code, message };
  // A lockout or rate limit says when to try again; the screens count it down.
  const retryAfterSeconds = field(app, 'retryAfterSeconds');
  if (typeof retryAfterSeconds === 'number' && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0) out.retryAfterSeconds = retryAfterSeconds;
  return out;
}

/** The HTTP status of a failed browser-shell call (from the response, or the error shape). */
export function httpStatusOf(err: unknown): number | null {
  // From the Response (JSON replies), the error shape, or the shell fetch wrapper's ShellHttpError.
  const status = field(field(field(err, 'meta'), 'response'), 'status') ?? field(field(err, 'data'), 'httpStatus') ?? field(field(err, 'cause'), 'status');
  return typeof status === 'number' ? status : null;
}

/**
 * True when the browser shell rejected the per-launch token (e.g. a tab reloaded after a
 * restart of `npm start`), as opposed to an Atlas error that merely has a 401 status.
 */
export function isShellTokenRejected(err: unknown): boolean {
  const app = appErrorOf(err);
  return app === null ? httpStatusOf(err) === 401 : app.code === 'auth/token-invalid' && field(field(err, 'data'), 'path') === 'app.status';
}

export function hasCode(err: unknown, code: ErrorCode): boolean {
  return appErrorOf(err)?.code === code;
}

/** Splits issues into those a form shows under a field and the rest (shown in the alert). */
export function issuesByField<F extends string>(issues: readonly FieldIssue[] | undefined, fields: readonly F[]): { byField: Partial<Record<F, string>>; other: string[] } {
  const byField: Partial<Record<F, string>> = {};
  const other: string[] = [];
  for (const issue of issues ?? []) {
    const name = fields.find((f) => f === issue.path);
    if (name !== undefined && byField[name] === undefined) byField[name] = issue.message;
    else if (name === undefined) other.push(issue.message);
  }
  return { byField, other };
}

function isNetworkFailure(err: unknown): boolean {
  const cause = field(err, 'cause');
  const message = field(err, 'message');
  return err instanceof TypeError || cause instanceof TypeError || (typeof message === 'string' && /failed to fetch|networkerror|load failed/i.test(message));
}

function toIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const path = field(item, 'path');
    const message = field(item, 'message');
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}
