/**
 * One Content-Security-Policy for the renderer wherever it runs (Electron window headers,
 * the browser shell's responses, and the meta tag in index.html): only our own bundled code,
 * no inline script, no remote content, no plugins, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
