import { useMutation } from '@tanstack/react-query';
import type { RouteParams } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { Field } from '../../components/field';
import { useEscapeKey } from '../../components/use-escape-key';
import { COUNT_FIELDS, countVariance, toCountCommand, validateCount } from '../movements/command-forms';
import { FormActions } from '../movements/form-bits';
import { LineCommandFrame } from '../movements/line-command';
import { useLineCommand } from '../movements/use-line-command';

const EMPTY = { line: '', countedQuantity: '' };
const signed = new Intl.NumberFormat('en-US', { signDisplay: 'exceptZero' });
const plain = new Intl.NumberFormat('en-US');

/** Cycle count: the counted quantity replaces the recorded one; the variance goes into the ledger. */
export function CountScreen({ params }: { params: RouteParams }) {
  const trpc = useTRPC();
  const cmd = useLineCommand({ params, fields: COUNT_FIELDS, empty: EMPTY, validate: validateCount, next: 'countedQuantity' });
  const { form, line } = cmd;
  const count = useMutation(
    trpc.stock.count.mutationOptions({
      onSuccess: (_r, c) => {
        const variance = line ? c.countedQuantity - line.quantity : 0;
        return cmd.succeeded(
          `Counted ${plain.format(c.countedQuantity)} ${line?.unit ?? ''} of lot ${line?.lotNumber ?? ''} at ${line?.location ?? ''} (variance ${variance === 0 ? 'none' : signed.format(variance)}). Saved on this computer and queued for the server.`,
        );
      },
      onError: cmd.failed,
    }),
  );
  const submit = cmd.submit(count.isPending, (v) => count.mutate(toCountCommand(line, v)));
  useEscapeKey(cmd.clear, !count.isPending);
  const variance = line ? countVariance(line.quantity, form.values.countedQuantity) : null;

  return (
    <LineCommandFrame title="Count" subtitle="Cycle count: enter what is on the shelf; Atlas records the difference." failureTitle="Count not recorded" {...cmd.frame}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3">
        <div className="grid grid-cols-4 items-start gap-3">
          <div className="flex flex-col gap-1 text-[12.5px]">
            <span className="font-medium">Recorded</span>
            <span className="flex h-8 items-center text-[15px] font-semibold tabular-nums">{line ? `${plain.format(line.quantity)} ${line.unit}` : '—'}</span>
          </div>
          <Field label="Counted quantity" inputMode="numeric" autoComplete="off" {...form.bind('countedQuantity')} />
          <div className="flex flex-col gap-1 text-[12.5px]" aria-live="polite">
            <span className="font-medium">Variance</span>
            <span className={cx('flex h-8 items-center text-[15px] font-semibold tabular-nums', variance !== null && variance < 0 && 'text-danger', variance !== null && variance > 0 && 'text-ok')}>
              {variance === null ? '—' : variance === 0 ? 'None' : `${signed.format(variance)} ${line?.unit ?? ''}`}
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
