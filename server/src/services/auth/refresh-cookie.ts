import type { SessionTokens } from '../../../../shared/auth/schemas';

/**
 * Browser clients (`X-Atlas-Client: browser`) keep the refresh token in a cookie script cannot
 * read (issue 6; OWASP ASVS 5.0 3.3.1/3.3.4: Secure, HttpOnly, SameSite). The `__Host-` prefix
 * (RFC 6265bis §4.1.3.2) makes the browser insist on Secure, Path=/ and no Domain, so a sibling
 * subdomain cannot plant or overwrite it; SameSite=Strict keeps it off cross-site requests. The
 * desktop keeps using the token in the body (it stores it in the OS keychain).
 */
export const REFRESH_COOKIE = '__Host-atlas-refresh';

export function refreshCookie(token: string, expiresAt: Date, now = new Date()): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return `${REFRESH_COOKIE}=${token}; Max-Age=${maxAge}; Path=/; Secure; HttpOnly; SameSite=Strict`;
}

export function clearedRefreshCookie(): string {
  return `${REFRESH_COOKIE}=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Strict`;
}

/** The refresh token from a `Cookie` header, or null. */
export function readRefreshCookie(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === REFRESH_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{32,200}$/.test(value) ? value : null;
    }
  }
  return null;
}

/**
 * For a browser client: sets the cookie on the response and blanks the token in the body.
 * For the desktop: returns the session unchanged.
 */
export function deliverSession<T extends SessionTokens>(session: T, ctx: { clientKind: 'browser' | 'desktop'; resHeaders: Headers | null }): T {
  if (ctx.clientKind !== 'browser') return session;
  ctx.resHeaders?.append('Set-Cookie', refreshCookie(session.refreshToken, new Date(session.refreshTokenExpiresAt)));
  return { ...session, refreshToken: '' };
}
