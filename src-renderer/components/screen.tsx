import { useId, type ReactNode } from 'react';
import { cx } from './cx';

export interface ScreenProps {
  title: string;
  /** One line under the title: what the screen is for. */
  subtitle?: ReactNode;
  /** Right side of the header: search, filters, buttons. */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** The frame of every screen: a level-1 heading that names the region, then the content. */
export function Screen({ title, subtitle, actions, children, className }: ScreenProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={cx('flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto p-4', className)}>
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h1 id={headingId} className="text-[18px] font-semibold tracking-tight">
            {title}
          </h1>
          {subtitle ? <p className="mt-0.5 text-[12.5px] text-muted">{subtitle}</p> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
