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

  it('keeps the message of anything else, and is null without an error', () => {
    expect(describeSyncError({ code: 'internal/unexpected', message: 'Sync stopped: gap.' })).toMatch(/^Sync failed: Sync stopped: gap\. Your changes are saved/);
    expect(describeSyncError(null)).toBeNull();
  });
});
