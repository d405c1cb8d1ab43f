import { describe, expect, it } from 'vitest';
import { describeSyncError } from './describe-sync-error';

describe('describeSyncError', () => {
  it('says nothing is lost when the server is away', () => {
    expect(describeSyncError({ code: 'server/unreachable', message: 'fetch failed' })).toBe(
      'Server unreachable — your changes are saved on this computer and will be sent when it is back.',
    );
  });

  it('tells the person what to do about a sign-in the server refuses', () => {
    expect(describeSyncError({ code: 'auth/refresh-invalid', message: 'x' })).toMatch(/Sign out and in again/);
  });

  it('says a rate-limited upload is only paced, and when it goes on', () => {
    expect(describeSyncError({ code: 'rate-limit/exceeded', message: 'Too many requests', retryAfterSeconds: 2 })).toBe(
      'The server is pacing uploads from this account — your changes are saved on this computer; Atlas sends the rest in about 2 s.',
    );
    expect(describeSyncError({ code: 'rate-limit/exceeded', message: 'x', retryAfterSeconds: 900 })).toMatch(/in about 15 minutes\.$/);
  });

  it('keeps the message of anything else, and is null without an error', () => {
    expect(describeSyncError({ code: 'internal/unexpected', message: 'Sync stopped: gap.' })).toMatch(/^Sync failed: Sync stopped: gap\. Your changes are saved/);
    expect(describeSyncError(null)).toBeNull();
  });
});
