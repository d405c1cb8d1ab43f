import { useMutation } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/auth/schemas';
import { issuesByField, toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Field } from '../../components/field';
import { Confirmation } from '../movements/form-bits';

type Problems = { currentPassword?: string; newPassword?: string; confirm?: string };

/** NIST SP 800-63B §3.1.1.2: length, not composition rules; the server checks again. */
export function passwordChangeProblems(current: string, next: string, confirm: string): Problems {
  const out: Problems = {};
  if (current === '') out.currentPassword = 'Enter your current password.';
  if (next.length < PASSWORD_MIN_LENGTH) out.newPassword = `Use at least ${PASSWORD_MIN_LENGTH} characters; a few words make a good one.`;
  else if (next.length > PASSWORD_MAX_LENGTH) out.newPassword = `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  else if (next === current) out.newPassword = 'Choose a password different from the current one.';
  if (confirm !== next) out.confirm = 'The two new passwords differ.';
  return out;
}

export function PasswordCard() {
  const trpc = useTRPC();
  const change = useMutation(trpc.session.changePassword.mutationOptions());
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<Problems>({});
  const problems = { ...serverProblems, ...(submitted ? passwordChangeProblems(current, next, confirm) : {}) };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    setDone(null);
    const found = passwordChangeProblems(current, next, confirm);
    if (Object.keys(found).length > 0 || change.isPending) return;
    setServerProblems({});
    try {
      await change.mutateAsync({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setSubmitted(false);
      setDone('Your password is changed. Other computers signed in as you must sign in again.');
    } catch (err) {
      const app = toAppError(err);
      const byField = issuesByField(app.issues, ['currentPassword', 'newPassword'] as const).byField;
      setServerProblems(app.code === 'auth/invalid-credentials' ? { currentPassword: app.message } : byField);
    }
  }

  const otherError = change.error && toAppError(change.error).code !== 'auth/invalid-credentials' && !toAppError(change.error).issues ? toAppError(change.error).message : null;
  return (
    <Card className="p-4">
      <h2 className="mb-2 flex items-center gap-2 text-[14px] font-semibold">
        <KeyRound aria-hidden="true" className="size-4" /> Password
      </h2>
      <Confirmation>{done}</Confirmation>
      {otherError ? <Alert title="The password was not changed" className="mb-2">{otherError}</Alert> : null}
      <form noValidate onSubmit={(e) => void submit(e)} className="grid max-w-xl grid-cols-2 gap-3">
        <Field label="Current password" type="password" autoComplete="current-password" className="col-span-2" value={current} error={problems.currentPassword} onChange={(e) => setCurrent(e.target.value)} />
        <Field label="New password" type="password" autoComplete="new-password" description={`At least ${PASSWORD_MIN_LENGTH} characters.`} value={next} error={problems.newPassword} onChange={(e) => setNext(e.target.value)} />
        <Field label="Confirm new password" type="password" autoComplete="new-password" value={confirm} error={problems.confirm} onChange={(e) => setConfirm(e.target.value)} />
        <div className="col-span-2">
          <Button type="submit" variant="primary" size="sm" busy={change.isPending}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}
