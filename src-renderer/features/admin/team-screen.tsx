import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { roleSchema, type Role } from '../../../shared/auth/schemas';
import { toAppError } from '../../app/app-error';
import { roleLabel } from '../../app/role-label';
import type { SessionInfo } from '../../app/router-types';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { CheckboxField } from '../../components/checkbox-field';
import { Screen } from '../../components/screen';
import { ActionsHeaderCell, Cell, EmptyRow, HeaderCell, Row, Table } from '../../components/table';
import { formatWhen } from '../account/format-when';
import { Confirmation } from '../movements/form-bits';
import { CompanyProfileCard } from './company-profile-card';
import { EraseMemberDialog } from './erase-member-dialog';
import { InviteCard } from './invite-card';

export const ROLES: readonly Role[] = roleSchema.options;

/**
 * The admin "Team" screen: the company profile, members and their roles (and erasure of a
 * member's personal data on request), invitations, and the company's rule that everyone uses
 * two-step verification. The server checks every change (admin only, never the
 * last admin); this screen only shows the outcome.
 */
export function TeamScreen({ session }: { session: SessionInfo }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.admin.members.queryOptions());
  const settings = useQuery(trpc.admin.settings.queryOptions());
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
  const setRole = useMutation(trpc.admin.setRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.admin.removeMember.mutationOptions({ onSuccess: refresh }));
  const setMfa = useMutation(trpc.admin.setMfaRequired.mutationOptions({ onSuccess: refresh }));
  const erase = useMutation(trpc.admin.eraseMember.mutationOptions({ onSuccess: refresh }));
  const [removing, setRemoving] = useState<string | null>(null);
  const [erasing, setErasing] = useState<{ userId: string; name: string; email: string } | null>(null);
  const failure = setRole.error ?? remove.error ?? setMfa.error;

  return (
    <Screen title="Team" subtitle={`People of ${session.company.name}, their roles and invitations.`}>
      <div className="flex max-w-5xl flex-col gap-3">
        <Confirmation>{done}</Confirmation>
        {failure ? <Alert title="That change was not made">{toAppError(failure).message}</Alert> : null}

        <CompanyProfileCard />

        <Card className="p-4">
          <h2 className="mb-2 flex items-center gap-2 text-[14px] font-semibold">
            <ShieldCheck aria-hidden="true" className="size-4" /> Two-step verification for everyone
          </h2>
          {settings.isError ? <Alert title="The company settings could not be loaded">{toAppError(settings.error).message}</Alert> : null}
          {settings.data ? (
            <CheckboxField
              label="Require MFA for everyone in the company"
              description="Members without two-step verification set it up at their next sign-in before they can continue. Turning this off lets members switch it off themselves."
              // Shows the choice at once while the server applies it (then the refetched setting).
              checked={setMfa.isPending && setMfa.variables ? setMfa.variables.required : settings.data.mfaRequired}
              aria-busy={setMfa.isPending || undefined}
              onChange={(e) => {
                const required = e.target.checked;
                if (setMfa.isPending) return;
                setMfa.mutate({ required }, { onSuccess: () => setDone(required ? 'Two-step verification is now required for everyone.' : 'Two-step verification is no longer required.') });
              }}
            />
          ) : null}
        </Card>

        <Card className="overflow-hidden">
          <h2 className="px-4 pt-3 pb-2 text-[14px] font-semibold">Members</h2>
          {members.isError ? <Alert title="Members could not be loaded" className="mx-4 mb-2">{toAppError(members.error).message}</Alert> : null}
          <Table>
            <caption className="sr-only">Members</caption>
            <thead>
              <tr>
                <HeaderCell>Name</HeaderCell>
                <HeaderCell>Email</HeaderCell>
                <HeaderCell>Role</HeaderCell>
                <HeaderCell>Two-step</HeaderCell>
                <HeaderCell>Joined</HeaderCell>
                <ActionsHeaderCell />
              </tr>
            </thead>
            <tbody>
              {members.data?.length === 0 ? <EmptyRow colSpan={6}>No members.</EmptyRow> : null}
              {(members.data ?? []).map((m) => {
                const self = m.userId === session.user.id;
                return (
                  <Row key={m.userId}>
                    <Cell className="font-medium">
                      {m.name}
                      {self ? <span className="ml-1.5 text-muted">(you)</span> : null}
                    </Cell>
                    <Cell>{m.email}</Cell>
                    <Cell>
                      <label className="sr-only" htmlFor={`role-${m.userId}`}>
                        Role of {m.name}
                      </label>
                      <select
                        id={`role-${m.userId}`}
                        className="h-7 rounded-md border border-line-strong bg-surface px-1.5 text-[12.5px]"
                        value={m.role}
                        disabled={self || setRole.isPending}
                        title={self ? 'Another administrator changes your role.' : undefined}
                        onChange={(e) => {
                          const role = roleSchema.parse(e.target.value);
                          setRole.mutate({ userId: m.userId, role }, { onSuccess: () => setDone(`${m.name} is now ${roleLabel(role)}.`) });
                        }}
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {roleLabel(r)}
                          </option>
                        ))}
                      </select>
                    </Cell>
                    <Cell>{m.mfaEnabled ? <Badge tone="ok">On</Badge> : <Badge tone="warn">Off</Badge>}</Cell>
                    <Cell>{formatWhen(m.joinedAt)}</Cell>
                    <Cell align="right">
                      {self ? null : removing === m.userId ? (
                        <span className="inline-flex gap-1.5">
                          <Button
                            size="sm"
                            variant="primary"
                            busy={remove.isPending}
                            onClick={() => remove.mutate({ userId: m.userId }, { onSuccess: () => { setRemoving(null); setDone(`${m.name} was removed from the company.`); } })}
                          >
                            Remove {m.name}
                          </Button>
                          <Button size="sm" onClick={() => setRemoving(null)}>
                            Keep
                          </Button>
                        </span>
                      ) : (
                        <span className="inline-flex gap-1">
                          <Button size="sm" variant="ghost" aria-label={`Remove ${m.name} from the company`} onClick={() => setRemoving(m.userId)}>
                            Remove…
                          </Button>
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`Erase the personal data of ${m.name}`}
                            onClick={() => {
                              erase.reset();
                              setErasing({ userId: m.userId, name: m.name, email: m.email });
                            }}
                          >
                            Erase personal data…
                          </Button>
                        </span>
                      )}
                    </Cell>
                  </Row>
                );
              })}
            </tbody>
          </Table>
        </Card>

        <InviteCard serverUrl={session.serverUrl} onChanged={refresh} />
      </div>
      <EraseMemberDialog
        key={erasing?.userId ?? 'none'}
        member={erasing}
        busy={erase.isPending}
        error={erase.error}
        onClose={() => setErasing(null)}
        onErase={(input) =>
          erase.mutate(input, {
            onSuccess: (out) => {
              setDone(`The personal data of ${erasing?.name ?? 'the member'} was erased. Their signed records and audit events now show ${out.pseudonym}.`);
              setErasing(null);
            },
          })
        }
      />
    </Screen>
  );
}
