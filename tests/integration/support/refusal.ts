import { AppError } from '../../../shared/errors';

/**
 * The AppError a server call was refused with: thrown as is by a service, or as the cause of the
 * TRPCError a `createCaller` procedure throws. Fails the test when the call succeeds.
 */
export async function refusal(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (err) {
    const cause = err instanceof AppError ? err : (err as { cause?: unknown }).cause;
    if (cause instanceof AppError) return cause;
    throw err;
  }
  throw new Error('expected the call to be refused');
}
