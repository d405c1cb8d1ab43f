import type { ReactNode } from 'react';
import { Card } from './card';
import { cx } from './cx';
import { Wordmark } from './wordmark';

export interface FullScreenMessageProps {
  icon: ReactNode;
  tone?: 'danger' | 'neutral';
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}

/** A whole-window message for states with no way forward but the one offered (start-up problems). */
export function FullScreenMessage({ icon, tone = 'danger', title, children, actions }: FullScreenMessageProps) {
  return (
    <div className="flex min-h-full flex-col bg-canvas">
      <header className="flex h-12 items-center px-5">
        <Wordmark />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-[8vh] pb-10">
        <Card className="w-full max-w-[560px] p-7">
          <div className={cx('mb-4 flex size-10 items-center justify-center rounded-full', tone === 'danger' ? 'bg-danger-soft text-danger' : 'bg-accent-soft text-accent')}>{icon}</div>
          <h1 className="text-[19px] font-semibold tracking-tight">{title}</h1>
          <div className="mt-2 space-y-3 text-[13.5px] leading-6 text-fg/90">{children}</div>
          {actions ? <div className="mt-6 flex items-center gap-3">{actions}</div> : null}
        </Card>
      </main>
    </div>
  );
}
