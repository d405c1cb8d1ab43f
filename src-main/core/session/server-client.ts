import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { AppError, isAppError, isErrorCode, type FieldIssue } from '../../../shared/errors';
import type { AppRouter } from '../../../server/src/routers/_app';

export type ServerClient = ReturnType<typeof createServerClient>;

const DESKTOP_USER_AGENT = `Atlas-Desktop (${process.platform}; Node ${process.versions.node})`;

export interface ServerClientOptions {
  serverUrl: string;
  /** Supplies the Bearer access token for authenticated procedures (null for public ones). */
  accessToken?: () => Promise<string | null>;
  timeoutMs?: number;
  /** The network; tests pass one that injects faults (dropped responses, duplicates). */
  fetch?: typeof fetch;
}

/** A tRPC client for the Atlas server; its types flow from the server's AppRouter. */
export function createServerClient(options: ServerClientOptions) {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const send = options.fetch ?? fetch;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${options.serverUrl}/trpc`,
        fetch: (url, init) => withReconnect(() => send(url, { ...init, signal: AbortSignal.timeout(timeoutMs) } as RequestInit)),
        headers: async () => {
          const token = options.accessToken ? await options.accessToken() : null;
          // Named in the server's security events (issue 6: who signed in from what).
          const agent = { 'user-agent': DESKTOP_USER_AGENT };
          return token ? { ...agent, authorization: `Bearer ${token}` } : agent;
        },
      }),
    ],
  });
}

/**
 * A kept-alive connection the server has just closed fails the next request with ECONNRESET
 * before it reaches the server. Every Atlas call is safe to resend — pushes are idempotent by
 * (client, seq), pulls and sign-ins read or create a fresh session — so retry that case once.
 */
async function withReconnect(send: () => Promise<Response>): Promise<Response> {
  try {
    return await send();
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET' && code !== 'EPIPE') throw err;
    return send();
  }
}

/**
 * Calls the server and turns whatever goes wrong into an AppError: the server's own
 * `{code, message, issues}` when it answered, `server/unreachable` when it did not.
 */
export async function callServer<T>(serverUrl: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toAppError(serverUrl, err);
  }
}

function toAppError(serverUrl: string, err: unknown): unknown {
  if (!(err instanceof TRPCClientError)) return err;
  // Thrown on our side of the link (e.g. the token refresh in `headers()` was refused).
  if (isAppError(err.cause)) return err.cause;
  const app = (err.data as { app?: { code?: unknown; message?: unknown; issues?: FieldIssue[]; retryAfterSeconds?: unknown } } | undefined)?.app;
  if (app && isErrorCode(app.code) && typeof app.message === 'string') {
    // A lockout or an empty token bucket says when to try again (RFC 6585 §4, Retry-After);
    // the renderer counts it down.
    const retryAfterSeconds = typeof app.retryAfterSeconds === 'number' && app.retryAfterSeconds >= 0 ? app.retryAfterSeconds : undefined;
    return new AppError(app.code, app.message, { cause: err, issues: app.issues, retryAfterSeconds });
  }
  if (err.data === undefined || err.data === null) {
    return new AppError(
      'server/unreachable',
      `The Atlas server at ${serverUrl} cannot be reached. Check the network and the server address; nothing on this computer is lost.`,
      { cause: err },
    );
  }
  return new AppError('server/bad-response', `The Atlas server at ${serverUrl} sent a response Atlas does not understand.`, { cause: err });
}
