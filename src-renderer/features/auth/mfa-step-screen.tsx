import { useMutation } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { CheckboxField } from '../../components/checkbox-field';
import type { ServerState } from '../status/server-indicator';
import { AuthLayout } from './auth-layout';
import { CodeField } from './code-field';
import { LockoutAlert } from './lockout-alert';
import { lockoutOf, type Lockout } from './lockout';
import { codeProblem, normaliseCode, type CodeKind } from './mfa-code';
import { useCountdown } from './use-countdown';
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
  const codeRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<CodeKind>('totp');
  const [code, setCode] = useState('');
  const [trust, setTrust] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<string | undefined>();
  const [failure, setFailure] = useState<{ message: string; restart: boolean } | null>(null);
  const [lockout, setLockout] = useState<Lockout | null>(null);
  const secondsLeft = useCountdown(lockout?.until ?? null);
  const locked = lockout !== null && secondsLeft > 0;

  // When the wait is over, the field is usable again: put the cursor back in it.
  useEffect(() => {
    if (lockout && !locked) codeRef.current?.focus();
  }, [lockout, locked]);

  const problem = submitted ? codeProblem(kind, code) : undefined;

  function back() {
    cancel.mutate();
    onBack();
  }

  function switchKind() {
    setKind(kind === 'totp' ? 'backup' : 'totp');
    setCode('');
    setSubmitted(false);
    setServerError(undefined);
    setTimeout(() => codeRef.current?.focus(), 0);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (locked || verify.isPending) return;
    if (codeProblem(kind, code)) {
      codeRef.current?.focus();
      return;
    }
    setServerError(undefined);
    setFailure(null);
    try {
      const session = await verify.mutateAsync({ code: normaliseCode(kind, code), trustDevice: trust });
      await completeSignIn(session);
    } catch (err) {
      const app = toAppError(err);
      const lock = lockoutOf(err, Date.now());
      setCode('');
      // A fresh, empty field after the server's answer: its message, not "enter a code".
      setSubmitted(false);
      if (lock) setLockout(lock);
      else if (app.code === 'auth/mfa-invalid') setServerError(app.message);
      else setFailure({ message: app.message, restart: app.code === 'auth/mfa-token-invalid' });
      codeRef.current?.focus();
    }
  }

  const until = new Date(expiresAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return (
    <AuthLayout
      title="Two-step verification"
      subtitle={kind === 'totp' ? 'Enter the 6-digit code your authenticator app shows for Atlas.' : 'Enter one of the backup codes you saved when you set up two-step verification.'}
      server={server}
    >
      {lockout && locked ? <LockoutAlert lockout={lockout} secondsLeft={secondsLeft} /> : null}
      {failure ? (
        <Alert title={failure.restart ? 'Sign in again' : 'You are not signed in yet'} className="mb-4">
          {failure.message}
        </Alert>
      ) : null}
      <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3.5">
        <CodeField ref={codeRef} kind={kind} value={code} error={problem ?? serverError} autoFocus disabled={locked} onChange={(v) => { setCode(v); setServerError(undefined); }} />
        <CheckboxField
          label="Trust this computer for 30 days"
          description="No code is asked when you sign in on this computer for 30 days. Leave unticked on a shared computer."
          checked={trust}
          onChange={(e) => setTrust(e.target.checked)}
        />
        <Button type="submit" variant="primary" size="lg" busy={verify.isPending} disabled={locked || failure?.restart} className="mt-1 w-full">
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
