import { useState } from 'react';
import type { ServerState } from '../status/server-indicator';
import { AcceptInviteScreen } from './accept-invite-screen';
import type { EnrolConfirmed } from './mfa-enrol-panel';
import { MfaEnrolScreen } from './mfa-enrol-screen';
import { MfaStepScreen } from './mfa-step-screen';
import { RegisterScreen } from './register-screen';
import { SignInScreen } from './sign-in-screen';
import type { SignInChallenge } from './use-session-mutations';

type AuthStep = { screen: 'sign-in' } | { screen: 'register' } | { screen: 'invite' } | { screen: 'mfa'; expiresAt: string } | { screen: 'enrol' };

/**
 * Signed out: sign in (possibly in two steps: an MFA code, or setting MFA up when the company
 * requires it), join a company with an invitation (which ends the same way), or register a new
 * company. `onEnrolled` hands the backup codes of an enrolment
 * that finished the sign-in to the session gate, which shows them before the app opens.
 */
export function AuthScreens({ server, onEnrolled }: { server: ServerState | null; onEnrolled: (result: EnrolConfirmed) => void }) {
  const [step, setStep] = useState<AuthStep>({ screen: 'sign-in' });
  const toSignIn = () => setStep({ screen: 'sign-in' });
  const onChallenge = (challenge: SignInChallenge) =>
    setStep(challenge.status === 'mfa-required' ? { screen: 'mfa', expiresAt: challenge.expiresAt } : { screen: 'enrol' });
  switch (step.screen) {
    case 'register':
      return <RegisterScreen server={server} onBack={toSignIn} />;
    case 'invite':
      return <AcceptInviteScreen server={server} onBack={toSignIn} onChallenge={onChallenge} />;
    case 'mfa':
      return <MfaStepScreen server={server} expiresAt={step.expiresAt} onBack={toSignIn} />;
    case 'enrol':
      return <MfaEnrolScreen server={server} onConfirmed={onEnrolled} onBack={toSignIn} />;
    default:
      return <SignInScreen server={server} onRegister={() => setStep({ screen: 'register' })} onInvite={() => setStep({ screen: 'invite' })} onChallenge={onChallenge} />;
  }
}
