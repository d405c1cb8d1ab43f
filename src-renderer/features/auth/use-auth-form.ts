import { useState } from 'react';
import { useForm, type FieldErrors, type Form } from '../../components/use-form';
import type { ServerState } from '../status/server-indicator';
import { describeAuthError, type AuthErrorView } from './describe-auth-error';

export interface AuthForm<F extends string> {
  form: Form<F>;
  /** What the alert above the form shows; null when there is nothing to say. */
  failure: AuthErrorView<F> | null;
  clearFailure: () => void;
  /** For the mutation: the alert, the field errors, and focus on the field to fix. */
  onError: (err: unknown) => void;
}

/** The form of the sign-in and register screens, and what they show when the desktop core says no. */
export function useAuthForm<F extends string>(fields: readonly F[], initial: Record<F, string>, validate: (values: Record<F, string>) => FieldErrors<F>, server: ServerState | null): AuthForm<F> {
  const form = useForm(fields, initial, validate);
  const [failure, setFailure] = useState<AuthErrorView<F> | null>(null);
  return {
    form,
    failure,
    clearFailure: () => setFailure(null),
    onError: (err) => {
      const view = describeAuthError(err, fields, server?.url ?? null);
      setFailure(view);
      form.setServerErrors(view.fieldErrors);
      if (view.focus) form.focus(view.focus);
    },
  };
}
