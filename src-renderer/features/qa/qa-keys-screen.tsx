import { useMutation, useQuery } from '@tanstack/react-query';
import { ArrowLeft, KeyRound } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../../shared/auth/schemas';
import type { KeyLifecycle } from '../../../shared/qa/views';
import type { QaKey } from './qa-types';
import { toAppError } from '../../app/app-error';
import { screenHref } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { navigate } from '../../app/use-route';
import { Alert } from '../../components/alert';
import { Badge, type BadgeTone } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Field } from '../../components/field';
import { Screen } from '../../components/screen';
import { Cell, EmptyRow, HeaderCell, Row, Table } from '../../components/table';
import { Confirmation } from '../movements/form-bits';
import { LedgerStrip } from './ledger-strip';
import { QaPolicyCard } from './qa-policy-card';
import { formatUtc } from './qa-format';
import { passwordProblems, SigningPasswordForm } from './signing-password-form';
import { TextAreaField } from './text-area-field';
import { useQaAfterChange, useQaLedger } from './use-qa';

const KEY_STATES: Record<KeyLifecycle, { label: string; tone: BadgeTone; help: string }> = {
  pending: { label: 'Pending sync', tone: 'warn', help: 'Made on this computer; it is registered with the server at the next sync. You can already sign with it.' },
  active: { label: 'Active', tone: 'ok', help: 'Registered with the company; signatures made with it are verified against it.' },
  retired: { label: 'Retired', tone: 'neutral', help: 'Replaced by a newer key; it signs no more, and what it signed stays verifiable.' },
  revoked: { label: 'Revoked', tone: 'danger', help: 'Revoked (e.g. a lost computer); it signs no more. Signatures ledgered before the revocation stay valid.' },
};

export function KeyStateBadge({ state }: { state: KeyLifecycle }) {
  return <Badge tone={KEY_STATES[state].tone}>{KEY_STATES[state].label}</Badge>;
}

/**
 * The signing key (issue 5, Keys; 21 CFR 11.100, 11.200, 11.300): made on this computer, sealed
 * under a password only its owner knows, stored in the OS keychain; only the public key is
 * registered with the company. Rotate replaces it (old signatures stay valid); revoke is for a
 * lost or compromised computer.
 */
export function QaKeysScreen() {
  const trpc = useTRPC();
  const ledger = useQaLedger();
  const afterChange = useQaAfterChange();
  const mine = useQuery(trpc.qa.keyStatus.queryOptions());
  const keys = useQuery(trpc.qa.keys.queryOptions());
  const [done, setDone] = useState<string | null>(null);
  const my = mine.data;

  return (
    <Screen
      title="Signing key"
      subtitle="Your electronic-signature key for QA documents. It is created and kept on this computer; only its public half is registered with your company."
      actions={
        <Button variant="ghost" size="sm" icon={<ArrowLeft aria-hidden="true" className="size-3.5" />} onClick={() => navigate(screenHref('qa'))}>
          QA documents
        </Button>
      }
    >
      <LedgerStrip ledger={ledger.data} />
      {mine.isError ? <Alert title="Your key status could not be read">{toAppError(mine.error).message}</Alert> : null}
      <Confirmation>{done}</Confirmation>
      {my ? (
        my.hasKey && my.key ? (
          <MyKey keyView={my.key} onDone={async (m) => { setDone(m); await afterChange(); }} />
        ) : (
          <CreateKey onDone={async (m) => { setDone(m); await afterChange(); }} />
        )
      ) : null}
      <QaPolicyCard />
      <Card className="overflow-hidden">
        <h2 className="px-3 pt-3 pb-2 text-[14px] font-semibold">Company signing keys</h2>
        {keys.isError ? <Alert title="Keys could not be loaded">{toAppError(keys.error).message}</Alert> : null}
        <Table>
          <caption className="sr-only">Company signing keys</caption>
          <thead>
            <tr>
              <HeaderCell>Signer</HeaderCell>
              <HeaderCell>Key fingerprint</HeaderCell>
              <HeaderCell>State</HeaderCell>
              <HeaderCell>Registered (UTC)</HeaderCell>
              <HeaderCell>Revocation reason</HeaderCell>
            </tr>
          </thead>
          <tbody>
            {(keys.data ?? []).length === 0 && keys.isSuccess ? <EmptyRow colSpan={5}>No signing key registered in this company yet.</EmptyRow> : null}
            {(keys.data ?? []).map((k) => (
              <Row key={k.keyId}>
                <Cell className="font-medium">{k.printedName}</Cell>
                <Cell className="font-mono text-[12px]">{k.keyId}</Cell>
                <Cell>
                  <KeyStateBadge state={k.state} />
                </Cell>
                <Cell className="tabular-nums">{k.registeredAt ? formatUtc(k.registeredAt) : '—'}</Cell>
                <Cell className="whitespace-normal">{k.revokedReason ?? '—'}</Cell>
              </Row>
            ))}
          </tbody>
        </Table>
      </Card>
    </Screen>
  );
}

