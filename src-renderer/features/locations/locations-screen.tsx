import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { locationUpsertArgs } from '../../../shared/inventory/mutations';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Field } from '../../components/field';
import { Screen } from '../../components/screen';
import { Cell, EmptyRow, FlagsHeaderCell, HeaderCell, Row, Table } from '../../components/table';
import { useEscapeKey } from '../../components/use-escape-key';
import { useForm } from '../../components/use-form';
import { Confirmation, FailureAlert, FormActions } from '../movements/form-bits';
import { commandFailure, validateWith } from '../movements/form-errors';
import { useAfterChange } from '../movements/use-after-change';
import { NotSyncedBadge } from '../stock/stock-markers';

const FIELDS = ['warehouse', 'zone', 'bin'] as const;
type LocationField = (typeof FIELDS)[number];
const EMPTY = { warehouse: '', zone: '', bin: '' };

function validateLocation(v: Record<LocationField, string>) {
  const errors = validateWith(locationUpsertArgs, v, FIELDS);
  if (v.warehouse.trim() === '') errors.warehouse = 'Enter the warehouse name.';
  return errors;
}

/** Warehouses, zones and bins: where stock can be. */
export function LocationsScreen() {
  const trpc = useTRPC();
  const afterChange = useAfterChange();
  const locations = useQuery(trpc.stock.locations.queryOptions());
  const form = useForm(FIELDS, EMPTY, validateLocation);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const upsert = useMutation(
    trpc.stock.upsertLocation.mutationOptions({
      onSuccess: async (_r, args) => {
        setDone(`Added ${[args.warehouse, args.zone, args.bin].filter(Boolean).join(' / ')}.`);
        // Keep the warehouse and zone: bins are usually added in a run.
        form.reset({ warehouse: args.warehouse, zone: args.zone ?? '', bin: '' });
        form.focus('bin');
        await afterChange();
      },
      onError: (err) => {
        const view = commandFailure(err, FIELDS);
        setFailure(view.message);
        form.setServerErrors(view.byField);
      },
    }),
  );
  const submit = form.handleSubmit((v) => {
    if (upsert.isPending) return;
    setFailure(null);
    setDone(null);
    upsert.mutate({ warehouse: v.warehouse.trim(), zone: v.zone.trim() || null, bin: v.bin.trim() || null });
  });
  useEscapeKey(() => {
    form.reset(EMPTY);
    setFailure(null);
  }, !upsert.isPending);
  const rows = locations.data ?? [];

  return (
    <Screen title="Locations" subtitle="Warehouses, then zones and bins inside them.">
      <Card className="max-w-4xl p-4">
        <h2 className="mb-3 text-[14px] font-semibold">Add location</h2>
        <FailureAlert title="Location not saved" message={failure} className="mb-3" />
        <form noValidate onSubmit={submit} className="flex flex-col gap-3">
          <div className="grid grid-cols-3 gap-3">
            <Field label="Warehouse" autoComplete="off" placeholder="Main warehouse" {...form.bind('warehouse')} />
            <Field label="Zone (optional)" autoComplete="off" placeholder="A" {...form.bind('zone')} />
            <Field label="Bin (optional)" autoComplete="off" placeholder="01" {...form.bind('bin')} />
          </div>
          <FormActions>
            <Button type="submit" variant="primary" busy={upsert.isPending}>
              Add location
            </Button>
          </FormActions>
        </form>
      </Card>
      <div className="max-w-4xl">
        <Confirmation>{done}</Confirmation>
      </div>
      {locations.isError ? <Alert title="Locations could not be loaded">{toAppError(locations.error).message}</Alert> : null}
      <Card className="max-w-4xl overflow-hidden">
        <Table>
          <caption className="sr-only">Locations</caption>
          <thead>
            <tr>
              <HeaderCell>Warehouse</HeaderCell>
              <HeaderCell>Zone</HeaderCell>
              <HeaderCell>Bin</HeaderCell>
              <HeaderCell>Shown as</HeaderCell>
              <FlagsHeaderCell />
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && locations.isSuccess ? <EmptyRow colSpan={5}>No locations yet. Add the first one above.</EmptyRow> : null}
            {rows.map((l) => (
              <Row key={l.id}>
                <Cell className="font-medium">{l.warehouse}</Cell>
                <Cell>{l.zone ?? <span className="text-muted">—</span>}</Cell>
                <Cell>{l.bin ?? <span className="text-muted">—</span>}</Cell>
                <Cell className="text-muted">{l.label}</Cell>
                <Cell>{l.pendingSync ? <NotSyncedBadge /> : null}</Cell>
              </Row>
            ))}
          </tbody>
        </Table>
      </Card>
    </Screen>
  );
}
