import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import type { ServerState } from '../status/server-indicator';
import { AuthErrorAlert } from './auth-error-alert';
import { AuthLayout } from './auth-layout';
import { SIGN_IN_FIELDS, validateSignIn, type SignInField } from './auth-validation';
import { describeAuthError, type AuthErrorView } from './describe-auth-error';
import { useSessionMutations } from './use-session-mutations';
import { useForm } from '../../components/use-form';

export function SignInScreen({ server, onRegister }: { server: ServerState | null; onRegister: () => void }) {
  const form = useForm(SIGN_IN_FIELDS, { email: '', password: '' }, validateSignIn);
  const [failure, setFailure] = useState<AuthErrorView<SignInField> | null>(null);
  const { signInOptions } = useSessionMutations();
  const signIn = useMutation(
    signInOptions({
      onError(err) {
        const view = describeAuthError(err, SIGN_IN_FIELDS, server?.url ?? null);
        setFailure(view);
        form.setServerErrors(view.fieldErrors);
        if (view.focus) form.focus(view.focus);
      },
    }),
  );

  const submit = form.handleSubmit((values) => {
    if (signIn.isPending) return;
    setFailure(null);
    signIn.mutate(values);
  });

  return (
    <AuthLayout title="Sign in to Atlas" subtitle="Use the work email and password of your Atlas account." server={server}>
      <AuthErrorAlert view={failure} />
      <form noValidate onSubmit={submit} className="flex flex-col gap-3.5">
        <Field
          ref={form.register('email')}
          label="Email"
          type="email"
          autoComplete="username"
          autoFocus
          inputMode="email"
          spellCheck={false}
          value={form.values.email}
          error={form.errors.email}
          onChange={(e) => form.setValue('email', e.target.value)}
        />
        <Field
          ref={form.register('password')}
          label="Password"
          type="password"
          autoComplete="current-password"
          value={form.values.password}
          error={form.errors.password}
          onChange={(e) => form.setValue('password', e.target.value)}
        />
        <Button type="submit" variant="primary" size="lg" busy={signIn.isPending} className="mt-1 w-full">
          Sign in
        </Button>
      </form>
      <div className="mt-5 border-t border-line pt-4 text-center text-[13px] text-muted">
        New to Atlas?{' '}
        <Button variant="link" onClick={onRegister}>
          Register a new company
        </Button>
      </div>
    </AuthLayout>
  );
}
