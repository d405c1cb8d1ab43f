import type { FormEvent, ReactNode } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../../shared/auth/schemas';
import { toAppError } from '../../app/app-error';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { Field } from '../../components/field';

/** Client-side checks of a new signing password (the core checks again). */
export function passwordProblems(password: string, confirm: string): { password?: string; confirm?: string } {
  const out: { password?: string; confirm?: string } = {};
  if (password.length < PASSWORD_MIN_LENGTH) out.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (confirm !== password) out.confirm = 'The two passwords differ.';
  return out;
}

export interface SigningPasswordFormProps {
  /** The new password's label, e.g. "Signing password"; its confirmation is "Confirm signing password". */
  label: string;
  password: string;
  confirm: string;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  /** Problems with the new password show once the form has been submitted. */
  submitted: boolean;
  /** The last attempt's error, shown above the fields under `errorTitle`. */
  error: unknown;
  errorTitle: string;
  busy: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  className?: string;
  /** Fields before the new password (a replacement key asks for the current one first). */
  children?: ReactNode;
}

/**
 * The form that makes a signing key (the first one, or a replacement): the new signing password is
 * typed twice because nobody, not even an administrator, can recover a mistyped one.
 */
export function SigningPasswordForm({ label, password, confirm, onPasswordChange, onConfirmChange, submitted, error, errorTitle, busy, submitLabel, onSubmit, className, children }: SigningPasswordFormProps) {
  const problems = submitted ? passwordProblems(password, confirm) : {};
  const confirmLabel = `Confirm ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  return (
    <form noValidate onSubmit={onSubmit} className={cx(className, 'grid max-w-xl grid-cols-2 gap-3')}>
      {error ? (
        <div className="col-span-2">
          <Alert title={errorTitle}>{toAppError(error).message}</Alert>
        </div>
      ) : null}
      {children}
      <Field label={label} type="password" autoComplete="new-password" value={password} error={problems.password} onChange={(e) => onPasswordChange(e.target.value)} />
      <Field label={confirmLabel} type="password" autoComplete="new-password" value={confirm} error={problems.confirm} onChange={(e) => onConfirmChange(e.target.value)} />
      <div className="col-span-2">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
