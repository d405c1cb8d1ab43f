import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent } from 'react';
import type { StockRow } from '../../../shared/inventory/stock-row';
import type { RouteParams } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { useEscapeKey } from '../../components/use-escape-key';
import { useForm } from '../../components/use-form';
import { defaultLotAction, LOT_ACTION_LABELS, LOT_ACTIONS, STATUS_FIELDS, toStatusCommand, validateStatus, type LotAction, type StatusField } from '../movements/command-forms';
import { FormActions } from '../movements/form-bits';
import { commandFailure } from '../movements/form-errors';
import { LineCommandFrame } from '../movements/line-command';
import { lineKey, useLineState } from '../movements/line-screen-state';
import { useAfterChange } from '../movements/use-after-change';

const EMPTY = { line: '', reason: '', reference: '' };
const HELP: Record<LotAction, string> = {
  quarantine: 'Holds the whole lot, at every location: it is never suggested for picking until released.',
  release: 'Returns a quarantined lot to available stock.',
  recall: 'Marks the whole lot recalled: it is never suggested for picking again.',
};

/** Quarantine, release or recall a lot, always with the reason (it goes into the lot's history). */
export function QuarantineScreen({ params }: { params: RouteParams }) {
  const trpc = useTRPC();
  const afterChange = useAfterChange();
  const s = useLineState();
  const preset = useRef(params);
  const [action, setAction] = useState<LotAction>('quarantine');
  const form = useForm(STATUS_FIELDS, EMPTY, (v) => validateStatus(s.line, v));
  const options = (verb: LotAction) => ({
    onSuccess: async () => {
      s.setDone(`${LOT_ACTION_LABELS[verb]}: lot ${s.line?.lotNumber ?? ''} of ${s.line?.productName ?? ''}. Saved on this computer and queued for the server.`);
      s.setLine(null);
      form.reset();
      await afterChange();
    },
    onError: (err: unknown) => {
      const view = commandFailure(err, STATUS_FIELDS);
      s.setFailure(view.message);
      form.setServerErrors(view.byField);
    },
  });
  const quarantine = useMutation(trpc.stock.quarantine.mutationOptions(options('quarantine')));
  const release = useMutation(trpc.stock.release.mutationOptions(options('release')));
  const recall = useMutation(trpc.stock.recall.mutationOptions(options('recall')));
  const mutation = { quarantine, release, recall }[action];
  const busy = quarantine.isPending || release.isPending || recall.isPending;

  const submit = form.handleSubmit((v) => {
    if (busy) return;
    s.setFailure(null);
    s.setDone(null);
    mutation.mutate(toStatusCommand(s.line, v));
  });
  useEscapeKey(() => {
    form.reset();
    s.setLine(null);
    s.setFailure(null);
  }, !busy);
  const field = (name: StatusField) => ({
    ref: form.register(name),
    value: form.values[name],
    error: form.errors[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => form.setValue(name, e.target.value),
  });
  function onLine(row: StockRow | null) {
    s.setLine(row);
    form.setValue('line', lineKey(row));
    if (row) setAction(defaultLotAction(row.status));
  }

  return (
    <LineCommandFrame
      title="Quarantine"
      subtitle="Quarantine, release or recall a lot."
      line={s.line}
      onLine={onLine}
      lineError={form.errors.line}
      initialLotId={preset.current.lot}
      initialLocationId={preset.current.location}
      onPicked={() => form.focus('reason')}
      failure={s.failure}
      failureTitle={`Not done: ${LOT_ACTION_LABELS[action].toLowerCase()}`}
      done={s.done}
    >
      <form noValidate onSubmit={submit} className="flex flex-col gap-3">
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-[12.5px] font-medium">Action</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1 text-[13px]">
            {LOT_ACTIONS.map((a) => (
              <label key={a} className="inline-flex items-center gap-1.5">
                <input type="radio" name="lot-action" value={a} checked={action === a} onChange={() => setAction(a)} className="accent-(--accent)" />
                {LOT_ACTION_LABELS[a]}
              </label>
            ))}
          </div>
          <p className="text-[12px] text-muted">{HELP[action]}</p>
        </fieldset>
        <div className="grid grid-cols-3 gap-3">
          <Field label="Reason" className="col-span-2" autoComplete="off" placeholder="e.g. Temperature excursion in transit" {...field('reason')} />
          <Field label="Reference (optional)" autoComplete="off" placeholder="Deviation or recall number" {...field('reference')} />
        </div>
        <FormActions>
          <Button type="submit" variant="primary" busy={busy}>
            {LOT_ACTION_LABELS[action]}
          </Button>
        </FormActions>
      </form>
    </LineCommandFrame>
  );
}
