import { forwardRef, type InputHTMLAttributes } from 'react';
import { cx } from './cx';
import { describedControl, FieldFrame, useFieldIds, type FieldChrome } from './field-frame';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>, FieldChrome {}

/** A labelled input with its description and error tied to it (aria-describedby, aria-invalid). */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field({ label, description, error, className, ...input }, ref) {
  const ids = useFieldIds({ description, error });
  return (
    <FieldFrame ids={ids} label={label} description={description} error={error} className={className}>
      <input ref={ref} {...describedControl(ids, error)} className={inputClass(Boolean(error))} {...input} />
    </FieldFrame>
  );
});

export function inputClass(invalid: boolean): string {
  return cx(
    'h-8 w-full rounded-md border bg-surface px-2.5 text-[13px] text-fg shadow-xs transition-colors placeholder:text-muted/80',
    'focus-visible:outline-2 focus-visible:outline-offset-0',
    invalid ? 'border-danger focus-visible:outline-danger' : 'border-line-strong hover:border-muted/60',
  );
}
