import { ArrowLeft } from 'lucide-react';
import { Button } from '../../components/button';
import { Kbd } from '../../components/kbd';
import { useEscapeKey } from '../../components/use-escape-key';

/**
 * The foot of the screens reached from sign-in (register, join with an invitation): the way back,
 * by button or by Esc (the house rule: Esc cancels). Esc does nothing while the form is being
 * sent, so a request in flight is not abandoned half-way.
 */
export function BackToSignIn({ onBack, busy }: { onBack: () => void; busy: boolean }) {
  useEscapeKey(onBack, !busy);
  return (
    <div className="mt-5 flex items-center justify-between border-t border-line pt-4 text-[13px] text-muted">
      <Button variant="ghost" size="sm" icon={<ArrowLeft aria-hidden="true" className="size-3.5" />} onClick={onBack} className="-ml-2">
        Back to sign in
      </Button>
      <span className="flex items-center gap-1.5" aria-hidden="true">
        <Kbd>Esc</Kbd> to go back
      </span>
    </div>
  );
}