function CreateKey({ onDone }: { onDone: (message: string) => Promise<void> }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.qa.createKey.mutationOptions());
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const found = passwordProblems(password, confirm);
    if (found.password || found.confirm || create.isPending) return;
    try {
      await create.mutateAsync({ password });
      setPassword('');
      setConfirm('');
      await onDone('Your signing key was created on this computer. Its public key is registered with your company at the next sync.');
    } catch {
      // Shown below.
    }
  }
  return (
    <Card className="max-w-3xl p-4">
      <h2 className="mb-1 flex items-center gap-2 text-[14px] font-semibold">
        <KeyRound aria-hidden="true" className="size-4" /> You have no signing key on this computer
      </h2>
      <ul className="mb-3 list-disc space-y-0.5 pl-5 text-[13px] text-fg/90">
        <li>The key is created here and never leaves this computer: it is sealed under your signing password and kept in the system keychain.</li>
        <li>Your signing password is asked at every signature (21 CFR 11.200). Nobody, not even an administrator, can recover it.</li>
        <li>Choose a password different from your Atlas sign-in password, at least {PASSWORD_MIN_LENGTH} characters.</li>
      </ul>
      <SigningPasswordForm
        label="Signing password"
        password={password}
        confirm={confirm}
        onPasswordChange={setPassword}
        onConfirmChange={setConfirm}
        submitted={submitted}
        error={create.error}
        errorTitle="No key was created"
        busy={create.isPending}
        submitLabel="Create signing key"
        onSubmit={(e) => void submit(e)}
      />
    </Card>
  );
}

function MyKey({ keyView, onDone }: { keyView: QaKey; onDone: (message: string) => Promise<void> }) {
  const trpc = useTRPC();
  const [mode, setMode] = useState<'none' | 'rotate' | 'revoke'>('none');
  const rotate = useMutation(trpc.qa.rotateKey.mutationOptions());
  const revoke = useMutation(trpc.qa.revokeKey.mutationOptions());
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const state = KEY_STATES[keyView.state];

  async function submitRotate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const found = passwordProblems(newPassword, confirm);
    if (found.password || found.confirm || password === '' || rotate.isPending) return;
    try {
      await rotate.mutateAsync({ password, newPassword });
      setMode('none');
      await onDone('A new signing key replaces the old one. Records signed with the old key stay verifiable against it.');
    } catch {
      // Shown below.
    } finally {
      setPassword('');
      setNewPassword('');
      setConfirm('');
    }
  }
  async function submitRevoke(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (reason.trim() === '' || revoke.isPending) return;
    try {
      await revoke.mutateAsync({ keyId: keyView.keyId, reason: reason.trim() });
      setMode('none');
      await onDone('Your key is revoked. Create a new one to sign again.');
    } catch {
      // Shown below.
    }
  }

  return (
    <Card className="max-w-3xl p-4">
      <h2 className="mb-2 flex items-center gap-2 text-[14px] font-semibold">
        <KeyRound aria-hidden="true" className="size-4" /> Your signing key
      </h2>
      <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1 text-[13px]">
        <dt className="text-muted">Fingerprint</dt>
        <dd className="font-mono text-[12.5px]" data-testid="my-key-fingerprint">
          {keyView.keyId}
        </dd>
        <dt className="text-muted">State</dt>
        <dd className="flex items-center gap-2">
          <KeyStateBadge state={keyView.state} />
          <span className="text-[12.5px] text-muted">{state.help}</span>
        </dd>
        <dt className="text-muted">Registered</dt>
        <dd>{keyView.registeredAt ? formatUtc(keyView.registeredAt) : 'Not yet (pending sync)'}</dd>
      </dl>
      <p className="mt-2 text-[12.5px] text-muted">Your signing password is asked at every signature. The key never leaves this computer.</p>
      {keyView.state === 'active' || keyView.state === 'pending' ? (
        <div className="mt-3 flex gap-2">
          <Button size="sm" onClick={() => setMode(mode === 'rotate' ? 'none' : 'rotate')}>
            Rotate key
          </Button>
          <Button size="sm" onClick={() => setMode(mode === 'revoke' ? 'none' : 'revoke')}>
            Revoke key
          </Button>
        </div>
      ) : null}
      {mode === 'rotate' ? (
        <SigningPasswordForm
          label="New signing password"
          password={newPassword}
          confirm={confirm}
          onPasswordChange={setNewPassword}
          onConfirmChange={setConfirm}
          submitted={submitted}
          error={rotate.error}
          errorTitle="The key was not rotated"
          busy={rotate.isPending}
          submitLabel="Create replacement key"
          onSubmit={(e) => void submitRotate(e)}
          className="mt-3"
        >
          <Field label="Current signing password" type="password" autoComplete="off" className="col-span-2" value={password} error={submitted && password === '' ? 'Enter your current signing password.' : undefined} onChange={(e) => setPassword(e.target.value)} />
        </SigningPasswordForm>
      ) : null}
      {mode === 'revoke' ? (
        <form noValidate onSubmit={(e) => void submitRevoke(e)} className="mt-3 flex max-w-xl flex-col gap-3">
          {revoke.error ? <Alert title="The key was not revoked">{toAppError(revoke.error).message}</Alert> : null}
          <TextAreaField label="Reason for revoking" rows={2} placeholder="Laptop lost on 12 Mar" value={reason} error={submitted && reason.trim() === '' ? 'Give the reason; it is kept in the ledger.' : undefined} onChange={(e) => setReason(e.target.value)} />
          <div>
            <Button type="submit" variant="primary" busy={revoke.isPending}>
              Revoke key
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
