import type { InputHTMLAttributes } from 'react';
import { cx } from './cx';
import { describedControl, FieldNote, LABEL_CLASS, useFieldIds, type FieldChrome } from './field-frame';

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>, Omit<FieldChrome, 'error'> {}

/** A checkbox with its label and description beside it. */
export function CheckboxField({ label, description, className, ...input }: CheckboxFieldProps) {
  const ids = useFieldIds({ description });
  return (
    <div className={cx('flex items-start gap-2', className)}>
      <input type="checkbox" {...describedControl(ids, undefined)} className="mt-0.5 size-4 accent-(--accent)" {...input} />
      <div className="flex flex-col">
        <label htmlFor={ids.id} className={LABEL_CLASS}>
          {label}
        </label>
        <FieldNote id={ids.descriptionId}>{description}</FieldNote>
      </div>
    </div>
  );
}
