import { useRef, useState, type FormEvent } from 'react';
import type { StockRow } from '../../../shared/inventory/stock-row';
import type { RouteParams } from '../../app/routes';
import { useForm, type FieldErrors, type Form } from '../../components/use-form';
import { lineKey, type StockLinePickerProps } from '../catalog/stock-line-picker';
import { commandFailure } from './form-errors';
import { useAfterChange } from './use-after-change';

/** The form field that stands for the chosen line, so its error shows under the picker. */
type LineField = 'line';
type Values<F extends string> = Record<LineField | F, string>;

export interface LineCommandOptions<F extends string> {
  /** The screen's address: `lot` and `location` preselect the line (Lot detail's actions). */
  params: RouteParams;
  fields: readonly (LineField | F)[];
  empty: Values<F>;
  validate: (line: StockRow | null, values: Values<F>) => FieldErrors<LineField | F>;
  /** Where focus goes once a scan or Enter settled on a line. */
  next: F;
  /** Told of each line chosen (quarantine proposes the action that fits the lot's status). */
  onLine?: (row: StockRow) => void;
}

export interface LineCommand<F extends string> {
  form: Form<LineField | F>;
  line: StockRow | null;
  /** Spread onto `LineCommandFrame`. */
  frame: { picker: StockLinePickerProps; failure: string | null; done: string | null };
  /** The form's submit handler: clears the last outcome, then sends unless a command is in flight. */
  submit: (busy: boolean, send: (values: Values<F>) => void) => (event: FormEvent<HTMLFormElement>) => void;
  /** After the command was recorded: say so, start afresh and refetch stock and sync status. */
  succeeded: (message: string) => Promise<void>;
  /** Field problems under their fields, the rest in the alert. */
  failed: (err: unknown) => void;
  /** Esc: back to an empty form with no line chosen. */
  clear: () => void;
}

/**
 * The state and wiring shared by the transfer, adjust, count and quarantine screens: the chosen
 * lot × location (a row, kept outside the text form), the form, and the outcome lines.
 */
export function useLineCommand<F extends string>({ params, fields, empty, validate, next, onLine }: LineCommandOptions<F>): LineCommand<F> {
  const afterChange = useAfterChange();
  const preset = useRef(params);
  const [line, setLine] = useState<StockRow | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm(fields, empty, (values) => validate(line, values));

  const picker: StockLinePickerProps = {
    value: line,
    onChange: (row) => {
      setLine(row);
      form.setValue('line', lineKey(row));
      if (row) onLine?.(row);
    },
    error: form.errors.line,
    initialLotId: preset.current.lot,
    initialLocationId: preset.current.location,
    onPicked: () => form.focus(next),
    selectRef: form.register('line'),
  };

  return {
    form,
    line,
    frame: { picker, failure, done },
    submit: (busy, send) =>
      form.handleSubmit((values) => {
        if (busy) return;
        setFailure(null);
        setDone(null);
        send(values);
      }),
    succeeded: async (message) => {
      setDone(message);
      setLine(null);
      form.reset();
      await afterChange();
    },
    failed: (err) => {
      const view = commandFailure(err, fields);
      setFailure(view.message);
      form.setServerErrors(view.byField);
    },
    clear: () => {
      form.reset();
      setLine(null);
      setFailure(null);
    },
  };
}
