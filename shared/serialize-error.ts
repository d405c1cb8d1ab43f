import { ZodError } from 'zod';
import { AppError, isAppError, type SerializedError } from './errors';
import { toFieldIssues } from './zod-issues';

/**
 * Turns any thrown value into the wire shape `{code, message, issues?}`. Expected errors keep
 * their code and message; zod errors name each field; anything else is reported by the caller's
 * `onUnexpected` (which logs it with a reference id) and leaves only that reference — never a
 * stack trace or SQL (OWASP ASVS 7.4.1).
 */
export function serializeError(err: unknown, onUnexpected: (err: unknown, ref: string) => void): SerializedError {
  if (isAppError(err)) return err.toJSON();
  if (err instanceof ZodError) {
    return new AppError('validation/invalid-input', describeIssues(err), { issues: toFieldIssues(err) }).toJSON();
  }
  const ref = randomRef();
  onUnexpected(err, ref);
  return { code: 'internal/unexpected', message: `Something went wrong (reference ${ref}).` };
}

function describeIssues(err: ZodError): string {
  const first = toFieldIssues(err)[0];
  return first ? `${first.path}: ${first.message}` : 'The input is not valid.';
}

function randomRef(): string {
  const bytes = new Uint8Array(5);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
