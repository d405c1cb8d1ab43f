import { CircleExclamationPoint, Info } from 'lucide-react';
import type { ReactNode } from 'react';
import { cx } from './cx';

export interface AlertProps {
  tone?: 'danger' | 'info';
  title?: string;
  children?: ReactNode;
  className?: string;
}

/** A message box; `danger` is role="alert" so screen readers announce it as soon as it appears. */
export function Alert({ tone = 'danger', title, children, className }: AlertProps) {
  const Icon = tone === 'danger' ? CircleExclamationPoint : Info;
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      className={cx(
        'flex gap-2.5 rounded-md border px-3 py-2.5 text-[13px]',
        tone === 'danger' ? 'border-danger-line bg-danger-soft text-fg' : 'border-line bg-surface-2 text-fg',
        className,
      )}
    >
      <Icon aria-hidden="true" className={cx('mt-0.5 size-4 shrink-0', tone === 'danger' ? 'text-danger' : 'text-muted')} />
      <div className="min-w-0 space-y-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className="text-fg/90">{children}</div> : null}
      </div>
    </div>
  );
}
