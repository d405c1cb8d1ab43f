import { useMutation } from '@tanstack/react-query';
import { PASSWORD_MIN_LENGTH } from '../../../shared/auth/schemas';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import type { ServerState } from '../status/server-indicator';
import { AuthErrorAlert } from './auth-error-alert';
import { AuthLayout } from './auth-layout';
import { ACCEPT_INVITE_FIELDS, validateAcceptInvite } from './auth-validation';
import { BackToSignIn } from './back-to-sign-in';
import { isForOtherServer, parsePastedInvite } from './invite-link';
import { useAuthForm } from './use-auth-form';
import { useSessionMutations, type SignInChallenge } from './use-session-mutations';

const EMPTY = { token: '', name: '', password: '', confirmPassword: '' };

/**
 * Joins a company with the invitation an administrator passed on (the link or the bare token),
 * choosing a name and a password. The server checks the password against common ones (NIST SP
 * 800-63B §3.1.1.2) and says so beside the field. Then it is a sign-in like any other: straight
 * in, or the MFA enrolment step when the company requires two-step verification.
 */
export function AcceptInviteScreen({ server, onBack, onChallenge }: { server: ServerState | null; onBack: () => void; onChallenge: (challenge: SignInChallenge) => void }) {
  const { form, failure, clearFailure, onError } = useAuthForm(ACCEPT_INVITE_FIELDS, EMPTY, validateAcceptInvite, server);
  const { acceptInviteOptions } = useSessionMutations();
  const accept = useMutation(acceptInviteOptions({ onError, onChallenge }));
  const pasted = parsePastedInvite(form.values.token);
  const otherServer = isForOtherServer(pasted, server?.url ?? null);

  const submit = form.handleSubmit(({ token, name, password }) => {
    if (accept.isPending) return;
    clearFailure();
    accept.mutate({ token: parsePastedInvite(token).token, name, password });
  });

  return (
    <AuthLayout title="Join your company on Atlas" subtitle="Paste the invitation your administrator sent you, then choose your name as colleagues should see it and a password." server={server} wide>
      <AuthErrorAlert view={failure} />
      {otherServer && pasted.server ? (
        <Alert tone="info" title="This invitation is for another Atlas server" className="mb-4">
          The link names {pasted.server}, but this computer uses {server?.url}. Ask your administrator which server to use.
        </Alert>
      ) : null}
      <form noValidate onSubmit={submit} className="flex flex-col gap-3.5">
        <Field
          label="Invitation link or token"
          autoComplete="off"
          autoFocus
          spellCheck={false}
          description="Paste the whole link (atlas://invite?…) or just the token. It can be used once, until the date your administrator gave you."
          {...form.bind('token')}
        />
        <Field label="Your full name" autoComplete="name" {...form.bind('name')} />
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters. A phrase of several unrelated words is easy to remember and hard to guess; common passwords are refused.`}
          {...form.bind('password')}
        />
        <Field label="Confirm password" type="password" autoComplete="new-password" {...form.bind('confirmPassword')} />
        <Button type="submit" variant="primary" size="lg" busy={accept.isPending} className="mt-1 w-full">
          Join and sign in
        </Button>
      </form>
      <BackToSignIn onBack={onBack} busy={accept.isPending} />
    </AuthLayout>
  );
}
