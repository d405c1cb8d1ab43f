import { createHmac } from 'node:crypto';

/**
 * A keyed blind index (issue 6): the email column is encrypted with a random IV, so equality
 * lookup ("is this email registered?", sign-in) goes through HMAC-SHA256 (RFC 2104) of the
 * normalised value under a separate index key. Without that key the index reveals nothing
 * searchable, and it is deterministic, so a unique constraint on it still decides duplicates.
 */
export function blindIndex(indexKey: Uint8Array, column: string, value: string): string {
  // The column is part of the MAC input, so equal values in different columns do not correlate.
  return hmacSha256(indexKey, new TextEncoder().encode(`${column}\u0000${value.normalize('NFC').trim().toLowerCase()}`)).toString('base64url');
}

export function hmacSha256(key: Uint8Array, message: Uint8Array): Buffer {
  return createHmac('sha256', key).update(message).digest();
}
