/**
 * The server's log lines. Unexpected errors are logged with their reference id (the only thing
 * the client sees) and with secrets kept out: drizzle's query errors carry the bound parameters
 * (password hashes, refresh-token hashes), so only the SQL text and the driver's message are kept.
 */
export function logUnexpected(err: unknown, ref: string, requestId?: string): void {
  const where = requestId ? ` request=${requestId}` : '';
  console.error(`[atlas] unexpected error ref=${ref}${where}: ${describe(err)}`);
}

export function logInfo(message: string): void {
  console.log(`[atlas] ${message}`);
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
