import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32Encode } from './base32';

/**
 * Time-based one-time passwords: HOTP (RFC 4226 §5) over the time step counter of RFC 6238 §4.
 * Defaults are what every authenticator app supports: SHA-1, 6 digits, 30-second steps.
 */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  algorithm?: TotpAlgorithm;
  digits?: number;
  /** Step size X in seconds (RFC 6238 §4.1). */
  period?: number;
}

const DEFAULTS: Required<TotpOptions> = { algorithm: 'sha1', digits: 6, period: 30 };

/** RFC 6238 §4.2: T = floor((unixTime - T0) / X), T0 = 0. */
export function timeStep(unixSeconds: number, period = DEFAULTS.period): number {
  return Math.floor(unixSeconds / period);
}

/** RFC 4226 §5.3: HMAC over the 8-byte big-endian counter, dynamic truncation, modulo 10^digits. */
export function hotp(secret: Uint8Array, counter: number, options: TotpOptions = {}): string {
  const { algorithm, digits } = { ...DEFAULTS, ...options };
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totp(secret: Uint8Array, unixSeconds: number, options: TotpOptions = {}): string {
  return hotp(secret, timeStep(unixSeconds, options.period), options);
}

/**
 * Checks a code against the current step and one step either side (RFC 6238 §5.2 recommends at
 * most one step of network delay) and returns the step it matched, or null. The caller stores
 * that step and refuses any code for a step at or below it: a code is accepted once only (§5.2).
 * Every candidate is compared in constant time, and all of them always are.
 */
export function verifyTotp(secret: Uint8Array, code: string, unixSeconds: number, options: TotpOptions & { lastUsedStep?: number | null } = {}): number | null {
  const digits = options.digits ?? DEFAULTS.digits;
  const given = Buffer.from(code.replace(/\s/g, '').padEnd(digits, 'x').slice(0, digits + 1));
  const now = timeStep(unixSeconds, options.period);
  let matched: number | null = null;
  for (const step of [now - 1, now, now + 1]) {
    const expected = Buffer.from(hotp(secret, step, options));
    const equal = given.length === expected.length && timingSafeEqual(given, expected);
    if (equal && step > (options.lastUsedStep ?? -1) && matched === null) matched = step;
  }
  return matched;
}

/** A fresh 160-bit secret (RFC 4226 §4 R6 recommends 160 bits), shown base32-encoded. */
export function newTotpSecret(): { secret: Uint8Array; base32: string } {
  const secret = new Uint8Array(randomBytes(20));
  return { secret, base32: base32Encode(secret) };
}

/**
 * The `otpauth://totp/` URI an authenticator app reads from the enrolment QR code (Google
 * Authenticator Key Uri Format): label "Issuer:account", secret base32, and the parameters.
 */
export function otpauthUri(a: { issuer: string; account: string; secretBase32: string } & TotpOptions): string {
  const { algorithm, digits, period } = { ...DEFAULTS, ...a };
  const label = `${encodeURIComponent(a.issuer)}:${encodeURIComponent(a.account)}`;
  const params = new URLSearchParams({ secret: a.secretBase32, issuer: a.issuer, algorithm: algorithm.toUpperCase(), digits: String(digits), period: String(period) });
  return `otpauth://totp/${label}?${params.toString()}`;
}
