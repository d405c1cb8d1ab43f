import { forwardRef, useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { cx } from './cx';
import { inputClass } from './field';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  description?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}

/** A labelled native <select>: arrow keys, type-ahead and screen readers work with no extra code. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField({ label, description, error, className, children, ...select }, ref) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-[12.5px] font-medium text-fg">
        {label}
      </label>
      <select ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={cx(inputClass(Boolean(error)), 'pr-7')} {...select}>
        {children}
      </select>
      {error ? (
        <p id={errorId} className="text-[12px] text-danger">
          {error}
        </p>
      ) : null}
      {description ? (
        <p id={descriptionId} className="text-[12px] text-muted">
          {description}
        </p>
      ) : null}
    </div>
  );
});
