import { useMutation } from '@tanstack/react-query';
import { useRef, type ChangeEvent } from 'react';
import type { RouteParams } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { Field } from '../../components/field';
import { useEscapeKey } from '../../components/use-escape-key';
import { useForm } from '../../components/use-form';
import { COUNT_FIELDS, countVariance, toCountCommand, validateCount, type CountField } from '../movements/command-forms';
import { FormActions } from '../movements/form-bits';
import { commandFailure } from '../movements/form-errors';
import { LineCommandFrame } from '../movements/line-command';
import { lineKey, useLineState } from '../movements/line-screen-state';
import { useAfterChange } from '../movements/use-after-change';

const EMPTY = { line: '', countedQuantity: '' };
const signed = new Intl.NumberFormat('en-US', { signDisplay: 'exceptZero' });
const plain = new Intl.NumberFormat('en-US');

/** Cycle count: the counted quantity replaces the recorded one; the variance goes into the ledger. */
export function CountScreen({ params }: { params: RouteParams }) {
  const trpc = useTRPC();
  const afterChange = useAfterChange();
  const s = useLineState();
  const preset = useRef(params);
  const form = useForm(COUNT_FIELDS, EMPTY, (v) => validateCount(s.line, v));
  const count = useMutation(
    trpc.stock.count.mutationOptions({
      onSuccess: async (_r, c) => {
        const variance = s.line ? c.countedQuantity - s.line.quantity : 0;
        s.setDone(`Counted ${plain.format(c.countedQuantity)} ${s.line?.unit ?? ''} of lot ${s.line?.lotNumber ?? ''} at ${s.line?.location ?? ''} (variance ${variance === 0 ? 'none' : signed.format(variance)}). Saved on this computer and queued for the server.`);
        s.setLine(null);
        form.reset();
        await afterChange();
      },
      onError: (err) => {
        const view = commandFailure(err, COUNT_FIELDS);
        s.setFailure(view.message);
        form.setServerErrors(view.byField);
      },
    }),
  );
  const submit = form.handleSubmit(() => {
    if (count.isPending) return;
    s.setFailure(null);
    s.setDone(null);
    count.mutate(toCountCommand(s.line, form.values));
  });
  useEscapeKey(() => {
    form.reset();
    s.setLine(null);
    s.setFailure(null);
  }, !count.isPending);
  const field = (name: CountField) => ({
    ref: form.register(name),
    value: form.values[name],
    error: form.errors[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => form.setValue(name, e.target.value),
  });
  const variance = s.line ? countVariance(s.line.quantity, form.values.countedQuantity) : null;

  return (
    <LineCommandFrame
      title="Count"
      subtitle="Cycle count: enter what is on the shelf; Atlas records the difference."
      line={s.line}
      onLine={(row) => {
        s.setLine(row);
        form.setValue('line', lineKey(row));
      }}
      lineError={form.errors.line}
      initialLotId={preset.current.lot}
      initialLocationId={preset.current.location}
      onPicked={() => form.focus('countedQuantity')}
      failure={s.failure}
      failureTitle="Count not recorded"
      done={s.done}
    >
      <form noValidate onSubmit={submit} className="flex flex-col gap-3">
        <div className="grid grid-cols-4 items-start gap-3">
          <div className="flex flex-col gap-1 text-[12.5px]">
            <span className="font-medium">Recorded</span>
            <span className="flex h-8 items-center text-[15px] font-semibold tabular-nums">{s.line ? `${plain.format(s.line.quantity)} ${s.line.unit}` : '—'}</span>
          </div>
          <Field label="Counted quantity" inputMode="numeric" autoComplete="off" {...field('countedQuantity')} />
          <div className="flex flex-col gap-1 text-[12.5px]" aria-live="polite">
            <span className="font-medium">Variance</span>
            <span className={cx('flex h-8 items-center text-[15px] font-semibold tabular-nums', variance !== null && variance < 0 && 'text-danger', variance !== null && variance > 0 && 'text-ok')}>
              {variance === null ? '—' : variance === 0 ? 'None' : `${signed.format(variance)} ${s.line?.unit ?? ''}`}
            </span>
          </div>
        </div>
        <FormActions>
          <Button type="submit" variant="primary" busy={count.isPending}>
            Record count
          </Button>
        </FormActions>
      </form>
    </LineCommandFrame>
  );
}
