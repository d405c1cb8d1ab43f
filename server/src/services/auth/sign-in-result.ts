/**
 * Narrows an `auth.signIn` / `company.acceptInvite` answer to the signed-in case, for callers that
 * know MFA does not apply (demo seed, tests of other areas) and would otherwise silently carry on
 * with an MFA challenge. Throws a message naming the step that is missing.
 */
export function signedInOrThrow<T extends { status: string }>(result: T): Extract<T, { status: 'signed-in' }> {
  if (result.status !== 'signed-in') throw new Error(`expected a signed-in session, got "${result.status}" (this account needs two-step verification)`);
  return result as Extract<T, { status: 'signed-in' }>;
}
