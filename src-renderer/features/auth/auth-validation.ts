import { acceptInviteInput } from '../../../shared/auth/mfa-schemas';
import { registerInput, signInInput } from '../../../shared/auth/schemas';
import { toFieldIssues } from '../../../shared/zod-issues';
import { issuesByField } from '../../app/app-error';
import { firstInvalid, type FieldErrors } from '../../components/use-form';
import { parsePastedInvite } from './invite-link';

/**
 * Early, client-side feedback with the very schemas the server validates with (the server
 * checks again; this only saves a round trip and names the field at once).
 */
export { firstInvalid, type FieldErrors };

export const SIGN_IN_FIELDS = ['email', 'password'] as const;
export type SignInField = (typeof SIGN_IN_FIELDS)[number];
export type SignInValues = Record<SignInField, string>;

export const REGISTER_FIELDS = ['companyName', 'name', 'email', 'password', 'confirmPassword'] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];
export type RegisterValues = Record<RegisterField, string>;

export const ACCEPT_INVITE_FIELDS = ['token', 'name', 'password', 'confirmPassword'] as const;
export type AcceptInviteField = (typeof ACCEPT_INVITE_FIELDS)[number];
export type AcceptInviteValues = Record<AcceptInviteField, string>;

export function validateSignIn(values: SignInValues): FieldErrors<SignInField> {
  const result = signInInput.safeParse(values);
  return result.success ? {} : issuesByField(toFieldIssues(result.error), SIGN_IN_FIELDS).byField;
}

export function validateRegister(values: RegisterValues): FieldErrors<RegisterField> {
  const { confirmPassword, ...input } = values;
  const result = registerInput.safeParse(input);
  const errors: FieldErrors<RegisterField> = result.success ? {} : issuesByField(toFieldIssues(result.error), REGISTER_FIELDS).byField;
  if (confirmPassword === '') errors.confirmPassword = 'Enter the password again.';
  else if (confirmPassword !== values.password) errors.confirmPassword = 'The passwords do not match.';
  return errors;
}

/** The token field takes the bare token or the whole invite link (whatever the admin sent). */
export function validateAcceptInvite(values: AcceptInviteValues): FieldErrors<AcceptInviteField> {
  const errors: FieldErrors<AcceptInviteField> = {};
  const token = parsePastedInvite(values.token).token;
  const result = acceptInviteInput.safeParse({ token, name: values.name, password: values.password });
  if (!result.success) Object.assign(errors, issuesByField(toFieldIssues(result.error), ACCEPT_INVITE_FIELDS).byField);
  if (token === '') errors.token = 'Paste the invitation link or token your administrator sent you.';
  else if (errors.token) errors.token = 'This does not look like a whole invitation token. Paste the complete link or token.';
  if (values.confirmPassword === '') errors.confirmPassword = 'Enter the password again.';
  else if (values.confirmPassword !== values.password) errors.confirmPassword = 'The passwords do not match.';
  return errors;
}
