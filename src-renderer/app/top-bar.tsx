import { useMutation } from '@tanstack/react-query';
import { LogOut } from 'lucide-react';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { ThemeToggle } from '../components/theme-toggle';
import { Wordmark } from '../components/wordmark';
import { useSessionMutations } from '../features/auth/use-session-mutations';
import { SyncIndicator } from '../features/sync/sync-indicator';
import { toAppError } from './app-error';
import { roleLabel } from './role-label';
import type { AppStatus, SessionInfo } from './router-types';

export function TopBar({ status, session }: { status: AppStatus; session: SessionInfo }) {
  const { signOutOptions } = useSessionMutations();
  const signOut = useMutation(signOutOptions());
  return (
    <header className="relative flex h-11 shrink-0 items-center gap-4 border-b border-line bg-surface px-3">
      <Wordmark />
      <span aria-hidden="true" className="h-5 w-px bg-line" />
      <p className="min-w-0 truncate text-[13px] font-medium" title="Company">
        {session.company.name}
      </p>
      <div className="ml-auto flex items-center gap-3">
        <SyncIndicator server={status.server} />
        <span aria-hidden="true" className="h-5 w-px bg-line" />
        <p className="flex flex-col items-end leading-tight">
          <span className="text-[12.5px] font-medium">{session.user.name}</span>
          <span className="text-[11px] text-muted">{roleLabel(session.user.role)}</span>
        </p>
        <ThemeToggle />
        <Button variant="ghost" size="sm" busy={signOut.isPending} icon={<LogOut aria-hidden="true" className="size-3.5" />} onClick={() => signOut.mutate()}>
          Sign out
        </Button>
      </div>
      {signOut.isError ? (
        <div className="absolute top-full right-3 z-20 mt-2 w-80">
          <Alert title="Could not sign out">{toAppError(signOut.error).message}</Alert>
        </div>
      ) : null}
    </header>
  );
}
