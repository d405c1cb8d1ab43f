import { AppError, isAppError } from '../../../../shared/errors';
import type { SessionInfo } from '../../../../src-main/core/desktop-core';
import type { DemoAccount } from './demo-account-defaults';
import type { DemoProfile } from './demo-profile';

export interface DemoSignIn {
  session: SessionInfo;
  /** False when the account was already on the server and we signed in to it. */
  created: boolean;
  /** Who the local profile was signed in as before, when that was someone else. */
  replaced: string | null;
}

/** Registers the demo company, or signs in to it when the email is already taken. */
export async function signInDemo(profile: DemoProfile, account: DemoAccount): Promise<DemoSignIn> {
  const before = await profile.call((api) => api.session.current.query());
  const replaced = before && before.user.email !== account.email.toLowerCase() ? `${before.user.email} (${before.company.name})` : null;
  try {
    const session = await profile.call((api) => api.session.register.mutate(account));
    return { session, created: true, replaced };
  } catch (err) {
    if (!isAppError(err) || err.code !== 'auth/email-taken') throw err;
  }
  try {
    const result = await profile.call((api) => api.session.signIn.mutate({ email: account.email, password: account.password }));
    if (result.status !== 'signed-in') {
      throw new AppError('auth/mfa-enrolment-required', `${account.email} needs two-step verification to sign in; the demo seed cannot enter codes. Use another --email.`);
    }
    return { session: result.session, created: false, replaced };
  } catch (err) {
    if (isAppError(err) && err.code === 'auth/invalid-credentials') {
      throw new AppError('auth/invalid-credentials', `An account ${account.email} already exists on this server, but that password does not sign in to it. Pass its password with --password, or use another --email.`);
    }
    throw err;
  }
}
