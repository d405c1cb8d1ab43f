import { useMutation } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { MEANING_LABELS, type SignatureMeaning } from '../../../shared/qa/signature';
import type { QaDocument } from './qa-types';
import { toAppError } from '../../app/app-error';
import { QA_KEYS_HREF } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { TextAreaField } from './text-area-field';
import { formatUtc, MEANING_ACTION } from './qa-format';
import { useQaAfterChange } from './use-qa';

export interface SignTarget {
  meaning: SignatureMeaning;
}

function useNow(active: boolean): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    if (!active) return undefined;
    setNow(new Date().toISOString());
    const timer = setInterval(() => setNow(new Date().toISOString()), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * Signing one version: the dialog shows the exact manifestation that will be bound to the record
 * (21 CFR 11.50: printed name, date and time, meaning) before anything is signed, and asks for the
 * signing password every time (11.200(a)(1)(ii)); the key is opened with it on this computer and
 * never leaves it. A rejection needs its reason.
 */
export function SignDialog({ doc, target, printedName, hasKey, onClose, onSigned }: { doc: QaDocument; target: SignTarget | null; printedName: string; hasKey: boolean; onClose: () => void; onSigned: (message: string) => void }) {
  const trpc = useTRPC();
  const afterChange = useQaAfterChange();
  const open = target !== null;
  const now = useNow(open);
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; password?: string }>({});
  const sign = useMutation(trpc.qa.sign.mutationOptions());
  const meaning = target?.meaning ?? 'authored';
  const record = doc.current.record;

  function close() {
    setReason('');
    setPassword('');
    setErrors({});
    sign.reset();
    onClose();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sign.isPending) return;
    const found: { reason?: string; password?: string } = {};
    if (meaning === 'rejected' && reason.trim() === '') found.reason = 'Give the reason for the rejection.';
    if (password === '') found.password = 'Enter your signing password.';
    setErrors(found);
    if (found.reason || found.password) return;
    try {
      const result = await sign.mutateAsync({ documentId: doc.documentId, version: record.version, meaning, reason: reason.trim() === '' ? null : reason.trim(), password });
      setPassword('');
      await afterChange();
      const pending = result.current.signatures.some((s) => s.seq === null);
      onSigned(`Signed version ${record.version} as “${MEANING_LABELS[meaning]}”.${pending ? ' It is marked “Pending sync” until the company ledger accepts it.' : ''}`);
      close();
    } catch {
      setPassword('');
    }
  }

  return (
    <Dialog open={open} title={meaning === 'rejected' ? 'Reject this version' : `Sign: ${MEANING_LABELS[meaning]}`} onClose={close}>
      {!hasKey ? (
        <div className="flex flex-col gap-3 text-[13px]">
          <Alert title="You have no signing key on this computer">
            Create your signing key first; it is made and kept on this computer, protected by a signing password.
          </Alert>
          <a href={QA_KEYS_HREF} onClick={close} className="inline-flex items-center gap-1.5 font-medium text-accent hover:underline">
            <KeyRound aria-hidden="true" className="size-4" /> Create a signing key
          </a>
        </div>
      ) : (
        <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3 text-[13px]">
          <section aria-label="Manifestation to be signed" className="rounded-md border border-line bg-surface-2 p-3">
            <p className="mb-1.5 text-[11.5px] font-semibold tracking-wide text-muted uppercase">You are signing</p>
            <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1">
              <dt className="text-muted">Record</dt>
              <dd className="font-medium">
                {record.title} — version {record.version}
              </dd>
              <dt className="text-muted">Printed name</dt>
              <dd className="font-semibold" data-testid="manifestation-name">
                {printedName}
              </dd>
              <dt className="text-muted">Meaning</dt>
              <dd className="font-semibold" data-testid="manifestation-meaning">
                {MEANING_LABELS[meaning]}
              </dd>
              <dt className="text-muted">Date and time</dt>
              <dd className="tabular-nums">
                {formatUtc(now)} <span className="text-muted">(taken when you press Sign)</span>
              </dd>
              <dt className="text-muted">Record hash</dt>
              <dd className="font-mono text-[11.5px] break-all">{doc.current.recordHash}</dd>
            </dl>
          </section>
          {sign.error ? <Alert title="Not signed">{toAppError(sign.error).message}</Alert> : null}
          <TextAreaField
            label={meaning === 'rejected' ? 'Reason for the rejection' : 'Reason (optional)'}
            rows={2}
            value={reason}
            error={errors.reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Field
            label="Signing password"
            type="password"
            autoFocus
            autoComplete="off"
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.target.value)}
            description="Your signing password is asked at every signature (21 CFR 11.200). It opens your key on this computer and is never sent anywhere."
          />
          <div className="flex items-center gap-2 pt-1">
            <Button type="submit" variant="primary" busy={sign.isPending}>
              {MEANING_ACTION[meaning]}
            </Button>
            <Button onClick={close}>Cancel</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
