import { describe, expect, it } from 'vitest';
import { appErrorOf, isShellTokenRejected, issuesByField, toAppError } from './app-error';

const wrongPassword = { message: 'x', data: { code: 'UNAUTHORIZED', httpStatus: 401, app: { code: 'auth/invalid-credentials', message: 'Email or password is incorrect.' } } };

describe('toAppError', () => {
  it('returns the desktop router error as sent', () => {
    expect(toAppError(wrongPassword)).toEqual({ code: 'auth/invalid-credentials', message: 'Email or password is incorrect.' });
  });

  it('keeps well-formed issues and drops malformed ones', () => {
    const err = { data: { app: { code: 'validation/invalid-input', message: 'email: bad', issues: [{ path: 'email', message: 'bad' }, { path: 1 }] } } };
    expect(appErrorOf(err)).toEqual({ code: 'validation/invalid-input', message: 'email: bad', issues: [{ path: 'email', message: 'bad' }] });
  });

  it('ignores an unknown code', () => {
    expect(appErrorOf({ data: { app: { code: 'nope', message: 'm' } } })).toBeNull();
  });

  it('describes a rejected shell token', () => {
    const err = { meta: { response: { status: 401 } }, data: undefined };
    expect(toAppError(err).code).toBe('auth/token-invalid');
    expect(isShellTokenRejected(err)).toBe(true);
    expect(isShellTokenRejected(wrongPassword)).toBe(false);
  });

  it('recognises a bare 401 reported through the shell fetch wrapper', () => {
    expect(isShellTokenRejected({ message: 'x', cause: { name: 'ShellHttpError', status: 401 } })).toBe(true);
  });

  it('recognises a token-invalid Atlas error on app.status (which needs no user session)', () => {
    expect(isShellTokenRejected({ data: { path: 'app.status', httpStatus: 401, app: { code: 'auth/token-invalid', message: 'Bad token.' } } })).toBe(true);
    expect(isShellTokenRejected({ data: { path: 'stock.list', httpStatus: 401, app: { code: 'auth/token-invalid', message: 'Session expired.' } } })).toBe(false);
  });

  it('describes a shell that is not running, never with a stack', () => {
    const err = { message: 'Failed to fetch', cause: new TypeError('Failed to fetch'), stack: 'at x' };
    expect(toAppError(err).message).toMatch(/not responding/);
  });

  it('falls back to a generic sentence', () => {
    expect(toAppError({ meta: { response: { status: 404 } } }).message).toBe('Something went wrong. Please try again.');
    expect(toAppError({ meta: { response: { status: 502 } } }).message).toMatch(/HTTP 502/);
  });
});

describe('issuesByField', () => {
  it('puts each issue under its field and keeps the rest', () => {
    const issues = [
      { path: 'email', message: 'Enter a valid email address.' },
      { path: 'email', message: 'second' },
      { path: '(input)', message: 'General problem.' },
    ];
    expect(issuesByField(issues, ['email', 'password'] as const)).toEqual({ byField: { email: 'Enter a valid email address.' }, other: ['General problem.'] });
  });
});
