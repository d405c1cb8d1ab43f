import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useTRPC } from '../../app/trpc';

/** As the stock screens: a change from another terminal (pull) shows within a couple of seconds. */
const LEDGER_POLL_MS = 2_000;

/**
 * The desktop's view of the company's QA ledger, polled. When it moves (a pull verified a new
 * tree head, a queued signature was accepted or refused), the QA lists and records are refetched,
 * so a "pending sync" marker turns into a ledger index without anyone pressing anything.
 */
export function useQaLedger() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ledger = useQuery({ ...trpc.qa.ledger.queryOptions(), refetchInterval: LEDGER_POLL_MS, refetchIntervalInBackground: true, staleTime: 0 });
  const seen = useRef<string | null>(null);
  const d = ledger.data;
  const fingerprint = d ? `${d.treeSize ?? ''}|${d.rootHash ?? ''}|${d.pendingOps}|${d.rejected.length}|${d.problem?.code ?? ''}` : null;
  useEffect(() => {
    if (fingerprint === null) return;
    const previous = seen.current;
    seen.current = fingerprint;
    if (previous === null || previous === fingerprint) return;
    for (const filter of [trpc.qa.list.pathFilter(), trpc.qa.get.pathFilter(), trpc.qa.keys.pathFilter(), trpc.qa.keyStatus.pathFilter()]) void queryClient.invalidateQueries(filter);
  }, [fingerprint, queryClient, trpc]);
  return ledger;
}

/** After a QA command: everything QA is refetched (records, keys, the ledger's pending count). */
export function useQaAfterChange(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await queryClient.invalidateQueries(trpc.qa.pathFilter());
  }, [queryClient, trpc]);
}

/** The signed-in person (shares the session cache the shell already holds). */
export function useCurrentUser() {
  const trpc = useTRPC();
  const session = useQuery(trpc.session.current.queryOptions());
  return session.data?.user ?? null;
}
