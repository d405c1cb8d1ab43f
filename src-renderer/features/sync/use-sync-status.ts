import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../../app/trpc';

/** Fast enough that a change from another terminal (poke → pull) shows within a couple of seconds. */
const SYNC_POLL_MS = 2_000;

/**
 * The sync state, polled every 2 s. When the outbox shrinks or grows, or a pull lands (a new
 * `lastSyncAt`), the stock queries are refetched, so work synced from another terminal appears
 * on screen without anyone pressing anything.
 */
export function useSyncStatus() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery({ ...trpc.sync.status.queryOptions(), refetchInterval: SYNC_POLL_MS, refetchIntervalInBackground: true, staleTime: 0 });
  const seen = useRef<string | null>(null);
  const data = status.data;
  const fingerprint = data ? `${data.pending}|${data.lastSyncAt ?? ''}|${data.rejected}` : null;

  useEffect(() => {
    if (fingerprint === null) return;
    const previous = seen.current;
    seen.current = fingerprint;
    if (previous === null || previous === fingerprint) return;
    void queryClient.invalidateQueries(trpc.stock.pathFilter());
    void queryClient.invalidateQueries(trpc.sync.rejections.pathFilter());
  }, [fingerprint, queryClient, trpc]);

  return status;
}
