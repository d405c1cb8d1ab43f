import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { AuthScreens } from '../features/auth/auth-screens';
import { BackupCodesScreen } from '../features/auth/backup-codes-screen';
import type { EnrolConfirmed } from '../features/auth/mfa-enrol-panel';
import { useSessionMutations } from '../features/auth/use-session-mutations';
import { ShellTokenScreen } from '../features/status/shell-token-screen';
import { SplashScreen } from '../features/status/splash-screen';
import { StartupErrorScreen } from '../features/status/startup-error-screen';
import { startupProblem } from '../features/status/startup-problem';
import { UnavailableScreen } from '../features/status/unavailable-screen';
import { AppShell } from './app-shell';
import { isShellTokenRejected, toAppError } from './app-error';
import type { AppStatus } from './router-types';
import { useTRPC } from './trpc';
import { forgetShellToken } from './trpc-link';

/** The status bar must notice the server coming and going without a user action. */
const STATUS_POLL_MS = 10_000;

/** Start-up: Atlas runs only with the keychain available and the encrypted replica open. */
export function StartupGate() {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.app.status.queryOptions(), refetchInterval: STATUS_POLL_MS });
  const tokenRejected = status.isError && isShellTokenRejected(status.error);

  useEffect(() => {
    if (tokenRejected) forgetShellToken(window);
  }, [tokenRejected]);

  if (tokenRejected) return <ShellTokenScreen reason="rejected" />;
  if (!status.data) {
    if (status.isError) return <UnavailableScreen message={toAppError(status.error).message} retrying={status.isFetching} onRetry={() => void status.refetch()} />;
    return <SplashScreen label="Opening the encrypted local replica…" />;
  }
  const problem = startupProblem(status.data);
  if (problem) return <StartupErrorScreen problem={problem} status={status.data} retrying={status.isFetching} onRetry={() => void status.refetch()} />;
  return <SessionGate status={status.data} />;
}

function SessionGate({ status }: { status: AppStatus }) {
  const trpc = useTRPC();
  const session = useQuery(trpc.session.current.queryOptions());
  const { completeSignIn } = useSessionMutations();
  // An enrolment that finished a sign-in: its backup codes come first, even though the desktop
  // core already holds the new session (a background refetch must not skip them).
  const [enrolled, setEnrolled] = useState<EnrolConfirmed | null>(null);
  if (enrolled?.session) {
    const signedIn = enrolled.session;
    return (
      <BackupCodesScreen
        server={status.server}
        codes={enrolled.backupCodes}
        account={signedIn.user.email}
        onDone={() => {
          setEnrolled(null);
          void completeSignIn(signedIn);
        }}
      />
    );
  }
  if (session.isPending) return <SplashScreen label="Checking your session…" />;
  if (session.isError) return <UnavailableScreen message={toAppError(session.error).message} retrying={session.isFetching} onRetry={() => void session.refetch()} />;
  if (session.data === null) return <AuthScreens server={status.server} onEnrolled={setEnrolled} />;
  return <AppShell status={status} session={session.data} />;
}
