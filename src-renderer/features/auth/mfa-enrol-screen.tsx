import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../app/trpc';
import type { ServerState } from '../status/server-indicator';
import { AuthLayout } from './auth-layout';
import { MfaEnrolPanel, type EnrolConfirmed } from './mfa-enrol-panel';

/**
 * The company requires two-step verification and this person has none yet: they set it up as
 * the second step of the sign-in, which finishes once the first code is confirmed.
 */
export function MfaEnrolScreen({ server, onConfirmed, onBack }: { server: ServerState | null; onConfirmed: (result: EnrolConfirmed) => void; onBack: () => void }) {
  const trpc = useTRPC();
  const cancel = useMutation(trpc.session.cancelSignIn.mutationOptions());
  return (
    <AuthLayout title="Set up two-step verification" subtitle="Your company requires a code from an authenticator app at sign-in. Set it up now to finish signing in." server={server} wide>
      <MfaEnrolPanel
        trustChoice
        onConfirmed={onConfirmed}
        onCancel={() => {
          cancel.mutate();
          onBack();
        }}
      />
    </AuthLayout>
  );
}
