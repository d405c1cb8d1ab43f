import { APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { describeAiFailure, unusableAnswer } from './ai-failure';

const KEY = 'sk-ant-api03-secret-key-never-shown';

function apiError(status: number, type: string, headers: Record<string, string> = {}): APIError {
  // The body and message an error carries may echo request details; the note must not.
  const body = { type: 'error', error: { type, message: `upstream said something about ${KEY}` }, request_id: 'req_011CX' };
  return APIError.generate(status, body, undefined, new Headers({ 'request-id': 'req_011CX', ...headers }));
}

describe('describeAiFailure', () => {
  it.each([
    [401, 'authentication_error', 'authentication', /refused the server's API key \(401\)/],
    [402, 'billing_error', 'billing', /billing problem \(402\)/],
    [403, 'permission_error', 'permission', /may not use this Claude model \(403\)/],
    [404, 'not_found_error', 'not-found', /model configured on the server was not found \(404\)/],
    [400, 'invalid_request_error', 'bad-request', /could not process the request \(400\)/],
    [529, 'overloaded_error', 'overloaded', /^Claude is overloaded right now \(529\); using the built-in mapping\.$/],
    [500, 'api_error', 'server-error', /server error \(500\)/],
    [503, 'api_error', 'server-error', /server error \(503\)/],
  ])('%i %s → %s', (status, type, kind, note) => {
    const f = describeAiFailure(apiError(status, type), 20_000);
    expect(f).toMatchObject({ kind, httpStatus: status, requestId: 'req_011CX' });
    expect(f.note).toMatch(note);
    expect(f.note).toMatch(/using the built-in mapping/);
    expect(f.note).not.toContain(KEY);
    expect(f.note).not.toContain('upstream');
  });

  it('passes on retry-after for a 429, in seconds', () => {
    expect(describeAiFailure(apiError(429, 'rate_limit_error', { 'retry-after': '17' }), 20_000).note).toBe(
      "Claude's rate limit was reached (429); using the built-in mapping. Try again in 17 seconds.",
    );
    expect(describeAiFailure(apiError(429, 'rate_limit_error'), 20_000).note).toMatch(/Try again in a minute\.$/);
    expect(describeAiFailure(apiError(429, 'rate_limit_error', { 'retry-after': 'soon' }), 20_000).note).toMatch(/Try again in a minute\.$/);
  });

  it('names a timeout and a connection failure', () => {
    expect(describeAiFailure(new APIConnectionTimeoutError(), 20_000)).toMatchObject({ kind: 'timeout', httpStatus: null, note: 'Claude did not answer within 20 seconds; using the built-in mapping.' });
    const refused = new APIConnectionError({ message: 'Connection error.', cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    expect(describeAiFailure(refused, 20_000)).toMatchObject({ kind: 'connection', note: 'The server could not reach Claude (connection failed); using the built-in mapping.' });
  });

  it('gives anything else a generic note', () => {
    expect(describeAiFailure(new TypeError(`bad ${KEY}`), 20_000)).toMatchObject({ kind: 'unexpected', note: 'The request to Claude failed unexpectedly; using the built-in mapping.' });
  });

  it('describes unusable 200 answers', () => {
    expect(unusableAnswer('bad-response', 'req_1')).toMatchObject({ kind: 'bad-response', httpStatus: 200, note: "Claude's answer was not in the expected form; using the built-in mapping." });
    expect(unusableAnswer('no-tool-use', null).note).toBe('Claude answered without a column mapping; using the built-in mapping.');
    expect(unusableAnswer('refusal', null).note).toBe('Claude declined to map these columns; using the built-in mapping.');
  });
});
