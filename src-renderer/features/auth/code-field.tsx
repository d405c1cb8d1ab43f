import { forwardRef } from 'react';
import { Field } from '../../components/field';
import type { CodeKind } from './mfa-code';

export interface CodeFieldProps {
  kind: CodeKind;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  label?: string;
  autoFocus?: boolean;
  disabled?: boolean;
}

/**
 * The one-time code input: digits keypad and the platform's one-time-code autofill for TOTP,
 * plain text for a backup code. Not a password field: codes are short-lived and people must
 * see what they typed from their phone.
 */
export const CodeField = forwardRef<HTMLInputElement, CodeFieldProps>(function CodeField({ kind, value, error, onChange, label, autoFocus, disabled }, ref) {
  const totp = kind === 'totp';
  return (
    <Field
      ref={ref}
      label={label ?? (totp ? '6-digit code' : 'Backup code')}
      description={totp ? 'From your authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…).' : 'One of the 10 codes you saved when you set up two-step verification. Each works once.'}
      inputMode={totp ? 'numeric' : 'text'}
      autoComplete={totp ? 'one-time-code' : 'off'}
      spellCheck={false}
      autoCapitalize="off"
      maxLength={totp ? 7 : 9}
      placeholder={totp ? '123456' : 'abcd-2345'}
      autoFocus={autoFocus}
      disabled={disabled}
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value)}
    />
  );
});
