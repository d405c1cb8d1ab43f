import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CloudOff, RefreshCw, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import type { AppStatus } from '../../app/router-types';
import { useTRPC } from '../../app/trpc';
import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { RejectionsDialog } from './rejections-dialog';
import { relativeTime } from './relative-time';
import { useSyncStatus } from './use-sync-status';

const count = new Intl.NumberFormat('en-US');

/**
 * Always visible in the top bar: online or offline, how many changes wait to be sent, when the
 * last sync succeeded, a "Sync now" button, and the changes the server did not accept.
 */
export function SyncIndicator({ server }: { server: AppStatus['server'] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sync = useSyncStatus();
  const [showRejections, setShowRejections] = useState(false);
  const syncNow = useMutation(
    trpc.sync.now.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.sync.status.pathFilter()),
    }),
  );
  const data = sync.data;
  // The desktop core's answer: the health check, or offline when the last sync could not reach the server.
  const online = data?.online === true;
  const pending = data?.pending ?? 0;
  const rejected = data?.rejected ?? 0;

  return (
    <div className="flex items-center gap-2.5 text-[12px]">
      <span role="status" className="inline-flex items-center gap-1.5" title={`Atlas server ${server.url}`}>
        {online ? <span aria-hidden="true" className="size-2 rounded-full bg-ok" /> : <CloudOff aria-hidden="true" className="size-3.5 text-warn" />}
        <span className={cx('font-medium', online ? 'text-fg' : 'text-warn')}>{online ? 'Online' : 'Offline'}</span>
      </span>
      <span aria-hidden="true" className="text-line-strong">·</span>
      <span role="status" aria-live="polite" className={cx('tabular-nums', pending > 0 ? 'font-medium text-fg' : 'text-muted')} data-testid="sync-pending">
        {pending === 0 ? 'All changes sent' : `${count.format(pending)} pending`}
      </span>
      <span aria-hidden="true" className="text-line-strong">·</span>
      <span className="text-muted" data-testid="sync-last">
        {data?.syncing ? 'Syncing…' : data?.lastSyncAt ? `Last synced ${relativeTime(data.lastSyncAt)}` : 'Not synced yet'}
      </span>
      {rejected > 0 ? (
        <Button variant="link" size="sm" className="text-danger!" icon={<TriangleAlert aria-hidden="true" className="size-3.5" />} onClick={() => setShowRejections(true)}>
          {`${count.format(rejected)} not accepted`}
        </Button>
      ) : null}
      <Button
        variant="secondary"
        size="sm"
        busy={syncNow.isPending || data?.syncing === true}
        icon={<RefreshCw aria-hidden="true" className="size-3.5" />}
        onClick={() => syncNow.mutate()}
      >
        Sync now
      </Button>
      <RejectionsDialog open={showRejections} onClose={() => setShowRejections(false)} />
    </div>
  );
}
