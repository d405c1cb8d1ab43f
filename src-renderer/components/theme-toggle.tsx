import { Monitor, Moon, Sun, type LucideIcon } from 'lucide-react';
import { useTheme } from '../app/theme-provider';
import type { ThemePreference } from '../app/theme';
import { cx } from './cx';

const OPTIONS: ReadonlyArray<{ value: ThemePreference; label: string; Icon: LucideIcon }> = [
  { value: 'light', label: 'Light', Icon: Sun },
  { value: 'dark', label: 'Dark', Icon: Moon },
  { value: 'system', label: 'System', Icon: Monitor },
];

/**
 * Light / dark / system as a segmented radio group named "Theme". Native radios give the
 * arrow-key behaviour of a radio group for free; the labels are visually hidden, icons shown.
 */
export function ThemeToggle({ className }: { className?: string }) {
  const { preference, setPreference } = useTheme();
  return (
    <div role="radiogroup" aria-label="Theme" className={cx('inline-flex h-7 items-center rounded-md border border-line bg-surface-2 p-0.5', className)}>
      {OPTIONS.map(({ value, label, Icon }) => (
        <label
          key={value}
          title={`${label} theme`}
          className={cx(
            'relative inline-flex h-full w-7 items-center justify-center rounded-[5px] text-muted transition-colors hover:text-fg',
            'has-[:checked]:bg-surface has-[:checked]:text-fg has-[:checked]:shadow-xs',
            'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus',
          )}
        >
          <input type="radio" name="atlas-theme" value={value} checked={preference === value} onChange={() => setPreference(value)} className="sr-only" />
          <Icon aria-hidden="true" className="size-3.5" />
          <span className="sr-only">{label}</span>
        </label>
      ))}
    </div>
  );
}
