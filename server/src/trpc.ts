import { initTRPC } from '@trpc/server';
import { AppError, isAppError } from '../../shared/errors';
import { formatAppError, rethrowAppErrors } from '../../shared/trpc-errors';
import type { ServerContext } from './context';
import { logUnexpected } from './log';
import { AUTH_PROCEDURES, bucketFor } from './services/rate-limit/policy';
import { takeRateLimitToken } from './services/rate-limit/rate-limiter';

/**
 * The server's tRPC instance, mirroring the desktop one (src-main/core/router/trpc.ts): every
 * error reaches the client as `{code, message, issues?}` in `error.data.app` — never a stack
 * trace or SQL (OWASP ASVS 7.4.1). Unexpected errors are logged here with a reference id.
 */
const t = initTRPC.context<ServerContext>().create({
  isServer: true,
  errorFormatter: ({ shape, error, ctx }) => formatAppError(shape, error, (err, ref) => logUnexpected(err, ref, ctx?.requestId)),
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure draws a token before it runs (issue 6): the bucket is chosen by the procedure's
 * path (services/rate-limit/policy.ts), the refusal is `rate-limit/exceeded` (429) with an HTTP
 * `Retry-After` (RFC 9110 §10.2.3) set on the tRPC response. Runs before authedProcedure's check,
 * so a caller with a bad token is counted by address.
 */
const rateLimited = t.middleware(async ({ ctx, path, getRawInput, next }) => {
  const caller = {
    ip: ctx.origin.ip,
    auth: ctx.auth ? { userId: ctx.auth.userId, companyId: ctx.auth.companyId } : null,
    // The account email of sign-in style calls; a malformed body is the validator's to report.
    rawInput: AUTH_PROCEDURES.has(path) ? await getRawInput().catch(() => undefined) : undefined,
  };
  try {
    const bucket = bucketFor(path, caller);
    // The per-account bucket is named by the email's keyed blind index (issue 6, Data protection),
    // not a plain hash: an unkeyed SHA-256 of an email is reversed by hashing a list of addresses.
    const subjects = bucket.subjects.map((s) => (s.kind === 'email' ? { ...s, email: ctx.services.pii.index('users.email', s.email) } : s));
    await takeRateLimitToken(ctx.db, ctx.config.rateLimit, { ...bucket, subjects, path, origin: ctx.origin });
  } catch (err) {
    if (isAppError(err) && err.retryAfterSeconds !== undefined) ctx.resHeaders?.set('Retry-After', String(err.retryAfterSeconds));
    throw err;
  }
  return next();
});

export const publicProcedure = t.procedure.use(t.middleware(rethrowAppErrors)).use(rateLimited);

/** Requires a valid `Authorization: Bearer <access token>`; narrows `ctx.auth` to the claims. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.authError) throw ctx.authError;
  if (!ctx.auth) throw new AppError('auth/unauthenticated', 'Sign in to continue.');
  return next({ ctx: { auth: ctx.auth } });
});

