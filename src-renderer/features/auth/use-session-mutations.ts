import { useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs, SessionInfo } from '../../app/router-types';
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
  type AcceptInviteOptions = Parameters<typeof trpc.session.acceptInvite.mutationOptions>[0];

  async function signedIn(session: SessionInfo) {
    queryClient.setQueryData(sessionKey, session);
    await queryClient.invalidateQueries();
  }

  const signedOut = async () => {
    queryClient.setQueryData(sessionKey, null);
    // Nothing of the previous user's replica view may linger in memory.
    queryClient.removeQueries({ predicate: (q) => !isKeptAcrossSessions(q.queryKey) });
    await queryClient.invalidateQueries();
  };

  return {
    /** Signed in straight away, or told which second step comes next (MFA code or enrolment). */
    signInOptions: (opts: SignInOptions & { onChallenge: (challenge: SignInChallenge) => void }) => {
      const { onChallenge, ...rest } = opts;
      return trpc.session.signIn.mutationOptions({
        ...rest,
        onSuccess: async (outcome) => {
          if (outcome.status === 'signed-in') await signedIn(outcome.session);
          else onChallenge(outcome);
        },
      });
    },
    /** Joining with an invitation ends like a sign-in (MFA enrolment first when the company requires it). */
    acceptInviteOptions: (opts: AcceptInviteOptions & { onChallenge: (challenge: SignInChallenge) => void }) => {
      const { onChallenge, ...rest } = opts;
      return trpc.session.acceptInvite.mutationOptions({
        ...rest,
        onSuccess: async (outcome) => {
          if (outcome.status === 'signed-in') await signedIn(outcome.session);
          else onChallenge(outcome);
        },
      });
    },
    /** The end of a two-step sign-in: the shell appears. */
    completeSignIn: signedIn,
    signedOut,
    registerOptions: (opts: RegisterOptions) => trpc.session.register.mutationOptions({ ...opts, onSuccess: signedIn }),
    signOutOptions: () => trpc.session.signOut.mutationOptions({ onSuccess: signedOut }),
  };
}

export type SignInChallenge = Exclude<RouterOutputs['session']['signIn'], { status: 'signed-in' }>;

/** tRPC query keys start with the procedure path, e.g. `[['stock', 'list'], {...}]`. */
function isKeptAcrossSessions(key: readonly unknown[]): boolean {
  const path = key[0];
  return Array.isArray(path) && (path[0] === 'app' || path[0] === 'session');
}
