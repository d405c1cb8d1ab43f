import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MonitorSmartphone } from 'lucide-react';
import type { RouterOutputs } from '../../app/router-types';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { ActionsHeaderCell, Cell, EmptyRow, HeaderCell, Row, Table } from '../../components/table';
import { formatWhen } from './format-when';

type Device = RouterOutputs['session']['mfaStatus']['trustedDevices'][number];

/** Computers that skip the code for 30 days; revoking one asks for a code there at its next sign-in. */
export function TrustedDevicesCard({ devices }: { devices: readonly Device[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.session.revokeDevice.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.session.mfaStatus.queryKey() }) }),
  );
  return (
    <Card className="overflow-hidden">
      <h2 className="flex items-center gap-2 px-4 pt-3 pb-2 text-[14px] font-semibold">
        <MonitorSmartphone aria-hidden="true" className="size-4" /> Trusted computers
      </h2>
      {revoke.isError ? <Alert title="The computer was not removed" className="mx-4 mb-2">{toAppError(revoke.error).message}</Alert> : null}
      <Table>
        <caption className="sr-only">Trusted computers</caption>
        <thead>
          <tr>
            <HeaderCell>Computer</HeaderCell>
            <HeaderCell>Trusted since</HeaderCell>
            <HeaderCell>Last used</HeaderCell>
            <HeaderCell>Expires</HeaderCell>
            <ActionsHeaderCell />
          </tr>
        </thead>
        <tbody>
          {devices.length === 0 ? <EmptyRow colSpan={5}>No trusted computers. Tick “Trust this computer” at the code step to add one.</EmptyRow> : null}
          {devices.map((d) => (
            <Row key={d.id}>
              <Cell className="font-medium">{d.label}</Cell>
              <Cell>{formatWhen(d.createdAt)}</Cell>
              <Cell>{formatWhen(d.lastUsedAt)}</Cell>
              <Cell>{formatWhen(d.expiresAt)}</Cell>
              <Cell align="right">
                <Button size="sm" variant="ghost" busy={revoke.isPending && revoke.variables?.id === d.id} aria-label={`Stop trusting ${d.label}`} onClick={() => revoke.mutate({ id: d.id })}>
                  Stop trusting
                </Button>
              </Cell>
            </Row>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
