import { useMutation } from '@tanstack/react-query';
import { ADJUST_REASONS } from '../../../shared/inventory/mutations';
import type { RouteParams } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { useEscapeKey } from '../../components/use-escape-key';
import { ADJUST_FIELDS, ADJUST_REASON_LABELS, toAdjustCommand, validateAdjust } from '../movements/command-forms';
import { FormActions, submitOnEnterInSelect } from '../movements/form-bits';
import { LineCommandFrame } from '../movements/line-command';
import { parseQuantity } from '../movements/quantity';
import { useLineCommand } from '../movements/use-line-command';

const EMPTY = { line: '', delta: '', reasonCode: '', note: '' };
const signed = new Intl.NumberFormat('en-US', { signDisplay: 'exceptZero' });
const plain = new Intl.NumberFormat('en-US');

/** Adds or removes stock with a reason code (damaged, found, …); below zero is allowed and flagged. */
export function AdjustScreen({ params }: { params: RouteParams }) {
  const trpc = useTRPC();
  const cmd = useLineCommand({ params, fields: ADJUST_FIELDS, empty: EMPTY, validate: validateAdjust, next: 'delta' });
  const { form, line } = cmd;
  const adjust = useMutation(
    trpc.stock.adjust.mutationOptions({
      onSuccess: (_r, c) =>
        cmd.succeeded(`Adjusted lot ${line?.lotNumber ?? ''} at ${line?.location ?? ''} by ${signed.format(c.delta)} ${line?.unit ?? ''} (${ADJUST_REASON_LABELS[c.reasonCode]}). Saved on this computer and queued for the server.`),
      onError: cmd.failed,
    }),
  );
  const submit = cmd.submit(adjust.isPending, (v) => {
    const c = toAdjustCommand(line, v);
    adjust.mutate({ ...c, reasonCode: c.reasonCode as (typeof ADJUST_REASONS)[number] });
  });
  useEscapeKey(cmd.clear, !adjust.isPending);
  const delta = parseQuantity(form.values.delta);
  const after = line && Number.isInteger(delta) && delta !== 0 ? line.quantity + delta : null;

  return (
    <LineCommandFrame title="Adjust" subtitle="Correct the stock of a lot at a location, with the reason." failureTitle="Not adjusted" {...cmd.frame}>
      <form noValidate onSubmit={submit} onKeyDown={submitOnEnterInSelect} className="flex flex-col gap-3">
        <div className="grid grid-cols-4 gap-3">
          <Field
            label="Change in quantity"
            placeholder="-3 or 5"
            inputMode="numeric"
            autoComplete="off"
            description={after !== null && line ? `${plain.format(line.quantity)} → ${plain.format(after)} ${line.unit}` : 'Negative removes, positive adds.'}
            {...form.bind('delta')}
          />
          <SelectField label="Reason" {...form.bind('reasonCode')}>
            <option value="">Choose a reason</option>
            {ADJUST_REASONS.map((r) => (
              <option key={r} value={r}>
                {ADJUST_REASON_LABELS[r]}
              </option>
            ))}
          </SelectField>
          <Field label={form.values.reasonCode === 'other' ? 'Note' : 'Note (optional)'} className="col-span-2" autoComplete="off" {...form.bind('note')} />
        </div>
        {after !== null && after < 0 ? (
          <Alert tone="info" title="This takes the lot below zero">
            The adjustment will be recorded and flagged as a discrepancy for a supervisor.
          </Alert>
        ) : null}
        <FormActions>
          <Button type="submit" variant="primary" busy={adjust.isPending}>
            Adjust
          </Button>
        </FormActions>
      </form>
    </LineCommandFrame>
  );
}
