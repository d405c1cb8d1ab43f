import { useMutation } from '@tanstack/react-query';
import { PASSWORD_MIN_LENGTH } from '../../../shared/auth/schemas';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import type { ServerState } from '../status/server-indicator';
import { AuthErrorAlert } from './auth-error-alert';
import { AuthLayout } from './auth-layout';
import { REGISTER_FIELDS, validateRegister } from './auth-validation';
import { BackToSignIn } from './back-to-sign-in';
import { useAuthForm } from './use-auth-form';
import { useSessionMutations } from './use-session-mutations';

const EMPTY = { companyName: '', name: '', email: '', password: '', confirmPassword: '' };

/** Creates a company and its first user (an administrator), then signs that user in. */
export function RegisterScreen({ server, onBack }: { server: ServerState | null; onBack: () => void }) {
  const { form, failure, clearFailure, onError } = useAuthForm(REGISTER_FIELDS, EMPTY, validateRegister, server);
  const { registerOptions } = useSessionMutations();
  const register = useMutation(registerOptions({ onError }));

  const submit = form.handleSubmit(({ confirmPassword: _confirm, ...input }) => {
    if (register.isPending) return;
    clearFailure();
    register.mutate(input);
  });

  return (
    <AuthLayout title="Register your company" subtitle="Create your company’s Atlas account. You become its administrator and can invite colleagues later." server={server}>
      <AuthErrorAlert view={failure} />
      <form noValidate onSubmit={submit} className="flex flex-col gap-3.5">
        <Field label="Company name" autoComplete="organization" autoFocus {...form.bind('companyName')} />
        <Field label="Your full name" autoComplete="name" {...form.bind('name')} />
        <Field label="Work email" type="email" inputMode="email" autoComplete="email" spellCheck={false} {...form.bind('email')} />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters. A phrase of several words is easy to remember and hard to guess.`}
          {...form.bind('password')}
        />
        <Field label="Confirm password" type="password" autoComplete="new-password" {...form.bind('confirmPassword')} />
        <Button type="submit" variant="primary" size="lg" busy={register.isPending} className="mt-1 w-full">
          Create company account
        </Button>
      </form>
      <BackToSignIn onBack={onBack} busy={register.isPending} />
    </AuthLayout>
  );
}
