import { Timer } from 'lucide-react';
import { formatWait, spokenWait, type Lockout } from './lockout';

/**
 * "Too many attempts — try again in 4:32". The visible countdown ticks every second but is not a
 * live region (a screen reader would read it every second); the alert itself is announced once,
 * with the wait spoken in words.
 */
export function LockoutAlert({ lockout, secondsLeft }: { lockout: Lockout; secondsLeft: number }) {
  return (
    <div role="alert" className="mb-4 flex gap-2.5 rounded-md border border-danger-line bg-danger-soft px-3 py-2.5 text-[13px]" data-testid="lockout">
      <Timer aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-danger" />
      <div className="min-w-0 space-y-1">
        <p className="font-medium">Too many attempts. Sign-in is paused for your safety.</p>
        <p className="text-fg/90">{lockout.message}</p>
        <p className="font-medium">
          <span aria-hidden="true">
            Try again in <span className="tabular-nums">{formatWait(secondsLeft)}</span>
          </span>
          <span className="sr-only">Try again in {spokenWait(lockout.seconds)}.</span>
        </p>
      </div>
    </div>
  );
}
