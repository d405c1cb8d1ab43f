import { useMutation, useQuery } from '@tanstack/react-query';
import { LogOut } from 'lucide-react';
import { useState } from 'react';
import { toAppError } from '../../app/app-error';
import { roleLabel } from '../../app/role-label';
import type { SessionInfo } from '../../app/router-types';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Screen } from '../../components/screen';
import { Spinner } from '../../components/spinner';
import { useSessionMutations } from '../auth/use-session-mutations';
import { MfaCard } from './mfa-card';
import { PasswordCard } from './password-card';
import { PersonalDataCard } from './personal-data-card';
import { ProfileCard } from './profile-card';
import { TrustedDevicesCard } from './trusted-devices-card';

/** "My account": your profile and personal data, two-step verification, trusted computers, password, sign-out everywhere. */
export function AccountScreen({ session }: { session: SessionInfo }) {
  const trpc = useTRPC();
  const status = useQuery(trpc.session.mfaStatus.queryOptions());
  return (
    <Screen title="My account" subtitle={`${session.user.name} · ${session.user.email} · ${roleLabel(session.user.role)} at ${session.company.name}`}>
      <div className="flex max-w-4xl flex-col gap-3">
        <ProfileCard />
        {status.isError ? <Alert title="Your security settings could not be loaded">{toAppError(status.error).message}</Alert> : null}
        {status.isPending ? (
          <p className="flex items-center gap-2 text-[13px] text-muted" role="status">
            <Spinner /> Loading your security settings…
          </p>
        ) : null}
        {status.data ? (
          <>
            <MfaCard status={status.data} email={session.user.email} />
            <TrustedDevicesCard devices={status.data.trustedDevices} />
          </>
        ) : null}
        <PasswordCard />
        <PersonalDataCard />
        <SignOutEverywhereCard />
      </div>
    </Screen>
  );
}

function SignOutEverywhereCard() {
  const trpc = useTRPC();
  const { signedOut } = useSessionMutations();
  const [asking, setAsking] = useState(false);
  const everywhere = useMutation(trpc.session.signOutEverywhere.mutationOptions({ onSuccess: signedOut }));
  return (
    <Card className="p-4">
      <h2 className="mb-1 flex items-center gap-2 text-[14px] font-semibold">
        <LogOut aria-hidden="true" className="size-4" /> Sign out everywhere
      </h2>
      <p className="text-[13px] text-fg/90">Ends your sessions on every computer, this one included, and forgets all trusted computers. Use it if a computer was lost or you suspect someone knows your password.</p>
      {everywhere.isError ? <Alert title="You are still signed in" className="mt-2">{toAppError(everywhere.error).message}</Alert> : null}
      <div className="mt-3 flex gap-2">
        {asking ? (
          <>
            <Button variant="primary" size="sm" busy={everywhere.isPending} onClick={() => everywhere.mutate()}>
              Yes, sign out everywhere
            </Button>
            <Button size="sm" onClick={() => setAsking(false)}>
              Cancel
            </Button>
          </>
        ) : (
          <Button size="sm" onClick={() => setAsking(true)}>
            Sign out everywhere…
          </Button>
        )}
      </div>
    </Card>
  );
}
