import { useMutation } from '@tanstack/react-query';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import type { ServerState } from '../status/server-indicator';
import { AuthErrorAlert } from './auth-error-alert';
import { AuthLayout } from './auth-layout';
import { SIGN_IN_FIELDS, validateSignIn } from './auth-validation';
import { useAuthForm } from './use-auth-form';
import { useSessionMutations, type SignInChallenge } from './use-session-mutations';

export function SignInScreen({
  server,
  onRegister,
  onInvite,
  onChallenge,
}: {
  server: ServerState | null;
  onRegister: () => void;
  onInvite: () => void;
  onChallenge: (challenge: SignInChallenge) => void;
}) {
  const { form, failure, clearFailure, onError } = useAuthForm(SIGN_IN_FIELDS, { email: '', password: '' }, validateSignIn, server);
  const { signInOptions } = useSessionMutations();
  const signIn = useMutation(signInOptions({ onError, onChallenge }));

  const submit = form.handleSubmit((values) => {
    if (signIn.isPending) return;
    clearFailure();
    signIn.mutate(values);
  });

  return (
    <AuthLayout title="Sign in to Atlas" subtitle="Use the work email and password of your Atlas account." server={server}>
      <AuthErrorAlert view={failure} />
      <form noValidate onSubmit={submit} className="flex flex-col gap-3.5">
        <Field label="Email" type="email" autoComplete="username" autoFocus inputMode="email" spellCheck={false} {...form.bind('email')} />
        <Field label="Password" type="password" autoComplete="current-password" {...form.bind('password')} />
        <Button type="submit" variant="primary" size="lg" busy={signIn.isPending} className="mt-1 w-full">
          Sign in
        </Button>
      </form>
      <div className="mt-5 flex flex-col gap-1.5 border-t border-line pt-4 text-center text-[13px] text-muted">
        <p>
          Have an invitation?{' '}
          <Button variant="link" onClick={onInvite}>
            Join your company
          </Button>
        </p>
        <p>
          New to Atlas?{' '}
          <Button variant="link" onClick={onRegister}>
            Register a new company
          </Button>
        </p>
      </div>
    </AuthLayout>
  );
}
