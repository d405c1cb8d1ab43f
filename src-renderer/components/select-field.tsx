import { forwardRef, type ReactNode, type SelectHTMLAttributes } from 'react';
import { cx } from './cx';
import { inputClass } from './field';
import { describedControl, FieldFrame, useFieldIds, type FieldChrome } from './field-frame';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>, FieldChrome {
  children: ReactNode;
}

/** A labelled native <select>: arrow keys, type-ahead and screen readers work with no extra code. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField({ label, description, error, className, children, ...select }, ref) {
  const ids = useFieldIds({ description, error });
  return (
    <FieldFrame ids={ids} label={label} description={description} error={error} className={className}>
      <select ref={ref} {...describedControl(ids, error)} className={cx(inputClass(Boolean(error)), 'pr-7')} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
});
