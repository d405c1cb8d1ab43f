import { useState, type FormEvent } from 'react';
import { eraseMemberInput } from '../../../shared/auth/privacy-schemas';
import { toAppError } from '../../app/app-error';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { TextAreaField } from '../qa/text-area-field';

export interface ErasedMember {
  name: string;
  pseudonym: string;
}

/**
 * GDPR Art. 17 erasure, done by an administrator on the person's request. It cannot be undone.
 * Signed records and the audit trail stay — 21 CFR Part 11 (11.10(e)) requires them, and Art.
 * 17(3)(b) exempts what a legal obligation requires — with the person shown by a pseudonym.
 */
export function EraseMemberDialog({
  member,
  busy,
  error,
  onErase,
  onClose,
}: {
  member: { userId: string; name: string; email: string } | null;
  busy: boolean;
  error: unknown;
  onErase: (input: { userId: string; reason: string }) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  function close() {
    setReason('');
    setProblem(undefined);
    onClose();
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!member) return;
    const parsed = eraseMemberInput.safeParse({ userId: member.userId, reason });
    if (!parsed.success) {
      setProblem(parsed.error.issues.find((i) => i.path[0] === 'reason')?.message ?? 'Give the reason (e.g. the request reference).');
      return;
    }
    setProblem(undefined);
    if (!busy) onErase(parsed.data);
  }
  return (
    <Dialog open={member !== null} title={member ? `Erase the personal data of ${member.name}` : 'Erase personal data'} onClose={close}>
      {member ? (
        <form noValidate onSubmit={submit} className="flex flex-col gap-3 text-[13px]">
          <p>
            Use this when {member.name} ({member.email}) asks to be forgotten (GDPR Art. 17). Their name, email and phone are replaced by a pseudonym, they leave the company and can no longer sign in, and their sessions end at once. This cannot be undone.
          </p>
          <p>
            Records they signed and the audit trail are kept exactly as they are, including the name on their signatures: 21 CFR Part 11 requires these records to remain intact, and GDPR Art. 17(3)(b) exempts what a legal obligation requires. Elsewhere (team lists, new events) they appear under the pseudonym.
          </p>
          {error ? <Alert title="Nothing was erased">{toAppError(error).message}</Alert> : null}
          <TextAreaField
            label="Reason"
            autoFocus
            rows={2}
            description="Kept in the audit trail, e.g. the reference of the person’s request."
            value={reason}
            error={problem}
            onChange={(e) => {
              setReason(e.target.value);
              setProblem(undefined);
            }}
          />
          <div className="flex items-center gap-2">
            <Button type="submit" variant="primary" busy={busy}>
              Erase personal data
            </Button>
            <Button onClick={close}>Cancel</Button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
