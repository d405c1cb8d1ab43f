import { LoaderCircle } from 'lucide-react';
import { cx } from './cx';

/** A decorative spinner; pair it with text or `aria-busy` so the state is announced. */
export function Spinner({ className }: { className?: string }) {
  return <LoaderCircle aria-hidden="true" className={cx('size-4 animate-spin', className)} />;
}
