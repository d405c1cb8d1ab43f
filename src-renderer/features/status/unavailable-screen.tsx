import { RefreshCw, ServerCrash } from 'lucide-react';
import { Button } from '../../components/button';
import { FullScreenMessage } from '../../components/full-screen-message';

/** The desktop core did not answer at all (e.g. the browser shell was stopped). */
export function UnavailableScreen({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  return (
    <FullScreenMessage
      icon={<ServerCrash aria-hidden="true" className="size-5" />}
      title="Atlas is not responding"
      actions={
        <Button variant="primary" size="lg" autoFocus busy={retrying} icon={<RefreshCw aria-hidden="true" className="size-4" />} onClick={onRetry}>
          Try again
        </Button>
      }
    >
      <p>{message}</p>
    </FullScreenMessage>
  );
}
