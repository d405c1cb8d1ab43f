import { useRef, useState, type FormEvent } from 'react';
import { toAppError } from '../../app/app-error';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { CodeField } from '../auth/code-field';
import { LockoutAlert } from '../auth/lockout-alert';
import { lockoutOf, type Lockout } from '../auth/lockout';
import { codeProblem, normaliseCode } from '../auth/mfa-code';
import { useCountdown } from '../auth/use-countdown';

export interface CodeActionFormProps {
  /** Why a code is asked, above the field. */
  intro: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (code: string) => Promise<void>;
  onCancel: () => void;
}

/**
 * A change to the second factor itself (turn off, new backup codes) asks for a current code
 * first (OWASP ASVS 5.0 6.4: re-authentication before authenticator changes).
 */
export function CodeActionForm({ intro, submitLabel, busy, onSubmit, onCancel }: CodeActionFormProps) {
  const codeRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [other, setOther] = useState<string | null>(null);
  const [lockout, setLockout] = useState<Lockout | null>(null);
  const secondsLeft = useCountdown(lockout?.until ?? null);
  const locked = lockout !== null && secondsLeft > 0;
  const problem = submitted ? codeProblem('totp', code) : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (busy || locked) return;
    if (codeProblem('totp', code)) {
      codeRef.current?.focus();
      return;
    }
    setError(undefined);
    setOther(null);
    try {
      await onSubmit(normaliseCode('totp', code));
    } catch (err) {
      const app = toAppError(err);
      const lock = lockoutOf(err, Date.now());
      setCode('');
      // A fresh, empty field after the server's answer: its message, not "enter a code".
      setSubmitted(false);
      if (lock) setLockout(lock);
      else if (app.code === 'auth/mfa-invalid') setError(app.message);
      else setOther(app.message);
      codeRef.current?.focus();
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="mt-3 flex max-w-md flex-col gap-3 rounded-md border border-line bg-surface-2/60 p-3">
      <p className="text-[13px]">{intro}</p>
      {lockout && locked ? <LockoutAlert lockout={lockout} secondsLeft={secondsLeft} /> : null}
      {other ? <Alert title="Nothing was changed">{other}</Alert> : null}
      <CodeField ref={codeRef} kind="totp" label="Current 6-digit code" autoFocus value={code} error={problem ?? error} disabled={locked} onChange={(v) => { setCode(v); setError(undefined); }} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" busy={busy} disabled={locked}>
          {submitLabel}
        </Button>
        <Button size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
