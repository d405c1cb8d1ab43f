import { useMutation } from '@tanstack/react-query';
import { useRef, type ChangeEvent } from 'react';
import { ADJUST_REASONS } from '../../../shared/inventory/mutations';
import type { RouteParams } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { useEscapeKey } from '../../components/use-escape-key';
import { useForm } from '../../components/use-form';
import { ADJUST_FIELDS, ADJUST_REASON_LABELS, toAdjustCommand, validateAdjust, type AdjustField } from '../movements/command-forms';
import { FormActions, submitOnEnterInSelect } from '../movements/form-bits';
import { commandFailure } from '../movements/form-errors';
import { LineCommandFrame } from '../movements/line-command';
import { lineKey, useLineState } from '../movements/line-screen-state';
import { parseQuantity } from '../movements/quantity';
import { useAfterChange } from '../movements/use-after-change';

const EMPTY = { line: '', delta: '', reasonCode: '', note: '' };
const signed = new Intl.NumberFormat('en-US', { signDisplay: 'exceptZero' });
const plain = new Intl.NumberFormat('en-US');

/** Adds or removes stock with a reason code (damaged, found, …); below zero is allowed and flagged. */
export function AdjustScreen({ params }: { params: RouteParams }) {
  const trpc = useTRPC();
  const afterChange = useAfterChange();
  const s = useLineState();
  const preset = useRef(params);
  const form = useForm(ADJUST_FIELDS, EMPTY, (v) => validateAdjust(s.line, v));
  const adjust = useMutation(
    trpc.stock.adjust.mutationOptions({
      onSuccess: async (_r, c) => {
        s.setDone(`Adjusted lot ${s.line?.lotNumber ?? ''} at ${s.line?.location ?? ''} by ${signed.format(c.delta)} ${s.line?.unit ?? ''} (${ADJUST_REASON_LABELS[c.reasonCode]}). Saved on this computer and queued for the server.`);
        s.setLine(null);
        form.reset();
        await afterChange();
      },
      onError: (err) => {
        const view = commandFailure(err, ADJUST_FIELDS);
        s.setFailure(view.message);
        form.setServerErrors(view.byField);
      },
    }),
  );
  const submit = form.handleSubmit((v) => {
    if (adjust.isPending) return;
    s.setFailure(null);
    s.setDone(null);
    const c = toAdjustCommand(s.line, v);
    adjust.mutate({ ...c, reasonCode: c.reasonCode as (typeof ADJUST_REASONS)[number] });
  });
  useEscapeKey(() => {
    form.reset();
    s.setLine(null);
    s.setFailure(null);
  }, !adjust.isPending);
  const field = (name: AdjustField) => ({
    ref: form.register(name),
    value: form.values[name],
    error: form.errors[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => form.setValue(name, e.target.value),
  });
  const delta = parseQuantity(form.values.delta);
  const after = s.line && Number.isInteger(delta) && delta !== 0 ? s.line.quantity + delta : null;

  return (
    <LineCommandFrame
      title="Adjust"
      subtitle="Correct the stock of a lot at a location, with the reason."
      line={s.line}
      onLine={(row) => {
        s.setLine(row);
        form.setValue('line', lineKey(row));
      }}
      lineError={form.errors.line}
      initialLotId={preset.current.lot}
      initialLocationId={preset.current.location}
      onPicked={() => form.focus('delta')}
      failure={s.failure}
      failureTitle="Not adjusted"
      done={s.done}
    >
      <form noValidate onSubmit={submit} onKeyDown={submitOnEnterInSelect} className="flex flex-col gap-3">
        <div className="grid grid-cols-4 gap-3">
          <Field
            label="Change in quantity"
            placeholder="-3 or 5"
            inputMode="numeric"
            autoComplete="off"
            description={after !== null && s.line ? `${plain.format(s.line.quantity)} → ${plain.format(after)} ${s.line.unit}` : 'Negative removes, positive adds.'}
            {...field('delta')}
          />
          <SelectField label="Reason" ref={form.register('reasonCode')} value={form.values.reasonCode} error={form.errors.reasonCode} onChange={(e) => form.setValue('reasonCode', e.target.value)}>
            <option value="">Choose a reason</option>
            {ADJUST_REASONS.map((r) => (
              <option key={r} value={r}>
                {ADJUST_REASON_LABELS[r]}
              </option>
            ))}
          </SelectField>
          <Field label={form.values.reasonCode === 'other' ? 'Note' : 'Note (optional)'} className="col-span-2" autoComplete="off" {...field('note')} />
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
