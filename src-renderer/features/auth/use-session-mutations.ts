import { useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '../../app/router-types';
import { useTRPC } from '../../app/trpc';

/**
 * Mutation options for the session procedures. On success the new session goes straight into
 * the `session.current` cache (the shell appears without a flash of the sign-in screen) and every
 * other query is refetched for the new user.
 */
export function useSessionMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessionKey = trpc.session.current.queryKey();

  type SignInOptions = Parameters<typeof trpc.session.signIn.mutationOptions>[0];
  type RegisterOptions = Parameters<typeof trpc.session.register.mutationOptions>[0];

  async function signedIn(session: SessionInfo) {
    queryClient.setQueryData(sessionKey, session);
    await queryClient.invalidateQueries();
  }

  return {
    signInOptions: (opts: SignInOptions) => trpc.session.signIn.mutationOptions({ ...opts, onSuccess: signedIn }),
    registerOptions: (opts: RegisterOptions) => trpc.session.register.mutationOptions({ ...opts, onSuccess: signedIn }),
    signOutOptions: () =>
      trpc.session.signOut.mutationOptions({
        async onSuccess() {
          queryClient.setQueryData(sessionKey, null);
          // Nothing of the previous user's replica view may linger in memory.
          queryClient.removeQueries({ predicate: (q) => !isKeptAcrossSessions(q.queryKey) });
          await queryClient.invalidateQueries();
        },
      }),
  };
}

/** tRPC query keys start with the procedure path, e.g. `[['stock', 'list'], {...}]`. */
function isKeptAcrossSessions(key: readonly unknown[]): boolean {
  const path = key[0];
  return Array.isArray(path) && (path[0] === 'app' || path[0] === 'session');
}
