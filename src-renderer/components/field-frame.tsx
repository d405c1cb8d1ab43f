import { useId, type ReactNode } from 'react';
import { cx } from './cx';

/** The label, help and error every form control shows; the control itself is the caller's. */
export interface FieldChrome {
  label: string;
  /** Help shown below the control and announced with it. */
  description?: ReactNode;
  /** Shown below the control in the danger colour; marks the control invalid. */
  error?: string | undefined;
}

export interface FieldIds {
  id: string;
  errorId: string | undefined;
  descriptionId: string | undefined;
}

export const LABEL_CLASS = 'text-[12.5px] font-medium text-fg';

/** Ids tying a control to its label, description and error. */
export function useFieldIds({ description, error }: Pick<FieldChrome, 'description' | 'error'>): FieldIds {
  const id = useId();
  return { id, errorId: error ? `${id}-error` : undefined, descriptionId: description ? `${id}-description` : undefined };
}

/** The attributes that make a control announce its error and description (aria-invalid, aria-describedby). */
export function describedControl(ids: FieldIds, error: string | undefined) {
  const describedBy = [ids.errorId, ids.descriptionId].filter(Boolean).join(' ') || undefined;
  return { id: ids.id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
}

/** A paragraph under a control: its error (danger colour) or its description. */
export function FieldNote({ id, tone = 'muted', children }: { id: string | undefined; tone?: 'muted' | 'danger'; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className={tone === 'danger' ? 'text-[12px] text-danger' : 'text-[12px] text-muted'}>
      {children}
    </p>
  );
}

/** Label above, then the control, then the error and the description: the layout of text fields and selects. */
export function FieldFrame({ ids, label, description, error, className, children }: FieldChrome & { ids: FieldIds; className?: string | undefined; children: ReactNode }) {
  return (
    <div className={cx('flex flex-col gap-1', className)}>
      <label htmlFor={ids.id} className={LABEL_CLASS}>
        {label}
      </label>
      {children}
      <FieldNote id={ids.errorId} tone="danger">
        {error}
      </FieldNote>
      <FieldNote id={ids.descriptionId}>{description}</FieldNote>
    </div>
  );
}
