import { forwardRef, useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { cx } from './cx';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  /** Help shown below the input and announced with it. */
  description?: ReactNode;
  /** Shown below the input in the danger colour; marks the input invalid. */
  error?: string | undefined;
}

/** A labelled input with its description and error tied to it (aria-describedby, aria-invalid). */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field({ label, description, error, className, ...input }, ref) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-[12.5px] font-medium text-fg">
        {label}
      </label>
      <input ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClass(Boolean(error))} {...input} />
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

export function inputClass(invalid: boolean): string {
  return cx(
    'h-8 w-full rounded-md border bg-surface px-2.5 text-[13px] text-fg shadow-xs transition-colors placeholder:text-muted/80',
    'focus-visible:outline-2 focus-visible:outline-offset-0',
    invalid ? 'border-danger focus-visible:outline-danger' : 'border-line-strong hover:border-muted/60',
  );
}
