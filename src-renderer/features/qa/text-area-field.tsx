import { forwardRef, type TextareaHTMLAttributes } from 'react';
import { cx } from '../../components/cx';
import { describedControl, FieldFrame, useFieldIds, type FieldChrome } from '../../components/field-frame';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>, FieldChrome {}

/** A labelled multi-line field, with its error and description tied to it as in `Field`. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField({ label, description, error, className, rows = 3, ...rest }, ref) {
  const ids = useFieldIds({ description, error });
  return (
    <FieldFrame ids={ids} label={label} description={description} error={error} className={className}>
      <textarea
        ref={ref}
        rows={rows}
        {...describedControl(ids, error)}
        className={cx(
          'w-full rounded-md border bg-surface px-2.5 py-1.5 text-[13px] text-fg shadow-xs placeholder:text-muted/80 focus-visible:outline-2 focus-visible:outline-offset-0',
          error ? 'border-danger focus-visible:outline-danger' : 'border-line-strong hover:border-muted/60',
        )}
        {...rest}
      />
    </FieldFrame>
  );
});
