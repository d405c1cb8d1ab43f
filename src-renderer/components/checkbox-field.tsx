import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { cx } from './cx';

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: string;
  description?: ReactNode;
}

export function CheckboxField({ label, description, className, ...input }: CheckboxFieldProps) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    <div className={cx('flex items-start gap-2', className)}>
      <input id={id} type="checkbox" aria-describedby={descriptionId} className="mt-0.5 size-4 accent-(--accent)" {...input} />
      <div className="flex flex-col">
        <label htmlFor={id} className="text-[12.5px] font-medium text-fg">
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="text-[12px] text-muted">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
