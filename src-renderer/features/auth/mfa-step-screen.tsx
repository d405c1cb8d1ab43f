import { useMutation } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { CheckboxField } from '../../components/checkbox-field';
import type { ServerState } from '../status/server-indicator';
import { AuthLayout } from './auth-layout';
import { CodeField } from './code-field';
import { LockoutAlert } from './lockout-alert';
import type { CodeKind } from './mfa-code';
import { useCodeEntry } from './use-code-entry';
import { useSessionMutations } from './use-session-mutations';

/**
 * The second step of a sign-in (RFC 6238): a code from the authenticator app or a backup code,
 * and the choice to trust this computer for 30 days. After 5 wrong codes in 5 minutes the
 * server locks the step; the person is told how long to wait, counted down here.
 */
export function MfaStepScreen({ server, expiresAt, onBack }: { server: ServerState | null; expiresAt: string; onBack: () => void }) {
  const trpc = useTRPC();
  const { completeSignIn } = useSessionMutations();
  const verify = useMutation(trpc.session.verifyMfa.mutationOptions());
  const cancel = useMutation(trpc.session.cancelSignIn.mutationOptions());
  const [kind, setKind] = useState<CodeKind>('totp');
  const entry = useCodeEntry(kind);
  const { lockout, locked, failure } = entry;
  const codeRef = entry.field.ref;
  const [trust, setTrust] = useState(false);
  // An expired or unknown MFA step cannot be retried: the password step comes first again.
  const restart = failure?.code === 'auth/mfa-token-invalid';

  // When the wait is over, the field is usable again: put the cursor back in it.
  useEffect(() => {
    if (lockout && !locked) codeRef.current?.focus();
  }, [lockout, locked, codeRef]);

  function back() {
    cancel.mutate();
    onBack();
  }

  function switchKind() {
    setKind(kind === 'totp' ? 'backup' : 'totp');
    entry.clear();
    setTimeout(() => codeRef.current?.focus(), 0);
  }

  async function send(code: string) {
    const session = await verify.mutateAsync({ code, trustDevice: trust });
    await completeSignIn(session);
  }

  const until = new Date(expiresAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return (
    <AuthLayout
      title="Two-step verification"
      subtitle={kind === 'totp' ? 'Enter the 6-digit code your authenticator app shows for Atlas.' : 'Enter one of the backup codes you saved when you set up two-step verification.'}
      server={server}
    >
      {lockout && locked ? <LockoutAlert lockout={lockout} secondsLeft={entry.secondsLeft} /> : null}
      {failure ? (
        <Alert title={restart ? 'Sign in again' : 'You are not signed in yet'} className="mb-4">
          {failure.message}
        </Alert>
      ) : null}
      <form noValidate onSubmit={(e) => void entry.submit(e, verify.isPending, send)} className="flex flex-col gap-3.5">
        <CodeField {...entry.field} autoFocus />
        <CheckboxField
          label="Trust this computer for 30 days"
          description="No code is asked when you sign in on this computer for 30 days. Leave unticked on a shared computer."
          checked={trust}
          onChange={(e) => setTrust(e.target.checked)}
        />
        <Button type="submit" variant="primary" size="lg" busy={verify.isPending} disabled={locked || restart} className="mt-1 w-full">
          Verify
        </Button>
      </form>
      <div className="mt-4 flex flex-col items-center gap-2 border-t border-line pt-4 text-[13px]">
        <Button variant="link" onClick={switchKind}>
          {kind === 'totp' ? 'Use a backup code instead' : 'Use the code from my authenticator app'}
        </Button>
        <Button variant="link" icon={<ArrowLeft aria-hidden="true" className="size-3.5" />} onClick={back}>
          Back to sign in
        </Button>
        <p className="text-[12px] text-muted">This step stays open until {until}.</p>
      </div>
    </AuthLayout>
  );
}
