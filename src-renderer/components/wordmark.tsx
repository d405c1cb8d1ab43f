import { cx } from './cx';

/** The Atlas mark (a stylised stacked-lot glyph) and name. The SVG is decorative; the text is the name. */
export function Wordmark({ className, size = 'md' }: { className?: string; size?: 'md' | 'lg' }) {
  const box = size === 'lg' ? 'size-8' : 'size-6';
  return (
    <span className={cx('inline-flex items-center gap-2 font-semibold tracking-tight text-fg', size === 'lg' ? 'text-[20px]' : 'text-[15px]', className)}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className={cx(box, 'text-accent')} fill="none">
        <rect x="1" y="1" width="22" height="22" rx="6" fill="currentColor" />
        <path d="M7 16.5 12 6l5 10.5" stroke="var(--accent-fg)" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M9 13h6" stroke="var(--accent-fg)" strokeWidth="2" strokeLinecap="round" />
      </svg>
      Atlas
    </span>
  );
}
