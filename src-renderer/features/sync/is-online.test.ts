import { describe, expect, it } from 'vitest';
import { isOnline } from './is-online';

const sync = { online: true, syncing: false, pending: 0, rejected: 0, lastSyncAt: '2027-03-12T10:00:05.000Z', lastError: null };
const server = { url: 'http://127.0.0.1:4000', online: false, checkedAt: '2027-03-12T10:00:00.000Z' };

describe('isOnline', () => {
  it('trusts a sync that succeeded after the last health check', () => {
    expect(isOnline(sync, server)).toBe(true);
  });

  it('trusts a newer health check that failed', () => {
    expect(isOnline(sync, { ...server, checkedAt: '2027-03-12T10:00:09.000Z' })).toBe(false);
  });

  it('is offline while the last sync could not reach the server', () => {
    expect(isOnline({ ...sync, lastError: { code: 'server/unreachable', message: 'x' } }, { ...server, online: true })).toBe(false);
  });

  it('uses the sync runner before the first health check', () => {
    expect(isOnline(sync, { ...server, checkedAt: null })).toBe(true);
    expect(isOnline(undefined, { ...server, checkedAt: null })).toBe(false);
  });
});
