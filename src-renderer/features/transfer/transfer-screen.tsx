import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, type ChangeEvent } from 'react';
import type { RouteParams } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { useEscapeKey } from '../../components/use-escape-key';
import { useForm } from '../../components/use-form';
import { LocationSelect } from '../catalog/location-select';
import { TRANSFER_FIELDS, toTransferCommand, validateTransfer, type TransferField } from '../movements/command-forms';
import { FormActions, submitOnEnterInSelect } from '../movements/form-bits';
import { commandFailure } from '../movements/form-errors';
import { LineCommandFrame } from '../movements/line-command';
import { lineKey, useLineState } from '../movements/line-screen-state';
import { useAfterChange } from '../movements/use-after-change';

const EMPTY = { line: '', toLocationId: '', quantity: '', reference: '' };
const quantityFormat = new Intl.NumberFormat('en-US');

/** Moves stock of one lot between locations: one movement out, one in, in the same change. */
export function TransferScreen({ params }: { params: RouteParams }) {
  const trpc = useTRPC();
  const afterChange = useAfterChange();
  const s = useLineState();
  const preset = useRef(params);
  const form = useForm(TRANSFER_FIELDS, EMPTY, (v) => validateTransfer(s.line, v));
  const locations = useQuery(trpc.stock.locations.queryOptions());
  const transfer = useMutation(
    trpc.stock.transfer.mutationOptions({
      onSuccess: async (_r, c) => {
        const to = locations.data?.find((l) => l.id === c.toLocationId)?.label ?? 'the new location';
        s.setDone(`Moved ${quantityFormat.format(c.quantity)} ${s.line?.unit ?? ''} of lot ${s.line?.lotNumber ?? ''} from ${s.line?.location ?? ''} to ${to}. Saved on this computer and queued for the server.`);
        s.setLine(null);
        form.reset();
        await afterChange();
      },
      onError: (err) => {
        const view = commandFailure(err, TRANSFER_FIELDS);
        s.setFailure(view.message);
        form.setServerErrors(view.byField);
      },
    }),
  );
  const submit = form.handleSubmit((v) => {
    if (transfer.isPending) return;
    s.setFailure(null);
    s.setDone(null);
    transfer.mutate(toTransferCommand(s.line, v));
  });
  useEscapeKey(() => {
    form.reset();
    s.setLine(null);
    s.setFailure(null);
  }, !transfer.isPending);
  const field = (name: TransferField) => ({
    ref: form.register(name),
    value: form.values[name],
    error: form.errors[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => form.setValue(name, e.target.value),
  });

  return (
    <LineCommandFrame
      title="Transfer"
      subtitle="Move stock of a lot from one location to another."
      line={s.line}
      onLine={(row) => {
        s.setLine(row);
        form.setValue('line', lineKey(row));
      }}
      lineError={form.errors.line}
      initialLotId={preset.current.lot}
      initialLocationId={preset.current.location}
      onPicked={() => form.focus('toLocationId')}
      failure={s.failure}
      failureTitle="Not transferred"
      done={s.done}
    >
      <form noValidate onSubmit={submit} onKeyDown={submitOnEnterInSelect} className="flex flex-col gap-3">
        <div className="grid grid-cols-4 gap-3">
          <div className="col-span-2">
            <LocationSelect
              ref={form.register('toLocationId')}
              label="To location"
              value={form.values.toLocationId}
              exclude={s.line?.locationId}
              error={form.errors.toLocationId}
              onChange={(id) => form.setValue('toLocationId', id)}
            />
          </div>
          <Field label="Quantity" inputMode="numeric" autoComplete="off" description={s.line ? `In ${s.line.unit}` : undefined} {...field('quantity')} />
          <Field label="Reference (optional)" autoComplete="off" {...field('reference')} />
        </div>
        <FormActions>
          <Button type="submit" variant="primary" busy={transfer.isPending}>
            Transfer
          </Button>
        </FormActions>
      </form>
    </LineCommandFrame>
  );
}
