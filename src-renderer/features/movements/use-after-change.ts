import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../app/trpc';

/** After a command: refetch stock (levels, lots, FEFO) and the sync status (one more pending). */
export function useAfterChange(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([queryClient.invalidateQueries(trpc.stock.pathFilter()), queryClient.invalidateQueries(trpc.sync.status.pathFilter())]);
  }, [queryClient, trpc]);
}
