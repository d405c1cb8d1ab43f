import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { cx } from './cx';
import { Spinner } from './spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'link';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md' | 'lg';
  /** Shows a spinner and ignores clicks, but keeps focus and the accessible name. */
  busy?: boolean;
  icon?: ReactNode;
}

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-accent text-accent-fg shadow-sm hover:bg-accent-hover',
  secondary: 'border border-line-strong bg-surface text-fg shadow-xs hover:bg-surface-2',
  ghost: 'text-fg hover:bg-surface-2',
  link: 'h-auto! px-0! text-accent underline-offset-4 hover:underline',
};

const SIZES = { sm: 'h-7 px-2.5 gap-1.5 text-[12px]', md: 'h-8 px-3 gap-2', lg: 'h-9 px-4 gap-2 text-[13.5px]' } as const;

export function Button({ variant = 'secondary', size = 'md', busy = false, icon, type = 'button', className, children, onClick, ...rest }: ButtonProps) {
  // aria-disabled rather than disabled while busy: a disabled button drops keyboard focus to <body>.
  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }
  return (
    <button
      type={type}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={handleClick}
      className={cx(
        'inline-flex shrink-0 cursor-default items-center justify-center rounded-md font-medium whitespace-nowrap transition-colors select-none',
        'disabled:opacity-50 aria-disabled:opacity-80',
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...rest}
    >
      {busy ? <Spinner /> : icon}
      {children}
    </button>
  );
}
