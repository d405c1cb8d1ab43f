import { useQuery } from '@tanstack/react-query';
import { CloudOff } from 'lucide-react';
import { useTRPC } from '../../app/trpc';
import { describeSyncError } from './describe-sync-error';

/** Under the top bar while the last sync failed: what happened, in words, and that nothing is lost. */
export function SyncErrorBanner() {
  const trpc = useTRPC();
  // Same cache entry the sync indicator polls.
  const sync = useQuery(trpc.sync.status.queryOptions());
  const message = describeSyncError(sync.data?.lastError ?? null);
  return (
    <div role="status" aria-live="polite">
      {message ? (
        <p className="flex items-center gap-2 border-b border-line bg-warn-soft px-3 py-1.5 text-[12.5px] text-fg">
          <CloudOff aria-hidden="true" className="size-3.5 shrink-0 text-warn" />
          {message}
        </p>
      ) : null}
    </div>
  );
}
