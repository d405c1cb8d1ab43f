import { describe, expect, it } from 'vitest';
import { clearedRefreshCookie, deliverSession, readRefreshCookie, REFRESH_COOKIE, refreshCookie } from './refresh-cookie';

const token = 'A'.repeat(43);

describe('browser refresh cookie', () => {
  it('is a __Host- cookie: Secure, HttpOnly, SameSite=Strict, Path=/, no Domain', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(refreshCookie(token, new Date(now.getTime() + 3_600_000), now)).toBe(`${REFRESH_COOKIE}=${token}; Max-Age=3600; Path=/; Secure; HttpOnly; SameSite=Strict`);
    expect(clearedRefreshCookie()).toContain('Max-Age=0');
  });

  it('reads the token from a Cookie header among others, and ignores malformed values', () => {
    expect(readRefreshCookie(`a=1; ${REFRESH_COOKIE}=${token}; b=2`)).toBe(token);
    expect(readRefreshCookie(`${REFRESH_COOKIE}=short`)).toBeNull();
    expect(readRefreshCookie(`${REFRESH_COOKIE}x=${token}`)).toBeNull();
    expect(readRefreshCookie(null)).toBeNull();
  });

  it('moves the token from the body to Set-Cookie for browsers only', () => {
    const session = { accessToken: 'a', accessTokenExpiresAt: '2030-01-01T00:00:00Z', refreshToken: token, refreshTokenExpiresAt: '2030-01-31T00:00:00Z', user: { id: 'u', email: 'e', name: 'n', role: 'qa' as const }, company: { id: 'c', name: 'C' } };
    const headers = new Headers();
    expect(deliverSession(session, { clientKind: 'browser', resHeaders: headers }).refreshToken).toBe('');
    expect(headers.get('set-cookie')).toContain(`${REFRESH_COOKIE}=${token};`);
    expect(deliverSession(session, { clientKind: 'desktop', resHeaders: new Headers() }).refreshToken).toBe(token);
  });
});
