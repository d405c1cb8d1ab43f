import { BACKUP_CODE, TOTP_CODE } from '../../../shared/auth/mfa-schemas';

export type CodeKind = 'totp' | 'backup';

/** What a person typed, tidied: spaces dropped (apps show "123 456"), backup codes lower-cased. */
export function normaliseCode(kind: CodeKind, raw: string): string {
  const compact = raw.replace(/\s+/g, '');
  return kind === 'totp' ? compact : compact.toLowerCase();
}

/** The client-side check before a round trip; the server decides. */
export function codeProblem(kind: CodeKind, raw: string): string | undefined {
  const code = normaliseCode(kind, raw);
  if (code === '') return kind === 'totp' ? 'Enter the 6-digit code from your authenticator app.' : 'Enter one of your backup codes.';
  if (kind === 'totp' && !TOTP_CODE.test(code)) return 'The code has 6 digits. Type the digits your authenticator app shows now.';
  if (kind === 'backup' && !BACKUP_CODE.test(code)) return 'A backup code looks like abcd-2345 (8 letters and digits 2–7).';
  return undefined;
}

/** The base32 secret in groups of four for reading and typing ("JBSW Y3DP EHPK 3PXP"). */
export function groupSecret(secret: string): string {
  const clean = secret.replace(/[\s-]/g, '').toUpperCase();
  return clean.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** The QR code as an image the page's CSP allows (`img-src 'self' data:`); the SVG never becomes DOM. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
