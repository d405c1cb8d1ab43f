import { APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk';

/** A failed Claude call, described without the key, the raw body or the API's own message. */
export interface AiFailure {
  /** Short machine word stored in ai_usage.error_kind. */
  kind:
    | 'authentication'
    | 'permission'
    | 'billing'
    | 'bad-request'
    | 'not-found'
    | 'rate-limited'
    | 'overloaded'
    | 'server-error'
    | 'timeout'
    | 'connection'
    | 'bad-response'
    | 'no-tool-use'
    | 'refusal'
    | 'unexpected';
  httpStatus: number | null;
  requestId: string | null;
  /** For the desktop: what happened in plain words, ending with the fallback. */
  note: string;
}

const FALLBACK = 'using the built-in mapping.';

/**
 * Turns whatever the SDK threw into an AiFailure. Status codes and error types follow the
 * Messages API error reference (400 invalid_request_error, 401 authentication_error, 402
 * billing_error, 403 permission_error, 404 not_found_error, 429 rate_limit_error, 500 api_error,
 * 529 overloaded_error); the `retry-after` header of a 429 is passed on in the note.
 */
export function describeAiFailure(err: unknown, timeoutMs: number): AiFailure {
  if (err instanceof APIConnectionTimeoutError) {
    return failure('timeout', null, null, `Claude did not answer within ${Math.round(timeoutMs / 1000)} seconds; ${FALLBACK}`);
  }
  if (err instanceof APIConnectionError) {
    return failure('connection', null, null, `The server could not reach Claude (connection failed); ${FALLBACK}`);
  }
  if (!(err instanceof APIError) || typeof err.status !== 'number') {
    return failure('unexpected', null, null, `The request to Claude failed unexpectedly; ${FALLBACK}`);
  }
  const status = err.status;
  const requestId = typeof err.requestID === 'string' ? err.requestID : null;
  const type = err.type;
  if (status === 401 || type === 'authentication_error') {
    return failure('authentication', status, requestId, `Claude refused the server's API key (${status}); an administrator should check ANTHROPIC_API_KEY. Meanwhile ${FALLBACK}`);
  }
  if (status === 402 || type === 'billing_error') {
    return failure('billing', status, requestId, `The server's Anthropic account has a billing problem (${status}); ${FALLBACK}`);
  }
  if (status === 403 || type === 'permission_error') {
    return failure('permission', status, requestId, `The server's API key may not use this Claude model (${status}); ${FALLBACK}`);
  }
  if (status === 404 || type === 'not_found_error') {
    return failure('not-found', status, requestId, `The Claude model configured on the server was not found (${status}); ${FALLBACK}`);
  }
  if (status === 429 || type === 'rate_limit_error') {
    const wait = retryAfterSeconds(err.headers);
    const later = wait === null ? 'Try again in a minute.' : `Try again in ${wait} second${wait === 1 ? '' : 's'}.`;
    return failure('rate-limited', status, requestId, `Claude's rate limit was reached (${status}); ${FALLBACK} ${later}`);
  }
  if (status === 529 || type === 'overloaded_error') {
    return failure('overloaded', status, requestId, `Claude is overloaded right now (${status}); ${FALLBACK}`);
  }
  if (status >= 500) {
    return failure('server-error', status, requestId, `Claude had a server error (${status}); ${FALLBACK}`);
  }
  return failure('bad-request', status, requestId, `Claude could not process the request (${status}); ${FALLBACK}`);
}

/** A 200 answer that cannot be used (tokens were spent, so it still counts). */
export function unusableAnswer(kind: 'bad-response' | 'no-tool-use' | 'refusal', requestId: string | null): AiFailure {
  const notes = {
    'bad-response': `Claude's answer was not in the expected form; ${FALLBACK}`,
    'no-tool-use': `Claude answered without a column mapping; ${FALLBACK}`,
    refusal: `Claude declined to map these columns; ${FALLBACK}`,
  };
  return failure(kind, 200, requestId, notes[kind]);
}

/** An unexpected failure gets the reference id it was logged under (STYLE.md: unknown errors). */
export function withReference(failure: AiFailure, ref: string): AiFailure {
  return { ...failure, note: `The request to Claude failed unexpectedly (reference ${ref}); ${FALLBACK}` };
}

function failure(kind: AiFailure['kind'], httpStatus: number | null, requestId: string | null, note: string): AiFailure {
  return { kind, httpStatus, requestId, note };
}

// RFC 9110 §10.2.3: delay-seconds or an HTTP-date.
function retryAfterSeconds(headers: Headers | undefined): number | null {
  const value = headers?.get('retry-after')?.trim();
  if (!value) return null;
  const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  return Number.isFinite(seconds) && seconds >= 0 && seconds <= 86_400 ? Math.max(1, seconds) : null;
}
