import { registerInput, signInInput } from '../../../shared/auth/schemas';
import { toFieldIssues } from '../../../shared/zod-issues';
import { issuesByField } from '../../app/app-error';
import { firstInvalid, type FieldErrors } from '../../components/use-form';

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
