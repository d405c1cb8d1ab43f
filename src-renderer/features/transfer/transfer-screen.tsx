import { useMutation, useQuery } from '@tanstack/react-query';
import type { RouteParams } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { useEscapeKey } from '../../components/use-escape-key';
import { LocationSelect } from '../catalog/location-select';
import { TRANSFER_FIELDS, toTransferCommand, validateTransfer } from '../movements/command-forms';
import { FormActions, submitOnEnterInSelect } from '../movements/form-bits';
import { LineCommandFrame } from '../movements/line-command';
import { useLineCommand } from '../movements/use-line-command';

const EMPTY = { line: '', toLocationId: '', quantity: '', reference: '' };
const quantityFormat = new Intl.NumberFormat('en-US');

/** Moves stock of one lot between locations: one movement out, one in, in the same change. */
export function TransferScreen({ params }: { params: RouteParams }) {
  const trpc = useTRPC();
  const cmd = useLineCommand({ params, fields: TRANSFER_FIELDS, empty: EMPTY, validate: validateTransfer, next: 'toLocationId' });
  const { form, line } = cmd;
  const locations = useQuery(trpc.stock.locations.queryOptions());
  const transfer = useMutation(
    trpc.stock.transfer.mutationOptions({
      onSuccess: (_r, c) => {
        const to = locations.data?.find((l) => l.id === c.toLocationId)?.label ?? 'the new location';
        return cmd.succeeded(`Moved ${quantityFormat.format(c.quantity)} ${line?.unit ?? ''} of lot ${line?.lotNumber ?? ''} from ${line?.location ?? ''} to ${to}. Saved on this computer and queued for the server.`);
      },
      onError: cmd.failed,
    }),
  );
  const submit = cmd.submit(transfer.isPending, (v) => transfer.mutate(toTransferCommand(line, v)));
  useEscapeKey(cmd.clear, !transfer.isPending);

  return (
    <LineCommandFrame title="Transfer" subtitle="Move stock of a lot from one location to another." failureTitle="Not transferred" {...cmd.frame}>
      <form noValidate onSubmit={submit} onKeyDown={submitOnEnterInSelect} className="flex flex-col gap-3">
        <div className="grid grid-cols-4 gap-3">
          <div className="col-span-2">
            <LocationSelect
              ref={form.register('toLocationId')}
              label="To location"
              value={form.values.toLocationId}
              exclude={line?.locationId}
              error={form.errors.toLocationId}
              onChange={(id) => form.setValue('toLocationId', id)}
            />
          </div>
          <Field label="Quantity" inputMode="numeric" autoComplete="off" description={line ? `In ${line.unit}` : undefined} {...form.bind('quantity')} />
          <Field label="Reference (optional)" autoComplete="off" {...form.bind('reference')} />
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
