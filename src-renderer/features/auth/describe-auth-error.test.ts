import { describe, expect, it } from 'vitest';
import { describeAuthError } from './describe-auth-error';

const fields = ['email', 'password'] as const;
const appError = (app: object) => ({ data: { app } });

describe('describeAuthError', () => {
  it('shows the server message for a wrong password and focuses the password', () => {
    const view = describeAuthError(appError({ code: 'auth/invalid-credentials', message: 'Email or password is incorrect.' }), fields, null);
    expect(view).toEqual({ title: 'Email or password is incorrect.', detail: null, fieldErrors: {}, focus: 'password' });
  });

  it('names the server that cannot be reached', () => {
    const view = describeAuthError(appError({ code: 'server/unreachable', message: 'fetch failed' }), fields, 'https://atlas.example.com');
    expect(view.title).toBe('The Atlas server at https://atlas.example.com cannot be reached.');
    expect(view.detail).toMatch(/network/);
  });

  it('puts issues under their fields', () => {
    const view = describeAuthError(
      appError({ code: 'validation/invalid-input', message: 'email: bad', issues: [{ path: 'email', message: 'Enter a valid email address.' }] }),
      fields,
      null,
    );
    expect(view.fieldErrors).toEqual({ email: 'Enter a valid email address.' });
    expect(view.focus).toBe('email');
  });

  it('never shows a stack for an unknown failure', () => {
    const view = describeAuthError(new Error('boom\n    at x'), fields, null);
    expect(view.title).toBe('Something went wrong. Please try again.');
  });
});
