import { useRef, useState, type FormEvent, type RefObject } from 'react';
import type { SerializedError } from '../../../shared/errors';
import { toAppError } from '../../app/app-error';
import type { CodeFieldProps } from './code-field';
import { lockoutOf, type Lockout } from './lockout';
import { codeProblem, normaliseCode, type CodeKind } from './mfa-code';
import { useCountdown } from './use-countdown';

export interface CodeEntry {
  /** Spread onto `<CodeField>`: value, error, kind, lockout-disabled, and the ref focus returns to. */
  field: CodeFieldProps & { ref: RefObject<HTMLInputElement | null> };
  /** The server's lockout (too many wrong codes, or the rate limit); kept after it runs out. */
  lockout: Lockout | null;
  secondsLeft: number;
  /** True while the lockout runs: the field and the submit button are disabled. */
  locked: boolean;
  /** A refusal that is not about the code itself (an expired step, the server gone), for the alert above. */
  failure: SerializedError | null;
  /** Back to an empty field with no message, e.g. when switching between app code and backup code. */
  clear: () => void;
  /**
   * The form's submit: checks the code's shape, then hands the tidied code to `send`. A wrong code
   * goes under the field, a lockout starts the countdown, anything else becomes `failure`.
   */
  submit: (event: FormEvent<HTMLFormElement>, busy: boolean, send: (code: string) => Promise<void>) => Promise<void>;
}

/**
 * Typing a one-time code (RFC 6238) where the server may lock the step after 5 wrong codes in
 * 5 minutes: the sign-in step and the re-authentication before a change to the second factor.
 */
export function useCodeEntry(kind: CodeKind): CodeEntry {
  const codeRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<string | undefined>();
  const [failure, setFailure] = useState<SerializedError | null>(null);
  const [lockout, setLockout] = useState<Lockout | null>(null);
  const secondsLeft = useCountdown(lockout?.until ?? null);
  const locked = lockout !== null && secondsLeft > 0;
  const problem = submitted ? codeProblem(kind, code) : undefined;

  async function submit(event: FormEvent<HTMLFormElement>, busy: boolean, send: (code: string) => Promise<void>) {
    event.preventDefault();
    setSubmitted(true);
    if (locked || busy) return;
    if (codeProblem(kind, code)) {
      codeRef.current?.focus();
      return;
    }
    setServerError(undefined);
    setFailure(null);
    try {
      await send(normaliseCode(kind, code));
    } catch (err) {
      const app = toAppError(err);
      const lock = lockoutOf(err, Date.now());
      setCode('');
      // A fresh, empty field after the server's answer: its message, not "enter a code".
      setSubmitted(false);
      if (lock) setLockout(lock);
      else if (app.code === 'auth/mfa-invalid') setServerError(app.message);
      else setFailure(app);
      codeRef.current?.focus();
    }
  }

  function clear() {
    setCode('');
    setSubmitted(false);
    setServerError(undefined);
  }

  const field = {
    ref: codeRef,
    kind,
    value: code,
    error: problem ?? serverError,
    disabled: locked,
    onChange: (value: string) => {
      setCode(value);
      setServerError(undefined);
    },
  };
  return { field, lockout, secondsLeft, locked, failure, clear, submit };
}
