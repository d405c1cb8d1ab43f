import type { ReactNode } from 'react';
import { cx } from './cx';

export type BadgeTone = 'neutral' | 'ok' | 'notice' | 'warn' | 'danger' | 'accent';

const TONES: Record<BadgeTone, string> = {
  neutral: 'border-line bg-surface-2 text-muted',
  ok: 'border-transparent bg-ok-soft text-ok',
  notice: 'border-transparent bg-notice-soft text-notice',
  warn: 'border-transparent bg-warn-soft text-warn',
  danger: 'border-transparent bg-danger-soft text-danger',
  accent: 'border-transparent bg-accent-soft text-accent',
};

/** A small label; the words carry the meaning, the colour only reinforces it (WCAG 1.4.1). */
export function Badge({ tone = 'neutral', children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={cx('inline-flex h-5 items-center gap-1 rounded border px-1.5 text-[11.5px] font-medium whitespace-nowrap', TONES[tone], className)}>{children}</span>;
}
