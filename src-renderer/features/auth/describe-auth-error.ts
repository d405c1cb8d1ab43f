import { issuesByField, toAppError } from '../../app/app-error';
import type { FieldErrors } from './auth-validation';

export interface AuthErrorView<F extends string> {
  /** The sentence in the alert. */
  title: string;
  /** What to do about it, when there is something to say. */
  detail: string | null;
  fieldErrors: FieldErrors<F>;
  /** Where to put focus so the person can fix it straight away. */
  focus: F | null;
}

/** Turns a failed sign-in or registration into what the form shows. */
export function describeAuthError<F extends string>(err: unknown, fields: readonly F[], serverUrl: string | null): AuthErrorView<F> {
  const app = toAppError(err);
  const { byField, other } = issuesByField(app.issues, fields);
  const focus = fields.find((field) => byField[field] !== undefined) ?? null;
  switch (app.code) {
    case 'server/unreachable':
      return {
        title: serverUrl ? `The Atlas server at ${serverUrl} cannot be reached.` : 'The Atlas server cannot be reached.',
        detail: 'Check your network connection, or ask your administrator whether the server is running.',
        fieldErrors: {},
        focus: null,
      };
    case 'validation/invalid-input':
      return {
        title: focus ? 'Some details need fixing.' : app.message,
        detail: other.length > 0 ? other.join(' ') : null,
        fieldErrors: byField,
        focus,
      };
    case 'auth/invalid-credentials':
      return { title: app.message, detail: null, fieldErrors: {}, focus: pick(fields, 'password') };
    case 'auth/invitation-invalid':
      return { title: app.message, detail: 'Ask your administrator for a new invitation.', fieldErrors: byField, focus: pick(fields, 'token') };
    case 'auth/email-taken':
      return { title: app.message, detail: 'Sign in instead, or use a different work email.', fieldErrors: byField, focus: pick(fields, 'email') };
    default:
      return { title: app.message, detail: other.length > 0 ? other.join(' ') : null, fieldErrors: byField, focus };
  }
}

function pick<F extends string>(fields: readonly F[], name: string): F | null {
  return fields.find((field) => field === name) ?? null;
}
