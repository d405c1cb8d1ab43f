import { useState } from 'react';
import type { ServerState } from '../status/server-indicator';
import { RegisterScreen } from './register-screen';
import { SignInScreen } from './sign-in-screen';

/** Signed out: sign in, or register a new company. */
export function AuthScreens({ server }: { server: ServerState | null }) {
  const [screen, setScreen] = useState<'sign-in' | 'register'>('sign-in');
  return screen === 'sign-in' ? <SignInScreen server={server} onRegister={() => setScreen('register')} /> : <RegisterScreen server={server} onBack={() => setScreen('sign-in')} />;
}
