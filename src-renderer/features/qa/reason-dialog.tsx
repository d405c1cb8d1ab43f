import { useState, type FormEvent } from 'react';
import { toAppError } from '../../app/app-error';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { TextAreaField } from './text-area-field';

/**
 * Amend or void: both create a new version (nothing is overwritten) and both need the reason,
 * which the audit trail keeps with the change (Annex 11 §9).
 */
export function ReasonDialog({
  open,
  title,
  explanation,
  action,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  explanation: string;
  action: string;
  busy: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  function close() {
    setReason('');
    setMissing(false);
    onClose();
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    onSubmit(reason.trim());
  }
  return (
    <Dialog open={open} title={title} onClose={close}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3 text-[13px]">
        <p>{explanation}</p>
        {error ? <Alert title={`${action} failed`}>{toAppError(error).message}</Alert> : null}
        <TextAreaField label="Reason" autoFocus rows={2} value={reason} error={missing ? 'Give the reason; it is kept in the audit trail.' : undefined} onChange={(e) => setReason(e.target.value)} />
        <div className="flex items-center gap-2">
          <Button type="submit" variant="primary" busy={busy}>
            {action}
          </Button>
          <Button onClick={close}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
}
