import { cx } from '../../components/cx';

export interface ProgressBarProps {
  label: string;
  /** 0..1, or null for "working, size unknown" (an indeterminate bar). */
  value: number | null;
  /** What a screen reader says instead of the bare percentage, e.g. "1,200 of 5,000 rows". */
  valueText?: string;
  className?: string;
}

/** A native-looking progress bar with role="progressbar", so its state is announced. */
export function ProgressBar({ label, value, valueText, className }: ProgressBarProps) {
  const percent = value === null ? null : Math.round(value * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={valueText}
      className={cx('relative h-2 w-full overflow-hidden rounded-full bg-surface-2 ring-1 ring-line ring-inset', className)}
    >
      {percent === null ? (
        <div key="indeterminate" className="h-full w-full animate-pulse rounded-full bg-accent/45" />
      ) : (
        <div key="determinate" className="h-full rounded-full bg-accent transition-[width] duration-200" style={{ width: `${percent}%` }} />
      )}
    </div>
  );
}
