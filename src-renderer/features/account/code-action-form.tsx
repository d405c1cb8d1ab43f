import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { CodeField } from '../auth/code-field';
import { LockoutAlert } from '../auth/lockout-alert';
import { useCodeEntry } from '../auth/use-code-entry';

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
  const entry = useCodeEntry('totp');
  const { lockout, locked, failure } = entry;

  return (
    <form noValidate onSubmit={(e) => void entry.submit(e, busy, onSubmit)} className="mt-3 flex max-w-md flex-col gap-3 rounded-md border border-line bg-surface-2/60 p-3">
      <p className="text-[13px]">{intro}</p>
      {lockout && locked ? <LockoutAlert lockout={lockout} secondsLeft={entry.secondsLeft} /> : null}
      {failure ? <Alert title="Nothing was changed">{failure.message}</Alert> : null}
      <CodeField {...entry.field} label="Current 6-digit code" autoFocus />
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
