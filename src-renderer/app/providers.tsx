import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, type TRPCLink } from '@trpc/client';
import { useState, type ReactNode } from 'react';
import type { DesktopRouter } from '../../src-main/core/router';
import { isShellTokenRejected } from './app-error';
import { TRPCProvider } from './trpc';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The desktop core is local: a failure is rarely transient, so retry once, quickly.
        retry: (failures, err) => !isShellTokenRejected(err) && failures < 1,
        retryDelay: 300,
        staleTime: 5_000,
      },
      mutations: { retry: false },
    },
  });
}

/** Query cache and the typed tRPC client over the given links (IPC, HTTP, or the dev preview's mock). */
export function Providers({ links, children }: { links: TRPCLink<DesktopRouter>[]; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() => createTRPCClient<DesktopRouter>({ links }));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
