import { useMutation, useQuery } from '@tanstack/react-query';
import { Copy, MailPlus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { emailSchema, roleSchema, type Role } from '../../../shared/auth/schemas';
import { issuesByField, toAppError } from '../../app/app-error';
import { roleLabel } from '../../app/role-label';
import type { RouterOutputs } from '../../app/router-types';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Field } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { ActionsHeaderCell, Cell, EmptyRow, HeaderCell, Row, Table } from '../../components/table';
import { formatWhen } from '../account/format-when';
import { inviteLink } from '../auth/invite-link';

type Invitation = RouterOutputs['admin']['invitations'][number];
type Invited = RouterOutputs['admin']['invite'];

/** Invitations: the token is shown once to the admin (no e-mail is sent from Atlas yet); the server keeps only its hash. */
export function InviteCard({ serverUrl, onChanged }: { serverUrl: string; onChanged: () => Promise<void> }) {
  const trpc = useTRPC();
  const invitations = useQuery(trpc.admin.invitations.queryOptions());
  const invite = useMutation(trpc.admin.invite.mutationOptions({ onSuccess: onChanged }));
  const revoke = useMutation(trpc.admin.revokeInvitation.mutationOptions({ onSuccess: onChanged }));
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('warehouse');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [invited, setInvited] = useState<Invited | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) {
      setEmailError(parsed.error.issues[0]?.message ?? 'Enter a valid email address.');
      return;
    }
    setEmailError(undefined);
    if (invite.isPending) return;
    try {
      setInvited(await invite.mutateAsync({ email: parsed.data, role }));
      setEmail('');
    } catch (err) {
      setEmailError(issuesByField(toAppError(err).issues, ['email'] as const).byField.email);
    }
  }

  const pending = (invitations.data ?? []).filter((i) => !i.acceptedAt && !i.revokedAt && Date.parse(i.expiresAt) > Date.now());
  return (
    <Card className="overflow-hidden">
      <h2 className="flex items-center gap-2 px-4 pt-3 pb-2 text-[14px] font-semibold">
        <MailPlus aria-hidden="true" className="size-4" /> Invite a colleague
      </h2>
      <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-wrap items-start gap-3 px-4 pb-3">
        <Field label="Work email" type="email" autoComplete="off" className="w-72" value={email} error={emailError} onChange={(e) => setEmail(e.target.value)} />
        <SelectField label="Role" className="w-48" value={role} onChange={(e) => setRole(roleSchema.parse(e.target.value))}>
          {roleSchema.options.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" className="mt-[22px]" busy={invite.isPending}>
          Create invitation
        </Button>
      </form>
      {invite.isError && !emailError ? <Alert title="No invitation was created" className="mx-4 mb-3">{toAppError(invite.error).message}</Alert> : null}
      {invited ? <InvitationToken invited={invited} serverUrl={serverUrl} onDismiss={() => setInvited(null)} /> : null}
      {revoke.isError ? <Alert title="The invitation was not revoked" className="mx-4 mb-3">{toAppError(revoke.error).message}</Alert> : null}
      <Table>
        <caption className="sr-only">Pending invitations</caption>
        <thead>
          <tr>
            <HeaderCell>Invited email</HeaderCell>
            <HeaderCell>Role</HeaderCell>
            <HeaderCell>Created</HeaderCell>
            <HeaderCell>Expires</HeaderCell>
            <ActionsHeaderCell />
          </tr>
        </thead>
        <tbody>
          {invitations.isSuccess && pending.length === 0 ? <EmptyRow colSpan={5}>No pending invitations.</EmptyRow> : null}
          {pending.map((i: Invitation) => (
            <Row key={i.id}>
              <Cell>{i.email}</Cell>
              <Cell>
                <Badge>{roleLabel(i.role)}</Badge>
              </Cell>
              <Cell>{formatWhen(i.createdAt)}</Cell>
              <Cell>{formatWhen(i.expiresAt)}</Cell>
              <Cell align="right">
                <Button size="sm" variant="ghost" aria-label={`Revoke the invitation for ${i.email}`} busy={revoke.isPending && revoke.variables?.id === i.id} onClick={() => revoke.mutate({ id: i.id })}>
                  Revoke
                </Button>
              </Cell>
            </Row>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

/**
 * The invitation as a link and as the bare token, each with a copy button, and what the colleague
 * does with it. Shown once: the server keeps only the token's SHA-256.
 */
function InvitationToken({ invited, serverUrl, onDismiss }: { invited: Invited; serverUrl: string; onDismiss: () => void }) {
  const link = inviteLink(serverUrl, invited.token);
  return (
    <div role="status" className="mx-4 mb-3 rounded-md border border-line bg-ok-soft px-3 py-2.5 text-[13px]" data-testid="invite-token">
      <p className="font-medium">
        Invitation for {invited.invitation.email} ({roleLabel(invited.invitation.role)}) created. Atlas sends no e-mail: pass the link (or the token) to them yourself. It is shown only now, can be used once, and works until {formatWhen(invited.invitation.expiresAt)}.
      </p>
      <CopyableValue label="Invitation link" value={link} testId="invite-link" />
      <CopyableValue label="Token" value={invited.token} testId="invite-token-value" />
      <p className="mt-2 text-fg/90">
        Your colleague opens Atlas on their computer (connected to this server, {serverUrl}), chooses <strong>Have an invitation? Join your company</strong> on the sign-in screen, pastes the link or the token, and chooses their name and a password.
        {` `}If the company requires two-step verification, they set it up right after.
      </p>
      <div className="mt-2 flex gap-2">
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          Done
        </Button>
      </div>
    </div>
  );
}

function CopyableValue({ label, value, testId }: { label: string; value: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-2">
      <p className="text-[12px] text-muted">{label}</p>
      <div className="mt-0.5 flex items-start gap-2">
        <p className="min-w-0 flex-1 rounded border border-line bg-surface px-2 py-1 font-mono text-[12px] break-all select-all" data-testid={testId}>
          {value}
        </p>
        <Button
          size="sm"
          icon={<Copy aria-hidden="true" className="size-3.5" />}
          aria-label={`Copy the ${label.toLowerCase()}`}
          onClick={() => {
            void navigator.clipboard.writeText(value).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </div>
  );
}
