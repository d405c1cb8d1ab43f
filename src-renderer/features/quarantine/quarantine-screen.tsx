import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { RouteParams } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { useEscapeKey } from '../../components/use-escape-key';
import { defaultLotAction, LOT_ACTION_LABELS, LOT_ACTIONS, STATUS_FIELDS, toStatusCommand, validateStatus, type LotAction } from '../movements/command-forms';
import { FormActions } from '../movements/form-bits';
import { LineCommandFrame } from '../movements/line-command';
import { useLineCommand } from '../movements/use-line-command';

const EMPTY = { line: '', reason: '', reference: '' };
const HELP: Record<LotAction, string> = {
  quarantine: 'Holds the whole lot, at every location: it is never suggested for picking until released.',
  release: 'Returns a quarantined lot to available stock.',
  recall: 'Marks the whole lot recalled: it is never suggested for picking again.',
};

/** Quarantine, release or recall a lot, always with the reason (it goes into the lot's history). */
export function QuarantineScreen({ params }: { params: RouteParams }) {
  const trpc = useTRPC();
  const [action, setAction] = useState<LotAction>('quarantine');
  const cmd = useLineCommand({ params, fields: STATUS_FIELDS, empty: EMPTY, validate: validateStatus, next: 'reason', onLine: (row) => setAction(defaultLotAction(row.status)) });
  const { form, line } = cmd;
  const options = (verb: LotAction) => ({
    onSuccess: () => cmd.succeeded(`${LOT_ACTION_LABELS[verb]}: lot ${line?.lotNumber ?? ''} of ${line?.productName ?? ''}. Saved on this computer and queued for the server.`),
    onError: cmd.failed,
  });
  const quarantine = useMutation(trpc.stock.quarantine.mutationOptions(options('quarantine')));
  const release = useMutation(trpc.stock.release.mutationOptions(options('release')));
  const recall = useMutation(trpc.stock.recall.mutationOptions(options('recall')));
  const mutation = { quarantine, release, recall }[action];
  const busy = quarantine.isPending || release.isPending || recall.isPending;
  const submit = cmd.submit(busy, (v) => mutation.mutate(toStatusCommand(line, v)));
  useEscapeKey(cmd.clear, !busy);

  return (
    <LineCommandFrame title="Quarantine" subtitle="Quarantine, release or recall a lot." failureTitle={`Not done: ${LOT_ACTION_LABELS[action].toLowerCase()}`} {...cmd.frame}>
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
          <Field label="Reason" className="col-span-2" autoComplete="off" placeholder="e.g. Temperature excursion in transit" {...form.bind('reason')} />
          <Field label="Reference (optional)" autoComplete="off" placeholder="Deviation or recall number" {...form.bind('reference')} />
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
