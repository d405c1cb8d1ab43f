import { Spinner } from '../../components/spinner';
import { Wordmark } from '../../components/wordmark';

export function SplashScreen({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="flex min-h-full flex-col items-center justify-center gap-4 bg-canvas">
      <Wordmark size="lg" />
      <p className="flex items-center gap-2 text-[13px] text-muted">
        <Spinner /> {label}
      </p>
    </div>
  );
}
