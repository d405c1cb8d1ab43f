import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RouterOutputs } from '../../app/router-types';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { CheckboxField } from '../../components/checkbox-field';
import { Spinner } from '../../components/spinner';
import { CodeField } from './code-field';
import { LockoutAlert } from './lockout-alert';
import { lockoutOf, type Lockout } from './lockout';
import { codeProblem, groupSecret, normaliseCode, svgDataUrl } from './mfa-code';
import { useCountdown } from './use-countdown';

export type EnrolConfirmed = RouterOutputs['session']['mfaEnrolConfirm'];

export interface MfaEnrolPanelProps {
  /** Offer "Trust this computer" (only when the enrolment finishes a sign-in). */
  trustChoice: boolean;
  onConfirmed: (result: EnrolConfirmed) => void;
  onCancel?: () => void;
}

/**
 * TOTP enrolment (RFC 6238): scan the QR code of the otpauth URI, or type the key, then prove it
 * works with a first code. The secret stays only on this screen and in the authenticator app;
 * the desktop does not keep it.
 */
export function MfaEnrolPanel({ trustChoice, onConfirmed, onCancel }: MfaEnrolPanelProps) {
  const trpc = useTRPC();
  const begin = useMutation(trpc.session.mfaEnrolBegin.mutationOptions());
  const confirm = useMutation(trpc.session.mfaEnrolConfirm.mutationOptions());
  const started = useRef(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [trust, setTrust] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<string | undefined>();
  const [lockout, setLockout] = useState<Lockout | null>(null);
  const secondsLeft = useCountdown(lockout?.until ?? null);
  const locked = lockout !== null && secondsLeft > 0;

  useEffect(() => {
    // Once per screen, even under StrictMode's double effects: each call makes a new secret.
    if (started.current) return;
    started.current = true;
    begin.mutate();
  }, [begin]);

  const problem = submitted ? codeProblem('totp', code) : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (codeProblem('totp', code) || confirm.isPending || locked) {
      codeRef.current?.focus();
      return;
    }
    setServerError(undefined);
    try {
      onConfirmed(await confirm.mutateAsync({ code: normaliseCode('totp', code), trustDevice: trustChoice && trust }));
    } catch (err) {
      const lock = lockoutOf(err, Date.now());
      if (lock) setLockout(lock);
      else if (toAppError(err).code === 'auth/mfa-invalid') setServerError(`${toAppError(err).message} Check that your phone's clock is set automatically, then type the code shown now.`);
      setCode('');
      // A fresh, empty field after the server's answer: its message, not "enter a code".
      setSubmitted(false);
      codeRef.current?.focus();
    }
  }

  if (begin.isError) {
    return (
      <Alert title="Two-step verification could not be started">
        {toAppError(begin.error).message}
        {onCancel ? (
          <div className="mt-2">
            <Button size="sm" onClick={onCancel}>
              Back
            </Button>
          </div>
        ) : null}
      </Alert>
    );
  }
  if (!begin.data) {
    return (
      <p className="flex items-center gap-2 text-[13px] text-muted" role="status">
        <Spinner /> Preparing a new key…
      </p>
    );
  }
  const enrolment = begin.data;
  const otherError = confirm.error && !lockoutOf(confirm.error, 0) && toAppError(confirm.error).code !== 'auth/mfa-invalid' ? toAppError(confirm.error).message : null;

  return (
    <div className="flex flex-col gap-4">
      {lockout && locked ? <LockoutAlert lockout={lockout} secondsLeft={secondsLeft} /> : null}
      {otherError ? <Alert title="Two-step verification was not turned on">{otherError}</Alert> : null}
      <ol className="flex flex-col gap-4 text-[13px]">
        <li>
          <p className="font-medium">1. Scan this QR code with your authenticator app</p>
          <img
            src={svgDataUrl(enrolment.qrSvg)}
            alt="QR code to add Atlas to your authenticator app"
            data-testid="mfa-qr"
            width={184}
            height={184}
            className="mt-2 rounded-md border border-line bg-white p-2"
          />
        </li>
        <li>
          <p className="font-medium">…or type this key into the app</p>
          <p className="text-muted">Choose “time-based”. The spaces do not matter.</p>
          <p className="mt-1.5 rounded-md border border-line bg-surface-2 px-3 py-2 font-mono text-[14px] tracking-wider break-all select-all" data-testid="mfa-secret" aria-label="Key for manual entry">
            {groupSecret(enrolment.secret)}
          </p>
        </li>
        <li>
          <p className="mb-2 font-medium">2. Enter the code the app shows to confirm</p>
          <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3">
            <CodeField ref={codeRef} kind="totp" value={code} error={problem ?? serverError} disabled={locked} onChange={(v) => { setCode(v); setServerError(undefined); }} />
            {trustChoice ? (
              <CheckboxField
                label="Trust this computer for 30 days"
                description="No code is asked on this computer for 30 days. Leave unticked on a shared computer."
                checked={trust}
                onChange={(e) => setTrust(e.target.checked)}
              />
            ) : null}
            <div className="flex flex-wrap gap-2">
              <Button type="submit" variant="primary" busy={confirm.isPending} disabled={locked}>
                Turn on two-step verification
              </Button>
              {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}
