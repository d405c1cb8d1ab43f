import { AsyncLocalStorage } from 'node:async_hooks';

const request = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Runs `fn` (a request's handling) so that every log line written during it names the request
 * id the client got in `X-Request-Id` (OWASP ASVS 7.1 / issue 6: ids on every response and log line).
 */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return request.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return request.getStore()?.requestId;
}

/**
 * The server's log lines. Unexpected errors are logged with their reference id (the only thing
 * the client sees) and with secrets kept out: drizzle's query errors carry the bound parameters
 * (password hashes, refresh-token hashes), so only the SQL text and the driver's message are kept.
 */
export function logUnexpected(err: unknown, ref: string, requestId: string | undefined = currentRequestId()): void {
  const where = requestId ? ` request=${requestId}` : '';
  console.error(`[atlas] unexpected error ref=${ref}${where}: ${describe(err)}`);
}

/** Inside a request the line carries its id; outside (start-up, shutdown) there is none to name. */
export function logInfo(message: string, requestId: string | undefined = currentRequestId()): void {
  console.log(`[atlas]${requestId ? ` request=${requestId}` : ''} ${message}`);
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if ('query' in err && 'params' in err) {
    const cause = err.cause instanceof Error ? err.cause.message : String(err.cause);
    return `database query failed: ${cause}\n  query: ${String(err.query)}\n  (parameters withheld)\n${stackOf(err.cause)}`;
  }
  return err.stack ?? `${err.name}: ${err.message}`;
}

function stackOf(err: unknown): string {
  return err instanceof Error && err.stack ? err.stack : '';
}
